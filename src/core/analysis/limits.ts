/**
 * How much work one request may do: the one home of these numbers, so that every feature (diagnostics, hovers,
 * completion, schema validation, Explain) degrades at the same sizes. Sizes are UTF-8 bytes of the text, the size
 * users see on disk.
 *
 * Chosen from bench/run.mjs on the 2-core reference machine (bench/RESULTS.md): parsing and modelling run at about
 * 3 MB/s and the 73 rules add about as much again (argo-cd's 1.9 MB install.yaml: 0.69 s bare parse, 0.76 s
 * analysis), so in the editor one pass stays near 1 s at these sizes.
 */
export interface AnalysisLimits {
  /** Above this, a file is not parsed at all: no diagnostics, hovers or completion from us (one notice says so). */
  parsedBytes: number;
  /** Above this (and up to `parsedBytes`), a file is parsed but not checked: hovers and Explain work, rules are skipped. */
  checkedBytes: number;
  /**
   * Above this many Kubernetes objects, a file is parsed but not checked (as above the byte limit): the rules' cost
   * grows with objects, not bytes (2.5 MB of small Deployments and Services is 9,000 objects and takes seconds).
   */
  checkedObjects: number;
  /** Schema validation (yaml-language-server) skips documents above this, with a hint on the document. */
  schemaDocumentBytes: number;
}

const MiB = 1024 * 1024;

/** The editor: every pass is on the way of typing, so none may hold the language server much more than a second. */
export const EDITOR_LIMITS: AnalysisLimits = { parsedBytes: 3 * MiB, checkedBytes: 2.5 * MiB, checkedObjects: 1_500, schemaDocumentBytes: 200 * 1024 };

/** `cnc lint` and other batch runs: nobody types meanwhile, so only memory bounds the size (a parse weighs ~300× its text). */
export const BATCH_LIMITS: AnalysisLimits = { parsedBytes: 8 * MiB, checkedBytes: 8 * MiB, checkedObjects: Infinity, schemaDocumentBytes: 200 * 1024 };

/**
 * Terraform files above this are not parsed, in the editor or in batch: the WebAssembly HCL parser reads roughly 1 MB a
 * second. Hand-written configurations are far smaller.
 */
export const TERRAFORM_PARSED_BYTES = MiB;

/** The size a limit is compared with: UTF-8 bytes (Buffer.byteLength counts without encoding). */
export function byteSize(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

export function describeBytes(bytes: number): string {
  return bytes >= MiB ? `${Number((bytes / MiB).toFixed(1))} MB` : `${Math.round(bytes / 1024)} KB`;
}
