import fs from 'node:fs';
import path from 'node:path';
import type { SyntaxProblem } from '../model/parsedFile';
import type { MapNode, Span, ValueNode } from '../model/tree';
import { parseYaml, type ParsedYamlFile } from '../yaml/parseYaml';
import { templateActions } from './templateActions';
import { messageOf } from '../util/errors';

/**
 * A Helm chart as its templates' editor features see it: found by its `Chart.yaml`, with its default values
 * (`values.yaml`, the JSON schema beside it) and the named templates every file of `templates/` defines.
 */
export interface HelmChart {
  root: string;
  values: ValuesFile | undefined;
  /** `values.schema.json`, when there is one and it is JSON; `schemaProblem` says why it is not read otherwise. */
  schema: unknown;
  schemaProblem?: string;
  /** `{{ define "name" }}` of every file under `templates/` (`_helpers.tpl` and the others). */
  defines: Map<string, NamedTemplate>;
  /** Every file under `templates/` that could be read, with its text. */
  templates: { path: string; text: string }[];
}

export interface ValuesFile {
  path: string;
  file: ParsedYamlFile;
  /** The top-level map, or undefined when the file does not parse into one (see `file.problems`). */
  root: MapNode | undefined;
}

export interface NamedTemplate {
  name: string;
  path: string;
  text: string;
  /** The name's string in its `define` action. */
  span: Span;
}

/** Reads a file's text: the editor's open version first, else the disk; undefined when it cannot be read. */
export type ReadText = (file: string) => string | undefined;

/** Bigger chart files (a vendored values dump) are not read: features degrade, typing is never held up. */
const MAX_CHART_FILE_BYTES = 1024 * 1024;
const MAX_TEMPLATE_FILES = 500;
/** Chart roots are at most this many folders above a template (`templates/` and subfolders of it). */
const MAX_DEPTH = 8;

export const readFromDisk: ReadText = (file) => {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() && stat.size <= MAX_CHART_FILE_BYTES ? fs.readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
};

/** The root of the chart a file belongs to: the nearest folder above it with a `Chart.yaml` whose `templates/` holds it. */
export function chartRootOf(file: string): string | undefined {
  let dir = path.dirname(path.resolve(file));
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (isFile(path.join(dir, 'Chart.yaml'))) {
      const relative = path.relative(path.join(dir, 'templates'), file);
      return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? dir : undefined;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

/** The root of the chart whose default values a file is (`values.yaml` beside a `Chart.yaml`). */
export function chartOfValuesFile(file: string): string | undefined {
  const dir = path.dirname(path.resolve(file));
  return path.basename(file) === 'values.yaml' && isFile(path.join(dir, 'Chart.yaml')) ? dir : undefined;
}

/** Whether a file is a template of a chart: a YAML file or a `.tpl` under the `templates/` of a chart. */
export function isChartTemplate(file: string | undefined): boolean {
  return !!file && /\.(ya?ml|tpl)$/.test(file) && chartRootOf(file) !== undefined;
}

export function loadChart(root: string, read: ReadText = readFromDisk): HelmChart {
  const valuesPath = path.join(root, 'values.yaml');
  const valuesText = read(valuesPath);
  let values: ValuesFile | undefined;
  if (valuesText !== undefined) {
    const file = parseYaml(valuesText);
    const tree = file.documents[0]?.tree;
    values = { path: valuesPath, file, root: tree?.kind === 'map' ? tree : undefined };
  }
  const schemaText = read(path.join(root, 'values.schema.json'));
  let schema: unknown;
  let schemaProblem: string | undefined;
  if (schemaText !== undefined) {
    try { schema = JSON.parse(schemaText); } catch (error) { schemaProblem = `values.schema.json is not JSON: ${messageOf(error)}`; }
  }
  const defines = new Map<string, NamedTemplate>();
  const templates: HelmChart['templates'] = [];
  for (const file of templateFiles(path.join(root, 'templates'))) {
    const text = read(file);
    if (text === undefined) continue;
    templates.push({ path: file, text });
    if (!text.includes('define')) continue;
    for (const define of definesOf(text)) if (!defines.has(define.name)) defines.set(define.name, { ...define, path: file, text });
  }
  return { root, values, schema, schemaProblem, defines, templates };
}

/** The syntax problems of the chart's values.yaml (a template's values features say the file does not parse). */
export function valuesProblems(chart: HelmChart): SyntaxProblem[] {
  return chart.values?.file.problems.filter((p) => p.severity === 'error') ?? [];
}

/** `{{ define "name" }}` and `{{ block "name" … }}` in a text: their names and the names' spans. */
export function definesOf(text: string): { name: string; span: Span }[] {
  const found: { name: string; span: Span }[] = [];
  for (const action of templateActions(text).actions) {
    if (action.keyword !== 'define' && action.keyword !== 'block') continue;
    const inner = text.slice(action.inner.start, action.inner.end);
    const match = /^(\s*(?:define|block)\s+)"((?:[^"\\]|\\.)*)"/.exec(inner);
    if (!match) continue;
    const start = action.inner.start + match[1]!.length;
    found.push({ name: match[2]!, span: { start, end: start + match[2]!.length + 2 } });
  }
  return found;
}

function templateFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (current: string, depth: number) => {
    if (depth > MAX_DEPTH || files.length >= MAX_TEMPLATE_FILES) return;
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(current, { withFileTypes: true }); } catch { return; }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full, depth + 1);
      else if (entry.isFile() && /\.(tpl|ya?ml|txt)$/.test(entry.name) && files.length < MAX_TEMPLATE_FILES) files.push(full);
    }
  };
  walk(dir, 0);
  // `_helpers.tpl` first: the conventional home of named templates wins a name defined twice.
  return files.sort((a, b) => Number(path.basename(b) === '_helpers.tpl') - Number(path.basename(a) === '_helpers.tpl'));
}

function isFile(file: string): boolean {
  try { return fs.statSync(file).isFile(); } catch { return false; }
}

/** The node of a values path (`image.tag` → ['image', 'tag']) in the default values, or undefined. */
export function valueAt(values: ValuesFile | undefined, keys: readonly string[]): { node: ValueNode; keySpan?: Span } | undefined {
  let node: ValueNode | undefined = values?.root;
  let keySpan: Span | undefined;
  for (const key of keys) {
    if (node?.kind !== 'map') return undefined;
    const entry: { key: string; keySpan: Span; value: ValueNode } | undefined = node.entries.find((e) => e.key === key);
    if (!entry) return undefined;
    node = entry.value;
    keySpan = entry.keySpan;
  }
  return node ? { node, keySpan } : undefined;
}
