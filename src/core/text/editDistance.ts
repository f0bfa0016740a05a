/** Levenshtein distance: insertions, deletions and substitutions of one character each cost 1. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/**
 * The known names nearest to `name` that are a near miss for it ("did you mean"): within 2 edits, or a quarter of its
 * length for long names; closest first, ties in the order given. `name` itself is never a near miss.
 */
export function nearestNames(name: string, known: Iterable<string>): string[] {
  const limit = Math.max(2, Math.floor(name.length / 4));
  let best: { candidate: string; distance: number }[] = [];
  for (const candidate of known) {
    if (candidate === name) continue;
    const distance = editDistance(name, candidate);
    if (distance <= limit) best.push({ candidate, distance });
  }
  best = best.sort((x, y) => x.distance - y.distance);
  return [...new Set(best.map((b) => b.candidate))];
}
