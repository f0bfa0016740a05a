import type { FileReport } from './report';

/** `{ files: [...], summary }`: every file with its findings (and their fixes) and syntax errors. */
export function formatJson(reports: FileReport[]): string {
  const summary = { files: reports.length, findings: 0, error: 0, warning: 0, info: 0, hint: 0, syntaxErrors: 0, suppressed: 0, skipped: 0 };
  for (const r of reports) {
    for (const f of r.findings) { summary.findings++; summary[f.severity]++; }
    summary.syntaxErrors += r.errors.length;
    summary.suppressed += r.suppressed;
    if (r.skipped) summary.skipped++;
  }
  return JSON.stringify({ files: reports, summary }, null, 2);
}
