import { EMPTY_CONFIG, type CncConfig } from '../config/config';
import { DEFAULT_KUBERNETES_VERSION } from '../model/kubernetesVersion';
import { EditUnsupported, type ManifestEditor } from '../model/edit';
import type { K8sObject } from '../model/k8sObject';
import { carriesPatchDirective } from '../model/kustomization';
import { containersOf } from '../model/podSpecs';
import type { Severity } from '../model/severity';
import type { Span } from '../model/tree';
import type { Finding, FindingDraft, Fix, ParsedFile, Rule, RuleContext } from '../rules/rule';
import { yamlEditor } from '../yaml/yamlEditor';
import { parseYaml, type ParsedYamlFile } from '../yaml/parseYaml';
import { hclEditor } from '../terraform/hclEditor';
import type { ParsedTerraformFile } from '../terraform/parseTerraform';
import { KUSTOMIZATION_CYCLE, KUSTOMIZATION_PATH_MISSING, SUPPRESSION_REASON_MISSING, SUPPRESSION_UNKNOWN_RULE } from './notices';
import { cycleFindings, inlinePatches, missingPathFindings, outerOffset, type KustomizationOnDisk } from './kustomize';
import { activeRules, configurableIds, noticeSeverity } from './ruleSettings';
import { annotationSuppressions, commentSuppressions, configSuppressions, type Suppression } from './suppression';
import { terraformBlocksOf } from '../rules/terraform/terraformValues';
import { blockSummary } from './terraformLint';

export interface LintOptions {
  rules: readonly Rule[];
  /** Also run the rules that are off by default (rules the config turns off stay off). */
  allRules?: boolean;
  /** Workspace config: rules on/off, severities, target version, ignore entries. */
  config?: CncConfig;
  /** Target Kubernetes release; wins over the config's. Default 1.30. */
  kubernetesVersion?: string;
  /**
   * Objects from the other files of the same workspace folder (never this file's own). Cross-object rules see them
   * (a Service here, its Deployment there); findings are only reported for this file's objects.
   */
  workspaceObjects?: readonly K8sObject[];
  /**
   * The file is a Kustomize patch (a kustomization names it under `patches`, `patchesStrategicMerge` or
   * `patchesJson6902`): its objects are partial, so rules that report absences are not run on them. A document
   * with a `$patch` directive is partial without this.
   */
  patch?: boolean;
  /**
   * For a kustomization file: what the paths it names are on disk, so a missing one is reported. Given, the file is
   * taken as a kustomization: its inline patches are checked too, as patches (findings without fixes).
   */
  kustomization?: KustomizationOnDisk;
  /** This file's path relative to the config file's folder, with `/` separators (for `ignore.files` globs). */
  path?: string;
}

export interface LintResult {
  findings: Finding[];
  /** Findings hidden by a comment, an annotation or the config, with what hid them. */
  suppressed: { finding: Finding; by: 'comment' | 'annotation' | 'config' }[];
  /** The fixes of any of these findings, computed on demand with the context the checks ran with (built once per file). */
  fixes: FixesOf;
}

/** The fixes of one finding; `failure` says that the rule's fix threw (a bug), reported like a check that throws. */
interface FindingFixes {
  fixes: Fix[];
  failure?: string;
}

export type FixesOf = (finding: Finding) => FindingFixes;

/** Runs every enabled rule on every object of a file; a rule that throws is reported, never fatal. */
export function lintFile(file: ParsedFile, options: LintOptions): Finding[] {
  return lintFileDetailed(file, options).findings;
}

