import { child } from '../../model/tree';
import { defineRule, type FindingDraft } from '../rule';
import { isResourceOf } from './terraformValues';

/** A `kubernetes_secret` whose values are written literally in the Terraform code. */
export const kubernetesSecretDataInCode = defineRule({
  id: 'kubernetes-secret-data-in-code',
  target: 'terraform-block',
  title: 'Kubernetes Secret value written in Terraform code',
  severity: 'warning',
  enabledByDefault: true,
  reports: 'presence',
  concept: 'secret',
  rationale:
    'A literal value in a `kubernetes_secret` is committed with the code, so everyone who can read the repository ' +
    'and its history knows the secret; base64 in the cluster does not hide it. (Terraform state holds the value ' +
    'either way, which is why state needs access control and encryption too.)',
  remediation:
    'Feed the value from a variable marked `sensitive = true`, a secret-manager data source (`aws_secretsmanager_secret_version`, ' +
    '`vault_kv_secret_v2`) or a generated value (`random_password`), or manage the Secret outside Terraform ' +
    '(External Secrets, Sealed Secrets).',
  equivalents: {},
  check(block) {
    if (!isResourceOf(block, ['kubernetes_secret', 'kubernetes_secret_v1'])) return [];
    const findings: FindingDraft[] = [];
    for (const key of ['data', 'binary_data']) {
      const map = child(block.body, key);
      if (map?.kind !== 'map') continue;
      for (const entry of map.entries) {
        if (entry.value.kind !== 'scalar' || typeof entry.value.value !== 'string' || entry.value.value === '') continue;
        findings.push({ message: `Secret key "${entry.key}" of ${block.address} has its value written in the code.`, span: entry.value.span });
      }
    }
    return findings;
  },
});
