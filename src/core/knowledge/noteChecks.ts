import type { Note, NoteProblem } from './note';
import { splitLines } from '../text/lines';

/** How many releases a note's `kubernetesVersion` may trail the API data the extension ships before it is stale. */
export const MAX_RELEASES_BEHIND = 3;

/** A claim tied to a release: `1.34`, `v1.29` (two-digit minor, not part of an address or an image tag), or "since Kubernetes …". */
const VERSION_CLAIM = /(?<![\d:]|\d\.)v?1\.\d{2}(?!\d|\.\d)|\bsince Kubernetes\b/i;
const URL = /https?:\/\/\S+/;

/** The minor release of `1.34` or `1.34.2`; undefined for anything else. */
export function minorRelease(version: string): number | undefined {
  const m = /^v?1\.(\d+)(?:\.\d+)?$/.exec(version.trim());
  return m ? Number(m[1]) : undefined;
}

/**
 * Warnings that keep notes true over time: a note checked against a release more than MAX_RELEASES_BEHIND behind the
 * shipped API data (`dataVersion`, e.g. `1.30.0`), and a version-specific claim in a note that cites no source.
 */
export function noteFreshnessProblems(notes: Note[], dataVersion: string): NoteProblem[] {
  const problems: NoteProblem[] = [];
  const current = minorRelease(dataVersion);
  for (const note of notes) {
    const checked = note.kubernetesVersion && note.kubernetesVersion !== 'none' ? minorRelease(note.kubernetesVersion) : undefined;
    if (current !== undefined && checked !== undefined && current - checked > MAX_RELEASES_BEHIND) {
      problems.push({
        path: note.path, line: note.keyLines.kubernetesVersion ?? 1, severity: 'warning',
        message: `Note was checked against Kubernetes ${note.kubernetesVersion}, more than ${MAX_RELEASES_BEHIND} releases behind the API data (${dataVersion}); check its version-specific claims again and update \`kubernetesVersion\` and \`reviewed\`.`,
      });
    }
    const claim = versionClaim(note.body);
    if (claim !== undefined && !hasSource(note)) {
      // Reported on `sources:`, where the fix goes; the message quotes the claim.
      problems.push({
        path: note.path, line: note.keyLines.sources ?? 1, severity: 'warning',
        message: `"${claim}" names a Kubernetes release but the note cites no source for it: add a URL to \`sources:\` or \`docs:\`, or link one in the text.`,
      });
    }
  }
  return problems;
}

/** The first line (trimmed, shortened) outside code fences that makes a version-specific claim. */
function versionClaim(body: string): string | undefined {
  let inFence = false;
  for (const line of splitLines(body)) {
    if (/^\s*(```|~~~)/.test(line)) { inFence = !inFence; continue; }
    if (!inFence && VERSION_CLAIM.test(line)) return line.trim().length > 80 ? `${line.trim().slice(0, 77)}...` : line.trim();
  }
  return undefined;
}

function hasSource(note: Note): boolean {
  return note.sources.some((s) => URL.test(s)) || (note.docs !== undefined && URL.test(note.docs)) || URL.test(note.body);
}