export function lintFileDetailed(file: ParsedFile, options: LintOptions): LintResult {
  const config = options.config ?? EMPTY_CONFIG;
  const context = ruleContext(file, options);
  const raw: Finding[] = [];
  // A partial object leaves out what its base has: a rule that reports an absence would only report the base's fields.
  const partial = new Set(file.objects.filter((object) => options.patch || (file.text.includes('$patch') && carriesPatchDirective(object.root))));
  for (const { rule, severity } of activeRules(options.rules, config, options.allRules ?? false)) {
    if (rule.target === 'object') {
      for (const object of file.objects) {
        if (rule.reports === 'absence' && partial.has(object)) continue;
        for (const draft of checked(rule, () => rule.check(object, context), 'object', object.span)) {
          raw.push({ ...draft, ruleId: rule.id, severity, object: summary(object), container: containerAt(object, draft.span.start) });
        }
      }
    } else {
      for (const block of terraformBlocksOf(file)) {
        for (const draft of checked(rule, () => rule.check(block, context), 'block', block.syntax.span)) {
          raw.push({ ...draft, ruleId: rule.id, severity, object: blockSummary(block) });
        }
      }
    }
  }
  const comments = commentSuppressions(file);
  const annotations = file.objects.flatMap((object) => annotationSuppressions(object, options.rules));
  const fromConfig = configSuppressions(config, options.path);
  const findings: Finding[] = [];
  const suppressed: LintResult['suppressed'] = [];
  for (const finding of raw) {
    const by = comments.some((s) => s.covers(finding)) ? 'comment'
      : annotations.some((s) => s.covers(finding)) ? 'annotation'
        : fromConfig.some((covers) => covers(finding)) ? 'config' : undefined;
    if (by) suppressed.push({ finding, by });
    else findings.push(finding);
  }
  findings.push(...suppressionNotices([...comments, ...annotations], file, options.rules, config));
  if (options.kustomization) findings.push(...kustomizationFindings(file, options.kustomization, config, options));
  findings.sort((a, b) => a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId));
  return { findings, suppressed, fixes: fixesWith(context, options.rules) };
}

/** What the engine reports about a kustomization file itself: missing paths, cycles, its inline patches. */
function kustomizationFindings(file: ParsedFile, kustomization: KustomizationOnDisk, config: CncConfig, options: LintOptions): Finding[] {
  const findings: Finding[] = [];
  for (const [notice, find] of [[KUSTOMIZATION_PATH_MISSING, missingPathFindings], [KUSTOMIZATION_CYCLE, cycleFindings]] as const) {
    const severity = noticeSeverity(notice.id, config);
    if (severity) findings.push(...find(file, kustomization).map((finding) => ({ ...finding, severity })));
  }
  if (file.language === 'yaml') findings.push(...inlinePatchFindings(file as ParsedYamlFile, options));
  return findings;
}

/** Findings in a kustomization's inline patches: their fixes would edit the patch's text, not the file's. */
const withoutFixes = new WeakSet<Finding>();

/** The findings of the inline patches of a kustomization, moved to where the patches are written in it. */
function inlinePatchFindings(file: ParsedYamlFile, options: LintOptions): Finding[] {
  return inlinePatches(file).flatMap((patch) => {
    const inner = lintFileDetailed(parseYaml(patch.text), { ...options, patch: true, kustomization: undefined });
    return inner.findings.map((finding) => {
      const moved: Finding = { ...finding, data: undefined, span: { start: outerOffset(patch, finding.span.start), end: outerOffset(patch, finding.span.end) } };
      withoutFixes.add(moved);
      return moved;
    });
  });
}

/** A rule's check on one target; one that throws becomes a finding on the target instead of stopping the lint. */
function checked(rule: Rule, check: () => FindingDraft[], target: string, span: Span): FindingDraft[] {
  try {
    return check();
  } catch (error) {
    return [{ message: `Rule ${rule.id} failed on this ${target}: ${(error as Error).message}`, span }];
  }
}

/**
 * The fixes of any finding of `file`, all sharing one rule context (so a file's fixes cost one context, not one per
 * finding), built when the first fix is asked for. Pass the same options as to `lintFile` so cross-object fixes see
 * the same objects.
 */
export function fileFixes(file: ParsedFile, rules: readonly Rule[], options: Omit<LintOptions, 'rules'> = {}): FixesOf {
  let fixesOf: FixesOf | undefined;
  return (finding) => (fixesOf ??= fixesWith(ruleContext(file, { ...options, rules }), rules))(finding);
}

/** The quick fixes of one finding. A fix that throws (a bug, unlike an edit that is not possible here) throws here. */
export function fixesFor(finding: Finding, file: ParsedFile, rules: readonly Rule[], options: Omit<LintOptions, 'rules'> = {}): Fix[] {
  const { fixes, failure } = fileFixes(file, rules, options)(finding);
  if (failure) throw new Error(failure);
  return fixes;
}

