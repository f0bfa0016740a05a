import type { Edit, Point, Tree } from 'web-tree-sitter';
import type { K8sObject } from '../model/k8sObject';
import type { ParsedFileBase } from '../model/parsedFile';
import type { Span } from '../model/tree';
import { LineIndex } from '../text/lineIndex';
import { hclFromTree } from './hclFromTree';
import type { HclBody } from './hclModel';
import { kubernetesObjectOf } from './kubernetesObjects';
import { parseHclTree, terraformUnavailable } from './runtime';
import { readTerraformBlocks, type TerraformBlock } from './terraformBlocks';
import { byteSize, describeBytes, TERRAFORM_PARSED_BYTES } from '../model/limits';
import { messageOf } from '../util/errors';

export interface ParsedTerraformFile extends ParsedFileBase {
  language: 'terraform';
  /** The file's top-level body in the plain HCL model (blocks, attributes, expressions with spans). */
  body: HclBody;
  comments: Span[];
  /** Every top-level block, in order; `kubernetes_*` resources also appear in `objects`. */
  blocks: TerraformBlock[];
}

export interface TerraformParseOptions {
  /**
   * The previous parse of the same document. Its syntax tree is edited to the new text and reused, so only the
   * changed region is re-parsed; the tree then belongs to the new result (a previous file is consumed once).
   */
  previous?: ParsedTerraformFile;
  /** Keep this parse's syntax tree for the next incremental parse; free it with `releaseTerraformFile`. */
  incremental?: boolean;
}

/** Syntax trees live in WebAssembly memory, which JavaScript's collector never frees; kept only when asked. */
const keptTrees = new WeakMap<ParsedTerraformFile, Tree>();

/** Parses a `.tf` file. Requires `initTerraform` to have finished; never throws on bad input. */
export function parseTerraform(text: string, options: TerraformParseOptions = {}): ParsedTerraformFile {
  const old = options.previous ? keptTrees.get(options.previous) : undefined;
  if (old && options.previous) {
    keptTrees.delete(options.previous);
    old.edit(editBetween(options.previous.text, text));
  }
  let tree: Tree;
  try {
    tree = parseHclTree(text, old);
  } finally {
    old?.delete();
  }
  try {
    const document = hclFromTree(tree, text);
    const blocks = readTerraformBlocks(document.body);
    const objects = blocks.map(kubernetesObjectOf).filter((o): o is K8sObject => o !== undefined);
    const file: ParsedTerraformFile = {
      language: 'terraform', text, lines: new LineIndex(text), objects, problems: document.problems,
      body: document.body, comments: document.comments, blocks,
    };
    if (options.incremental) {
      keptTrees.set(file, tree);
      return file;
    }
    tree.delete();
    return file;
  } catch (error) {
    tree.delete();
    throw error;
  }
}

/** `parseTerraform` for adapters: a parser that is not loaded, or fails on hostile input, becomes a reason to skip. */
export function tryParseTerraform(text: string, options: TerraformParseOptions = {}): { file: ParsedTerraformFile } | { skipped: string } {
  const unavailable = terraformUnavailable();
  if (unavailable) return { skipped: `Terraform analysis is unavailable: ${unavailable}.` };
  if (byteSize(text) > TERRAFORM_PARSED_BYTES) {
    if (options.previous) releaseTerraformFile(options.previous);
    return { skipped: `This Terraform file is larger than ${describeBytes(TERRAFORM_PARSED_BYTES)}; Cloud-Native Companion does not analyse it, so the editor stays responsive.` };
  }
  try {
    return { file: parseTerraform(text, options) };
  } catch (error) {
    // Deep nesting (thousands of blocks inside each other) exhausts the stack of the tree walk: a limit, not a bug.
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      return { skipped: 'This Terraform file nests blocks or expressions too deeply to analyse (the syntax tree walk ran out of stack); Cloud-Native Companion skips it: no checks or hovers here.' };
    }
    return { skipped: `Terraform analysis failed on this file: ${messageOf(error)}` };
  }
}

/** Frees the syntax tree kept for incremental parsing (when the document closes). Safe to call more than once. */
export function releaseTerraformFile(file: ParsedTerraformFile): void {
  keptTrees.get(file)?.delete();
  keptTrees.delete(file);
}

/** Whether a syntax tree is being kept for this file (for tests of the ownership rules). */
export function keepsSyntaxTree(file: ParsedTerraformFile): boolean {
  return keptTrees.has(file);
}

/** The one edit that turns `before` into `after`: everything between their common prefix and common suffix. */
export function editBetween(before: string, after: string): Edit {
  const limit = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  const oldEnd = before.length - suffix;
  const newEnd = after.length - suffix;
  return {
    startIndex: prefix, oldEndIndex: oldEnd, newEndIndex: newEnd,
    startPosition: pointAt(before, prefix), oldEndPosition: pointAt(before, oldEnd), newEndPosition: pointAt(after, newEnd),
  };
}

/** Tree-sitter's position: rows split at `\n` only, columns in UTF-16 code units (as web-tree-sitter counts). */
function pointAt(text: string, offset: number): Point {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: offset - lineStart };
}
