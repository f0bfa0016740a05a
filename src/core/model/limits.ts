/**
 * How much work one request may do: the one home of these numbers, so that every feature (diagnostics, hovers,
 * completion, schema validation, Explain) degrades at the same sizes. Sizes are UTF-8 bytes of the text, the size
 * users see on disk.
 *
 * Chosen from `npm run bench` on the shared 2-core machine (bench/RESULTS.md, "bounded" lines). Parse cost depends on
 * the text: argo-cd's 1.9 MB install.yaml parses in 0.3-0.7 s, the same bytes of small flow-style documents in about
 * 2 s. 2 MB keeps the parse of real files near 1 s; beyond that the parse would have to be split per document (the
 * server's scheduler can do so with parseYaml's per-document cache).
 */
export interface AnalysisLimits {
  /** Above this, a file is not parsed at all: no diagnostics, hovers or completion from us (one notice says so). */
  parsedBytes: number;
  /**
   * Above this many Kubernetes objects, a file is parsed but not checked: hovers, completion and Explain work, rules
   * are skipped. The rules' cost follows objects, not bytes: 1,450 small objects take about 1 s to check, while
   * argo-cd's 1.9 MB install.yaml (62 objects) takes 0.05 s beyond its parse.
   */
  checkedObjects: number;
  /** Schema validation (yaml-language-server) skips documents above this, with a hint on the document. */
  schemaDocumentBytes: number;
}

const MiB = 1024 * 1024;

/** The editor: every pass is on the way of typing, so none may hold the language server much more than a second. */
export const EDITOR_LIMITS: AnalysisLimits = { parsedBytes: 2 * MiB, checkedObjects: 1_500, schemaDocumentBytes: 200 * 1024 };

/** `cnc lint` and other batch runs: nobody types meanwhile, so only memory bounds the size (a parse weighs ~300× its text). */
export const BATCH_LIMITS: AnalysisLimits = { parsedBytes: 8 * MiB, checkedObjects: Infinity, schemaDocumentBytes: 200 * 1024 };

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
