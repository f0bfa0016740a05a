import fs from 'node:fs';
import path from 'node:path';
import type { Language, Parser, Tree } from 'web-tree-sitter';
import { messageOf } from '../util/errors';

/**
 * The tree-sitter runtime and the HCL grammar, both WebAssembly. Loading them is asynchronous and happens once
 * (`initTerraform` at server or CLI start); every parse after that is synchronous, so analysis stays one call.
 */
export const RUNTIME_WASM = 'tree-sitter.wasm';
export const HCL_WASM = 'tree-sitter-hcl.wasm';
/** Where the build copies both files, relative to the package root. */
export const WASM_DIR = path.join('dist', 'wasm');

export interface TerraformInitOptions {
  /** Package root: the WASM files are read from `<root>/dist/wasm/`, or from node_modules in a development tree. */
  packageRoot: string;
}

type TreeSitterModule = typeof import('web-tree-sitter');

let parser: Parser | undefined;
let loading: Promise<void> | undefined;
let failure: string | undefined;

/** Loads the runtime and grammar once; later calls return the same promise. Rejects with a readable reason. */
export function initTerraform(options: TerraformInitOptions): Promise<void> {
  loading ??= load(options).catch((error: unknown) => {
    failure = `the Terraform (HCL) parser could not be loaded: ${messageOf(error)}`;
    loading = undefined;
    throw new Error(failure);
  });
  return loading;
}

/** Undefined once `initTerraform` has finished; otherwise why Terraform files cannot be parsed yet. */
export function terraformUnavailable(): string | undefined {
  if (parser) return undefined;
  return failure ?? 'the Terraform (HCL) parser is not loaded yet';
}

/** Parses with the loaded grammar; `oldTree` (already edited) makes the parse incremental. */
export function parseHclTree(text: string, oldTree?: Tree): Tree {
  if (!parser) throw new Error(terraformUnavailable());
  const tree = parser.parse(text, oldTree ?? null);
  if (!tree) throw new Error('the HCL parser returned no tree');
  return tree;
}

async function load(options: TerraformInitOptions): Promise<void> {
  // `require`, not `import`: bundlers then take web-tree-sitter's CommonJS build, which does not need import.meta.
  const treeSitter = require('web-tree-sitter') as TreeSitterModule;
  const runtime = readWasm(options.packageRoot, RUNTIME_WASM, ['web-tree-sitter']);
  const grammar = readWasm(options.packageRoot, HCL_WASM, ['@tree-sitter-grammars', 'tree-sitter-hcl']);
  await treeSitter.Parser.init({ wasmBinary: runtime } as object);
  const language: Language = await treeSitter.Language.load(grammar);
  const created = new treeSitter.Parser();
  created.setLanguage(language);
  parser = created;
  failure = undefined;
}

function readWasm(root: string, file: string, packagePath: string[]): Uint8Array {
  const candidates = [path.join(root, WASM_DIR, file), path.join(root, 'node_modules', ...packagePath, file)];
  for (const candidate of candidates) {
    if (fs.existsSync(candidate)) return fs.readFileSync(candidate);
  }
  throw new Error(`${file} not found (looked in ${candidates.join(', ')})`);
}
