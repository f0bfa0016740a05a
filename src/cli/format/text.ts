import type { FileReport } from './report';
import { terminalLine } from '../../core/text/escape';

/** `path:line:column: severity: message [rule] (object)`, one per line, then a summary. */
export function formatText(reports: FileReport[]): string {
  const lines: string[] = [];
  let findings = 0;
  let errors = 0;
  let suppressed = 0;
  for (const report of reports) {
    if (report.skipped) lines.push(`${report.path}: note: ${report.skipped}`);
    const where = (range: { start: { line: number; character: number } }) => `${report.path}:${range.start.line + 1}:${range.start.character + 1}`;
    for (const e of report.errors) {
      errors++;
      lines.push(`${where(e.range)}: error: ${e.message} [syntax] (not checked)`);
    }
    for (const f of report.findings) {
      findings++;
      lines.push(`${where(f.range)}: ${f.severity}: ${f.message} [${f.ruleId}] (${f.object.address})`);
    }
    suppressed += report.suppressed;
  }
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const extras = [errors ? plural(errors, 'syntax error') : '', suppressed ? `${suppressed} suppressed` : ''].filter(Boolean);
  lines.push(`${plural(findings, 'finding')} in ${plural(reports.length, 'file')}${extras.length ? ` (${extras.join(', ')})` : ''}.`);
  // Paths, messages and names come from the files: escaped, so no control character reaches the terminal raw.
  return lines.map(terminalLine).join('\n');
}