function fixesWith(context: RuleContext, rules: readonly Rule[]): FixesOf {
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  return (finding) => {
    const rule = byId.get(finding.ruleId);
    if (!rule?.fix || withoutFixes.has(finding)) return { fixes: [] };
    try {
      // A fix whose edits the language editor could not write (an unknown or synthetic node) is no fix.
      return { fixes: rule.fix(finding, context).filter((fix) => fix.edits.length > 0) };
    } catch (error) {
      if (error instanceof EditUnsupported) return { fixes: [] };
      return { fixes: [], failure: `Rule ${rule.id} failed to compute its fix: ${(error as Error).message}` };
    }
  };
}

/** The edit adapter for a file's language. */
export function editorFor(file: ParsedFile): ManifestEditor {
  if (file.language === 'yaml') return yamlEditor(file as ParsedYamlFile);
  if (file.language === 'terraform') return hclEditor(file as ParsedTerraformFile);
  throw new Error(`No editor for ${file.language} files yet`);
}

function ruleContext(file: ParsedFile, options: LintOptions): RuleContext {
  const workspace = options.workspaceObjects && { objects: options.workspaceObjects };
  let objects: K8sObject[] | undefined;
  let editor: ManifestEditor | undefined;
  return {
    file,
    // Built on first read: cross-object lookups use `workspace` (one index per folder), so copying and filtering the
    // folder's objects for every file (files × objects) is only paid by a rule that reads the whole list.
    get objects() { return (objects ??= workspace ? withOthers(file.objects, workspace) : file.objects); },
    workspace,
    // Built on first use: checking never needs it, and a language without an editor can still be checked.
    get editor() { return (editor ??= editorFor(file)); },
    kubernetesVersion: options.kubernetesVersion ?? options.config?.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION,
  };
}

/** The file's objects followed by the workspace's others (without the file's own). */
function withOthers(own: K8sObject[], workspace: NonNullable<RuleContext['workspace']>): K8sObject[] {
  const left = new Set(own);
  return [...own, ...workspace.objects.filter((o) => !left.has(o))];
}

/** Findings about the suppressions themselves: no reason given, or a rule id that does not exist. */
function suppressionNotices(suppressions: Suppression[], file: ParsedFile, rules: readonly Rule[], config: CncConfig): Finding[] {
  const known = new Set(configurableIds(rules));
  const notices: Finding[] = [];
  const push = (id: string, severity: Severity | undefined, message: string, s: Suppression) => {
    if (!severity) return;
    const object = s.object ? summary(s.object) : { address: '(file)', language: file.language, documentIndex: -1 };
    notices.push({ ruleId: id, severity, message, span: s.span, object });
  };
  for (const s of suppressions) {
    if (s.foreign) continue;
    const unknown = s.rules.filter((id) => id !== '*' && !known.has(id));
    if (unknown.length > 0) {
      push(SUPPRESSION_UNKNOWN_RULE.id, noticeSeverity(SUPPRESSION_UNKNOWN_RULE.id, config), `Unknown rule id${unknown.length > 1 ? 's' : ''} ${unknown.map((id) => `"${id}"`).join(', ')}: this suppression hides nothing for ${unknown.length > 1 ? 'them' : 'it'}.`, s);
    }
    if (s.rules.length === 0) push(SUPPRESSION_UNKNOWN_RULE.id, noticeSeverity(SUPPRESSION_UNKNOWN_RULE.id, config), 'This suppression names no rule, so it hides nothing; list the rule ids it is for.', s);
    if (!s.reason) push(SUPPRESSION_REASON_MISSING.id, noticeSeverity(SUPPRESSION_REASON_MISSING.id, config), 'This suppression gives no reason; add "-- <why>" so it can be reviewed later.', s);
  }
  return notices;
}

/** The name of the container whose text holds `offset`, if any. */
function containerAt(object: K8sObject, offset: number): string | undefined {
  return containersOf(object).find((ref) => ref.container.span.start <= offset && offset < ref.container.span.end)?.name;
}

function summary(object: K8sObject): Finding['object'] {
  return { address: object.address, kind: object.kind, name: object.name, namespace: object.namespace, language: object.language, documentIndex: object.documentIndex };
}

/** Applies non-overlapping edits to a text (what an editor does with a fix's edits; tests use it). */
export function applyEdits(text: string, edits: { span: { start: number; end: number }; newText: string }[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  return result;
}
