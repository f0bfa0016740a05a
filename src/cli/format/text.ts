import type { FileReport } from './report';

export function formatText(reports: FileReport[]): string {
  const lines: string[] = [];
  let total = 0;
  for (const report of reports) {
    if (report.skipped) lines.push(`${report.path}: note: ${report.skipped}`);
    for (const f of report.findings) {
      total++;
      const where = `${report.path}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
      lines.push(`${where}: ${f.severity}: ${f.message} [${f.ruleId}]${f.object ? ` (${f.object.address})` : ''}`);
    }
  }
  lines.push(`${total} finding${total === 1 ? '' : 's'} in ${reports.length} file${reports.length === 1 ? '' : 's'}.`);
  return lines.join('\n');
}
