import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import type { Severity } from '../model/severity';
import type { Span } from '../model/tree';
import { parseKubernetesVersion } from '../model/kubernetesVersion';
import { nearestNames } from '../text/editDistance';

/** The workspace config file, read by the editor and by `cnc lint` (found in the file's folder or any parent). */
export const CONFIG_FILE_NAME = '.cnc.yaml';

/** `off`, `on` (the rule's own severity), or a severity (which also turns the rule on). */
export type RuleSetting = 'off' | 'on' | Severity;

/** A suppression that lives in the config file rather than next to the manifest. */
export interface IgnoreEntry {
  /** Rule ids; `*` for every rule. */
  rules: string[];
  /** Object addresses (`Deployment/web`, `kubernetes_deployment.web`); globs allowed. All objects when absent. */
  objects?: string[];
  /** File paths relative to the config file's folder; globs allowed. All files when absent. */
  files?: string[];
  reason?: string;
  /** Where the entry is written in the config file (for messages about it). */
  span?: Span;
}

export interface CncConfig {
  /** Target Kubernetes release, `1.30`. */
  kubernetesVersion?: string;
  rules: Record<string, RuleSetting>;
  ignore: IgnoreEntry[];
}

export interface ConfigProblem {
  message: string;
  severity: 'error' | 'warning' | 'info';
  span: Span;
}

export const EMPTY_CONFIG: CncConfig = Object.freeze({ rules: {}, ignore: [] }) as CncConfig;

const SETTINGS = ['off', 'on', 'error', 'warning', 'info', 'hint'] as const;
const TOP_LEVEL = ['kubernetesVersion', 'rules', 'ignore'];
const IGNORE_KEYS = ['rules', 'objects', 'files', 'reason'];

/**
 * Reads `.cnc.yaml`. Every problem gets a message and the place it is written; the config keeps whatever is valid,
 * so one typo never turns all checks off.
 *
 * ```yaml
 * kubernetesVersion: "1.30"
 * rules:
 *   cpu-limit-missing: on          # on, off, or a severity: error | warning | info | hint
 *   host-path-volume: error
 * ignore:
 *   - rules: [host-network]
 *     objects: ["DaemonSet/node-exporter"]
 *     files: ["monitoring/**"]
 *     reason: node-exporter reads host network statistics
 * ```
 */
export function parseConfig(text: string, knownRuleIds: readonly string[]): { config: CncConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const config: CncConfig = { rules: {}, ignore: [] };
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  for (const error of doc.errors) problems.push({ message: `${CONFIG_FILE_NAME} is not valid YAML: ${error.message.split('\n')[0]}`, severity: 'error', span: spanOfPos(error.pos) });
  if (doc.errors.length > 0) return { config, problems };
  const root = doc.contents as Node | null;
  if (root === null || (isScalar(root) && root.value === null)) return { config, problems };
  if (!isMap(root)) {
    problems.push({ message: `${CONFIG_FILE_NAME} must be a map with kubernetesVersion, rules and ignore.`, severity: 'error', span: spanOf(root) });
    return { config, problems };
  }
  const known = new Set(knownRuleIds);
  for (const pair of root.items as Pair<Node, Node>[]) {
    const key = keyOf(pair);
    if (key === 'kubernetesVersion') readVersion(pair, config, problems);
    else if (key === 'rules') readRules(pair.value, known, config, problems);
    else if (key === 'ignore') readIgnores(pair.value, known, config, problems);
    else problems.push({ message: `Unknown setting "${key}"; ${CONFIG_FILE_NAME} knows ${TOP_LEVEL.join(', ')}.`, severity: 'warning', span: spanOf(pair.key) });
  }
  // Block collections end after their last line break: point at their text only.
  for (const problem of problems) {
    while (problem.span.end > problem.span.start && /\s/.test(text[problem.span.end - 1]!)) problem.span.end--;
  }
  for (const entry of config.ignore) {
    while (entry.span && entry.span.end > entry.span.start && /\s/.test(text[entry.span.end - 1]!)) entry.span.end--;
  }
  return { config, problems };
}

/**
 * Editor settings laid over the file config: a rule set in the settings replaces the file's setting for that rule;
 * a version in the settings replaces the file's; ignore entries add up.
 */
export function mergeConfig(base: CncConfig, override: Partial<CncConfig>): CncConfig {
  return {
    kubernetesVersion: override.kubernetesVersion ?? base.kubernetesVersion,
    rules: { ...base.rules, ...override.rules },
    ignore: [...base.ignore, ...(override.ignore ?? [])],
  };
}

/**
 * Validates settings coming from an editor (VS Code's `cnc.rules` and `cnc.kubernetesVersion`), with the same rules
 * as the file. Problems have no place in a file: their span is empty.
 */
export function settingsToConfig(settings: { rules?: unknown; kubernetesVersion?: unknown }, knownRuleIds: readonly string[]): { config: Partial<CncConfig>; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const config: Partial<CncConfig> = {};
  const nowhere = { start: 0, end: 0 };
  if (typeof settings.kubernetesVersion === 'string' && settings.kubernetesVersion.trim() !== '') {
    if (parseKubernetesVersion(settings.kubernetesVersion)) config.kubernetesVersion = normaliseVersion(settings.kubernetesVersion);
    else problems.push({ message: `Setting cnc.kubernetesVersion "${settings.kubernetesVersion}" is not a Kubernetes version like 1.30.`, severity: 'error', span: nowhere });
  }
  if (settings.rules && typeof settings.rules === 'object' && !Array.isArray(settings.rules)) {
    const known = new Set(knownRuleIds);
    const rules: Record<string, RuleSetting> = {};
    for (const [id, value] of Object.entries(settings.rules as Record<string, unknown>)) {
      const setting = toSetting(value);
      if (!known.has(id)) problems.push({ message: `Setting cnc.rules names unknown rule "${id}".${suggest(id, knownRuleIds)}`, severity: 'warning', span: nowhere });
      else if (!setting) problems.push({ message: `Setting cnc.rules.${id} must be one of ${SETTINGS.join(', ')}.`, severity: 'error', span: nowhere });
      else rules[id] = setting;
    }
    config.rules = rules;
  }
  return { config, problems };
}

