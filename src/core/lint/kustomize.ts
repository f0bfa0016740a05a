import fs from 'node:fs';
import path from 'node:path';
import { IMPLIED_KUSTOMIZATION, kustomizationReferences, type KustomizationReference } from '../model/kustomization';
import { child, listItems } from '../model/tree';
import type { Span, ValueNode } from '../model/tree';
import type { Finding, ParsedFile } from '../rules/rule';
import { parseYaml, type ParsedYamlFile } from '../yaml/parseYaml';
import { KUSTOMIZATION_CYCLE, KUSTOMIZATION_PATH_MISSING } from './notices';

/** Reads a file's text, or undefined when there is none (or it cannot be read). */
export type ReadText = (file: string) => string | undefined;

/** A file Kustomize reads as a kustomization, by its name. */
export const isKustomization = (file: string) => (KUSTOMIZATION_NAMES as readonly string[]).includes(path.basename(file));

/** A kustomization larger than this is not read to find patches (real ones are a few kilobytes). */
const MAX_KUSTOMIZATION_BYTES = 256 * 1024;

/** Reads files from disk; `openTexts` (absolute path → the editor's unsaved text) wins over the disk. */
export function diskReader(openTexts?: ReadonlyMap<string, string>): ReadText {
  return (file) => {
    const open = openTexts?.get(file);
    if (open !== undefined) return open;
    try {
      const stat = fs.statSync(file);
      return stat.isFile() && stat.size <= MAX_KUSTOMIZATION_BYTES ? fs.readFileSync(file, 'utf8') : undefined;
    } catch { return undefined; }
  };
}

/** The names Kustomize looks for in a folder, in its order. */
export const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;

/** How many folders up a patch's kustomization is looked for (overlays sit a few levels above their patches). */
const PARENT_LEVELS = 6;

/** The patch entries of a kustomization (at `kustomizationPath`, with `text`), each with its file's absolute path. */
function patchEntriesOf(kustomizationPath: string, text: string): { file: string; reference: KustomizationReference }[] {
  const folder = path.dirname(path.resolve(kustomizationPath));
  const root = parseYaml(text).documents.find((d) => d.tree)?.tree;
  return kustomizationReferences(root).filter((r) => r.patch).map((reference) => ({ file: path.resolve(folder, reference.path), reference }));
}

/** The absolute paths of the patch files a kustomization (at `kustomizationPath`, with `text`) names. */
export function patchFilesOf(kustomizationPath: string, text: string): string[] {
  return patchEntriesOf(kustomizationPath, text).map((entry) => entry.file);
}

/** The kustomization file of a folder, if it has one, and its text. */
export function kustomizationIn(folder: string, read: ReadText): { path: string; text: string } | undefined {
  for (const name of KUSTOMIZATION_NAMES) {
    const file = path.join(folder, name);
    const text = read(file);
    if (text !== undefined) return { path: file, text };
  }
  return undefined;
}

interface PatchLookup {
  /** A workspace folder: kustomizations above it are not looked at. */
  stopAt?: string;
  /** Kustomizations known elsewhere (open in the editor, say). */
  alsoNamedBy?: readonly string[];
}

/**
 * The entries naming the file as a patch, of the kustomizations in its folder and its parents (up to `stopAt`) and
 * of `alsoNamedBy`, nearest first.
 */
export function patchEntriesNaming(file: string, read: ReadText, options: PatchLookup = {}): KustomizationReference[] {
  const target = path.resolve(file);
  const naming = (kustomization: { path: string; text: string } | undefined) => kustomization
    ? patchEntriesOf(kustomization.path, kustomization.text).filter((entry) => entry.file === target).map((entry) => entry.reference)
    : [];
  const found: KustomizationReference[] = [];
  const boundary = options.stopAt ? path.resolve(options.stopAt) : undefined;
  let folder = path.dirname(target);
  for (let level = 0; level <= PARENT_LEVELS; level++) {
    found.push(...naming(kustomizationIn(folder, read)));
    const parent = path.dirname(folder);
    if (parent === folder || folder === boundary) break;
    folder = parent;
  }
  for (const other of options.alsoNamedBy ?? []) {
    const text = read(other);
    if (text !== undefined) found.push(...naming({ path: other, text }));
  }
  return found;
}

