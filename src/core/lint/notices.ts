import type { Severity } from '../model/severity';

/** Findings the engine itself reports about suppressions, configurable in `.cnc.yaml` like rules. */
export interface LintNotice {
  id: string;
  title: string;
  severity: Severity;
  rationale: string;
  remediation: string;
}

export const SUPPRESSION_REASON_MISSING: LintNotice = {
  id: 'suppression-reason-missing',
  title: 'Suppression without a reason',
  severity: 'info',
  rationale:
    'A suppression hides a finding for good. Without a reason nobody can later tell whether the exception still holds, ' +
    'so reasons keep suppressions honest and reviewable.',
  remediation: 'Add ` -- <why this is acceptable>` after the rule ids of the comment or annotation.',
};

export const SUPPRESSION_UNKNOWN_RULE: LintNotice = {
  id: 'suppression-unknown-rule',
  title: 'Suppression names an unknown rule',
  severity: 'warning',
  rationale: 'A misspelt rule id suppresses nothing, so the finding it was meant for keeps appearing (or a renamed rule silently comes back).',
  remediation: 'Use the rule id exactly as `cnc rules` lists it.',
};

/** `cnc lint`: a custom resource that does not fit the schema of its kind's CustomResourceDefinition among the paths. */
export const CUSTOM_RESOURCE_SCHEMA: LintNotice = {
  id: 'custom-resource-schema',
  title: 'Custom resource does not match its CRD schema',
  severity: 'error',
  rationale: 'The API server validates a custom resource against the openAPIV3Schema of its CustomResourceDefinition and rejects (or prunes) what does not fit.',
  remediation: "Change the field to what the CRD's schema says (its type, its allowed values), or remove a field the schema does not have.",
};

export const KUSTOMIZATION_PATH_MISSING: LintNotice = {
  id: 'kustomization-path-missing',
  title: 'kustomization.yaml names a path that does not exist',
  severity: 'error',
  rationale: '`kustomize build` and `kubectl apply -k` stop at the first resource, patch, component or generator file they cannot find, so nothing of the overlay is applied.',
  remediation: 'Fix the path (it is relative to the folder of the kustomization.yaml), add the file, or remove the entry.',
};

export const KUSTOMIZATION_CYCLE: LintNotice = {
  id: 'kustomization-cycle',
  title: 'kustomization.yaml builds in a folder that leads back to it',
  severity: 'error',
  rationale: 'Kustomize refuses a kustomization that includes itself through its resources, bases or components: the build fails with a cycle error.',
  remediation: 'Remove the entry that leads back; shared objects belong in a base that both overlays include.',
};

export const LINT_NOTICES: readonly LintNotice[] = [SUPPRESSION_REASON_MISSING, SUPPRESSION_UNKNOWN_RULE, CUSTOM_RESOURCE_SCHEMA, KUSTOMIZATION_PATH_MISSING, KUSTOMIZATION_CYCLE];
