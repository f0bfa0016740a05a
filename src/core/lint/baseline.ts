import { createHash } from 'node:crypto';

/**
 * Baselines: the findings a repository already had when it adopted the checks, so a pipeline fails only on new ones.
 *
 * A finding is identified by a fingerprint of what it is about, never of where it is: the rule, the file, the object
 * (kind, namespace, name), the container, and the first line of the offending text with its whitespace normalised.
 * Line numbers, indentation, other objects in the file and the message (which may count other objects) stay out of
 * it, so moving lines or adding unrelated objects does not turn an old finding into a new one. Findings that share a
 * fingerprint (two identical lines in one container) are matched by count.
 */

export const BASELINE_VERSION = 1;

export interface FingerprintSubject {
  ruleId: string;
  /** The file's path relative to the directory the run is anchored at, with `/` separators. */
  path: string;
  object: { kind?: string; namespace?: string; name?: string; address: string };
  container?: string;
  /** The text the finding points at (its span in the file). */
  text: string;
}

/** 32 hex digits (128 bits of SHA-256): the same value SARIF carries as `partialFingerprints`. */
export function findingFingerprint(subject: FingerprintSubject): string {
  const { kind, namespace, name, address } = subject.object;
  // Objects without a kind or name (Terraform blocks, file-level notices) are known by their address.
  const object = kind && name ? `${kind}\u0000${namespace ?? ''}\u0000${name}` : address;
  const parts = [subject.ruleId, subject.path, object, subject.container ?? '', normaliseOffendingText(subject.text)];
  return createHash('sha256').update(parts.join('\u0001')).digest('hex').slice(0, 32);
}

/**
 * The first non-blank line of the text with runs of whitespace collapsed: a finding on a whole container or object
 * spans many lines, and an unrelated edit inside them must not change what the finding is.
 */
function normaliseOffendingText(text: string): string {
  const first = text.split(/\r\n|\r|\n/).find((line) => line.trim() !== '') ?? '';
  return first.trim().replace(/\s+/g, ' ');
}

/** One accepted finding; everything but the fingerprint is there for the people who review the file. */
export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  path: string;
  object: string;
  container?: string;
  message: string;
}

export interface Baseline {
  version: typeof BASELINE_VERSION;
  findings: BaselineEntry[];
}

/** Entries sorted by path, rule and fingerprint, so a re-written baseline diffs only where findings changed. */
export function createBaseline(entries: readonly BaselineEntry[]): Baseline {
  const key = (e: BaselineEntry) => `${e.path}\u0000${e.ruleId}\u0000${e.fingerprint}`;
  return { version: BASELINE_VERSION, findings: [...entries].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)) };
}

export function serialiseBaseline(baseline: Baseline): string {
  return JSON.stringify(baseline, null, 2) + '\n';
}

/** Reads a baseline file's text; a file that is not one gets a message saying what is wrong, never a partial baseline. */
export function parseBaseline(text: string): { baseline: Baseline } | { error: string } {
  let data: unknown;
  try { data = JSON.parse(text.replace(/^\uFEFF/, '')); } catch (error) {
    return { error: `not JSON (${(error as Error).message})` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { error: 'expected an object with "version" and "findings"' };
  const record = data as Record<string, unknown>;
  if (record.version !== BASELINE_VERSION) return { error: `unsupported version ${JSON.stringify(record.version)} (this cnc writes version ${BASELINE_VERSION})` };
  if (!Array.isArray(record.findings)) return { error: '"findings" must be a list' };
  const findings: BaselineEntry[] = [];
  for (const [index, entry] of record.findings.entries()) {
    const e = entry as Partial<Record<keyof BaselineEntry, unknown>> | null;
    if (typeof e !== 'object' || e === null || typeof e.fingerprint !== 'string' || !/^[0-9a-f]{32}$/.test(e.fingerprint) || typeof e.ruleId !== 'string') {
      return { error: `findings[${index}] needs a "ruleId" and a 32-hex-digit "fingerprint"` };
    }
    findings.push({
      fingerprint: e.fingerprint, ruleId: e.ruleId, path: String(e.path ?? ''), object: String(e.object ?? ''),
      ...(typeof e.container === 'string' ? { container: e.container } : {}), message: String(e.message ?? ''),
    });
  }
  return { baseline: { version: BASELINE_VERSION, findings } };
}

/**
 * Splits findings into those the baseline already holds and new ones. Each baseline entry matches at most one
 * finding with its rule and fingerprint (in the order given); `absent` are the entries nothing matched (fixed since).
 */
export function compareWithBaseline<T extends { ruleId: string; fingerprint: string }>(findings: readonly T[], baseline: Baseline): { fresh: T[]; known: T[]; absent: BaselineEntry[] } {
  const remaining = new Map<string, BaselineEntry[]>();
  for (const entry of baseline.findings) {
    const key = `${entry.ruleId}\u0000${entry.fingerprint}`;
    remaining.set(key, [...(remaining.get(key) ?? []), entry]);
  }
  const fresh: T[] = [];
  const known: T[] = [];
  for (const finding of findings) {
    const left = remaining.get(`${finding.ruleId}\u0000${finding.fingerprint}`);
    if (left && left.length > 0) { left.pop(); known.push(finding); } else fresh.push(finding);
  }
  return { fresh, known, absent: [...remaining.values()].flat() };
}