/** Whether a kustomization names the file as a patch (see patchEntriesNaming): then its objects are partial. */
export function isNamedAsPatch(file: string, read: ReadText, options: PatchLookup = {}): boolean {
  return patchEntriesNaming(file, read, options).length > 0;
}

/** What a path relative to a kustomization's folder is on disk: a file, a folder, or nothing. */
export type PathKindOf = (relativePath: string) => 'file' | 'directory' | undefined;

/** A kustomization file as the lint sees it on disk: its path, what its paths are, and the other files' texts. */
export interface KustomizationOnDisk {
  path: string;
  kindOf: PathKindOf;
  read: ReadText;
}

/** `KustomizationOnDisk` for the kustomization at `kustomizationPath`, from the disk (`read` may prefer open texts). */
export function kustomizationOnDisk(kustomizationPath: string, read: ReadText = diskReader()): KustomizationOnDisk {
  const folder = path.dirname(path.resolve(kustomizationPath));
  const kindOf: PathKindOf = (relativePath) => {
    try {
      const stat = fs.statSync(path.resolve(folder, relativePath));
      return stat.isDirectory() ? 'directory' : 'file';
    } catch { return undefined; }
  };
  return { path: kustomizationPath, kindOf, read };
}

/** The object findings about a kustomization file are reported on. */
function kustomizationSummary(file: ParsedFile): { tree: ValueNode; object: Finding['object'] } | undefined {
  if (file.language !== 'yaml') return undefined;
  const document = (file as ParsedYamlFile).documents.find((d) => d.tree);
  if (!document?.tree) return undefined;
  return { tree: document.tree, object: { address: `${IMPLIED_KUSTOMIZATION.kind}/(kustomization.yaml)`, kind: IMPLIED_KUSTOMIZATION.kind, language: 'yaml', documentIndex: document.index } };
}

/** Findings for the paths a kustomization names that do not exist (one per entry, on its value). */
export function missingPathFindings(file: ParsedFile, kustomization: KustomizationOnDisk): Finding[] {
  const found = kustomizationSummary(file);
  if (!found) return [];
  return kustomizationReferences(found.tree).filter((reference) => kustomization.kindOf(reference.path) === undefined).map((reference) => ({
    ruleId: KUSTOMIZATION_PATH_MISSING.id,
    severity: KUSTOMIZATION_PATH_MISSING.severity,
    message: `${reference.field} names "${reference.path}", which does not exist next to this kustomization.yaml; kustomize build stops here.`,
    span: reference.span,
    object: found.object,
  }));
}

/** The fields whose folders are kustomizations built into this one. */
const NESTED_FIELDS = new Set<KustomizationReference['field']>(['resources', 'bases', 'components']);
/** How many kustomizations a cycle search reads at most (a large monorepo's overlays stay well below). */
const MAX_FOLLOWED = 200;

/**
 * Findings for the folders a kustomization builds in (resources, bases, components) that lead back to it: kustomize
 * refuses a cycle. The search reads each kustomization once and stops after MAX_FOLLOWED: it never loops.
 */
export function cycleFindings(file: ParsedFile, kustomization: KustomizationOnDisk): Finding[] {
  const found = kustomizationSummary(file);
  if (!found) return [];
  const start = path.dirname(path.resolve(kustomization.path));
  const seen = new Set<string>();
  const chainBack = (folder: string): string[] | undefined => {
    if (folder === start) return [];
    if (seen.has(folder) || seen.size >= MAX_FOLLOWED) return undefined;
    seen.add(folder);
    const nested = kustomizationIn(folder, kustomization.read);
    if (!nested) return undefined;
    const root = parseYaml(nested.text).documents.find((d) => d.tree)?.tree;
    for (const reference of kustomizationReferences(root)) {
      if (!NESTED_FIELDS.has(reference.field)) continue;
      const rest = chainBack(path.resolve(folder, reference.path));
      if (rest) return [folder, ...rest];
    }
    return undefined;
  };
  return kustomizationReferences(found.tree).flatMap((reference) => {
    if (!NESTED_FIELDS.has(reference.field)) return [];
    const chain = chainBack(path.resolve(start, reference.path));
    if (!chain) return [];
    const shown = [...chain.map((folder) => path.relative(start, folder).split(path.sep).join('/')), 'here'].join(' → ');
    return [{
      ruleId: KUSTOMIZATION_CYCLE.id,
      severity: KUSTOMIZATION_CYCLE.severity,
      message: `${reference.field} "${reference.path}" leads back to this kustomization (${shown}); kustomize build reports a cycle and builds nothing.`,
      span: reference.span,
      object: found.object,
    }];
  });
}

