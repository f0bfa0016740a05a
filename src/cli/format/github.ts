import type { Severity } from '../../core/rules/rule';
import { relativePath, type FileReport } from './report';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

type Range = FileReport['errors'][number]['range'];

/**
 * GitHub Actions workflow commands, one line per finding (`::warning file=…,line=…,col=…,endLine=…,endColumn=…,
 * title=…::message`), which the runner turns into annotations on the pull request's diff; then a plain summary line.
 * Paths are relative to the working directory (the checkout), positions 1-based.
 */
export function formatGithub(reports: FileReport[], cwd: string): string {
  const lines: string[] = [];
  let findings = 0;
  for (const report of reports) {
    const file = relativePath(report.path, cwd);
    if (report.skipped) lines.push(command('notice', { file, title: 'cnc: not checked' }, report.skipped));
    for (const e of report.errors) lines.push(command('error', { file, ...position(e.range), title: 'cnc: syntax error (file not checked)' }, e.message));
    for (const f of report.findings) {
      findings++;
      const object = f.container ? `${f.object.address}, container ${f.container}` : f.object.address;
      lines.push(command(COMMAND[f.severity], { file, ...position(f.range), title: `cnc ${f.ruleId}` }, `${f.message} (${object})`));
    }
  }
  lines.push(`cnc: ${findings} finding${findings === 1 ? '' : 's'} in ${reports.length} file${reports.length === 1 ? '' : 's'}.`);
  return lines.join('\n');
}

function position(range: Range) {
  return { line: range.start.line + 1, col: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

function command(name: string, properties: Record<string, string | number>, message: string): string {
  const props = Object.entries(properties).map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${name} ${props}::${escapeData(message)}`;
}

/**
 * The escaping of @actions/core's `toCommandValue` (a message may not break the line or fake a command), and other
 * control characters shown as `\uXXXX`: the runner prints messages to the log, where they would reach a terminal.
 */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach the log raw
    .replace(/[\u0000-\u001F\u007F-\u009F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Property values also may not hold the `:` that ends the properties or the `,` between them. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