function readVersion(pair: Pair<Node, Node>, config: CncConfig, problems: ConfigProblem[]): void {
  const value = pair.value;
  // The source text keeps `1.30` intact where the parsed number would be 1.3.
  const text = isScalar(value) ? (value.source ?? String(value.value)) : undefined;
  if (text !== undefined && parseKubernetesVersion(String(text))) config.kubernetesVersion = normaliseVersion(String(text));
  else problems.push({ message: 'kubernetesVersion must be a Kubernetes release such as "1.30".', severity: 'error', span: spanOf(value ?? pair.key) });
}

function readRules(node: Node | null, known: Set<string>, config: CncConfig, problems: ConfigProblem[]): void {
  if (node === null || (isScalar(node) && node.value === null)) return;
  if (!isMap(node)) {
    problems.push({ message: 'rules must map rule ids to on, off, error, warning, info or hint.', severity: 'error', span: spanOf(node) });
    return;
  }
  for (const pair of node.items as Pair<Node, Node>[]) {
    const id = keyOf(pair);
    if (!known.has(id)) {
      problems.push({ message: `Unknown rule "${id}".${suggest(id, [...known])}`, severity: 'warning', span: spanOf(pair.key) });
      continue;
    }
    const setting = isScalar(pair.value) ? toSetting(pair.value.value) : undefined;
    if (!setting) problems.push({ message: `Rule "${id}" must be set to one of ${SETTINGS.join(', ')}.`, severity: 'error', span: spanOf(pair.value ?? pair.key) });
    else config.rules[id] = setting;
  }
}

function readIgnores(node: Node | null, known: Set<string>, config: CncConfig, problems: ConfigProblem[]): void {
  if (node === null || (isScalar(node) && node.value === null)) return;
  if (!isSeq(node)) {
    problems.push({ message: 'ignore must be a list of entries with rules, objects, files and reason.', severity: 'error', span: spanOf(node) });
    return;
  }
  for (const item of node.items as Node[]) {
    if (!isMap(item)) {
      problems.push({ message: 'Each ignore entry must be a map with rules (and objects, files, reason).', severity: 'error', span: spanOf(item) });
      continue;
    }
    const entry: IgnoreEntry = { rules: [], span: spanOf(item) };
    for (const pair of item.items as Pair<Node, Node>[]) {
      const key = keyOf(pair);
      if (!IGNORE_KEYS.includes(key)) {
        problems.push({ message: `Unknown ignore setting "${key}"; an entry has ${IGNORE_KEYS.join(', ')}.`, severity: 'warning', span: spanOf(pair.key) });
        continue;
      }
      if (key === 'reason') {
        entry.reason = isScalar(pair.value) && pair.value.value !== null ? String(pair.value.value).trim() : undefined;
        continue;
      }
      const list = stringList(pair.value);
      if (!list) {
        problems.push({ message: `ignore ${key} must be a string or a list of strings.`, severity: 'error', span: spanOf(pair.value ?? pair.key) });
        continue;
      }
      if (key === 'rules') {
        for (const id of list) if (id !== '*' && !known.has(id)) problems.push({ message: `Unknown rule "${id}" in ignore.${suggest(id, [...known])}`, severity: 'warning', span: spanOf(pair.value) });
        entry.rules = list;
      } else entry[key as 'objects' | 'files'] = list;
    }
    if (entry.rules.length === 0) {
      problems.push({ message: 'This ignore entry names no rules (use "*" for all), so it ignores nothing.', severity: 'warning', span: entry.span! });
      continue;
    }
    if (!entry.reason) problems.push({ message: 'This ignore entry has no reason; say why, so the exception can be reviewed later.', severity: 'info', span: entry.span! });
    config.ignore.push(entry);
  }
}

function toSetting(value: unknown): RuleSetting | undefined {
  if (value === true) return 'on';
  if (value === false) return 'off';
  return typeof value === 'string' && (SETTINGS as readonly string[]).includes(value) ? (value as RuleSetting) : undefined;
}

function stringList(node: Node | null): string[] | undefined {
  if (isScalar(node) && typeof node.value === 'string') return [node.value];
  if (!isSeq(node)) return undefined;
  const values = (node.items as Node[]).map((i) => (isScalar(i) && i.value !== null ? String(i.value) : undefined));
  return values.every((v) => v !== undefined) ? (values as string[]) : undefined;
}

function normaliseVersion(text: string): string {
  const [major, minor] = parseKubernetesVersion(text)!;
  return `${major}.${minor}`;
}

function keyOf(pair: Pair<Node, Node>): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

function spanOf(node: Node | null | undefined): Span {
  return node?.range ? { start: node.range[0], end: node.range[1] } : { start: 0, end: 0 };
}

function spanOfPos(pos: [number, number] | undefined): Span {
  return pos ? { start: pos[0], end: pos[1] } : { start: 0, end: 0 };
}

/** " Did you mean …?" for a near miss among the known ids. */
export function suggest(id: string, known: readonly string[]): string {
  const best = nearestNames(id, known)[0];
  return best !== undefined ? ` Did you mean "${best}"?` : '';
}