/** A path of a kustomization that exists, with the file it opens (a folder opens its own kustomization). */
export interface KustomizationLink {
  span: Span;
  target: string;
  field: KustomizationReference['field'];
}

/** The links of a kustomization's paths that exist (missing ones get `kustomization-path-missing` instead). */
export function kustomizationLinks(kustomizationPath: string, text: string, read: ReadText, kindOf: PathKindOf = kustomizationOnDisk(kustomizationPath, read).kindOf): KustomizationLink[] {
  const folder = path.dirname(path.resolve(kustomizationPath));
  const root = parseYaml(text).documents.find((d) => d.tree)?.tree;
  return kustomizationReferences(root).flatMap((reference) => {
    const kind = kindOf(reference.path);
    const resolved = path.resolve(folder, reference.path);
    const target = kind === 'file' ? resolved : kind === 'directory' ? kustomizationIn(resolved, read)?.path : undefined;
    return target ? [{ span: reference.span, target, field: reference.field }] : [];
  });
}

/** A patch written inside a kustomization (a literal block string), and where each of its lines starts there. */
interface InlinePatch {
  text: string;
  /** For line i of `text`: its offset in `text` and the offset of the same character in the kustomization. */
  lines: { inner: number; outer: number }[];
}

/**
 * The inline patches of a kustomization: `patches[].patch` and the block-string items of `patchesStrategicMerge`.
 * Only literal blocks (`|`, `|-`, `|+`) are taken: their lines are the patch's lines, indented, so every offset maps
 * back. Other scalar styles fold or escape characters; those patches are not checked.
 */
export function inlinePatches(file: ParsedYamlFile): InlinePatch[] {
  const root = file.documents.find((d) => d.tree)?.tree;
  const nodes = [
    ...listItems(child(root, 'patches')).map((item) => child(item, 'patch')),
    ...listItems(child(root, 'patchesStrategicMerge')),
  ];
  return nodes.flatMap((node) => {
    if (node?.kind !== 'scalar' || typeof node.value !== 'string') return [];
    const patch = literalBlock(file.text, node.span.start, node.value);
    return patch ? [patch] : [];
  });
}

function literalBlock(source: string, start: number, value: string): InlinePatch | undefined {
  // The header: `|`, a chomping indicator, no explicit indentation (the indentation is read from the first line).
  const header = /^\|[+-]?[ \t]*(#[^\n]*)?\n/.exec(source.slice(start, start + 200));
  if (!header) return undefined;
  let outer = start + header[0].length;
  const innerLines = value.split('\n');
  const firstLine = source.slice(outer, source.indexOf('\n', outer) === -1 ? undefined : source.indexOf('\n', outer));
  const indent = firstLine.length - firstLine.trimStart().length;
  const lines: InlinePatch['lines'] = [];
  let inner = 0;
  for (const line of innerLines) {
    const end = source.indexOf('\n', outer);
    const outerLine = source.slice(outer, end === -1 ? undefined : end);
    if (line !== '' && outerLine.slice(Math.min(indent, outerLine.length)) !== line) return undefined;
    lines.push({ inner, outer: outer + Math.min(indent, outerLine.length) });
    inner += line.length + 1;
    if (end === -1) break;
    outer = end + 1;
  }
  return { text: value, lines };
}

/** The kustomization's offset of an offset in an inline patch. */
export function outerOffset(patch: InlinePatch, offset: number): number {
  let line = patch.lines[0]!;
  for (const candidate of patch.lines) {
    if (candidate.inner > offset) break;
    line = candidate;
  }
  return line.outer + (offset - line.inner);
}
