import type { FileReport } from './report';

export function formatJson(reports: FileReport[]): string {
  const summary = { files: reports.length, findings: 0, error: 0, warning: 0, info: 0, hint: 0 };
  for (const r of reports) for (const f of r.findings) { summary.findings++; summary[f.severity]++; }
  return JSON.stringify({ files: reports, summary }, null, 2);
}
