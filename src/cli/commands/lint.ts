import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { analyse, languageOfPath } from '../../core/analysis/analyse';
import { ALL_RULES } from '../../core/rules';
import type { Severity } from '../../core/rules/rule';
import { EXIT, UsageError, type Command } from '../cli';
import { formatJson } from '../format/json';
import type { FileReport, ReportedFinding } from '../format/report';
import { formatSarif } from '../format/sarif';
import { formatText } from '../format/text';
import { collectFiles } from './files';

const RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };
const FAIL_ON = ['error', 'warning', 'info', 'never'] as const;

export const lintCommand: Command = {
  name: 'lint',
  summary: 'check manifests and Terraform files (text, JSON or SARIF)',
  help: [
    'Usage: cnc lint PATHS... [--format text|json|sarif] [--all-rules] [--fail-on error|warning|info|never]',
    '',
    'Checks Kubernetes YAML files (directories are searched for .yaml, .yml and .tf). Findings are the same as the',
    "editor's diagnostics. Exit 0 when nothing reaches --fail-on (default: warning), 1 otherwise, 2 on a usage error.",
    '',
    '  --format      text (default), json, or sarif (SARIF 2.1.0 for code scanning)',
    '  --all-rules   also run the rules that are off by default',
    '  --fail-on     lowest severity that makes the exit code 1 (default warning)',
  ].join('\n'),
  run(args) {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: {
        format: { type: 'string', default: 'text' }, 'all-rules': { type: 'boolean', default: false }, 'fail-on': { type: 'string', default: 'warning' },
      } });
    } catch (error) { throw new UsageError((error as Error).message); }
    const { values, positionals } = parsed;
    if (!['text', 'json', 'sarif'].includes(values.format!)) throw new UsageError(`unknown --format "${values.format}"`);
    if (!(FAIL_ON as readonly string[]).includes(values['fail-on']!)) throw new UsageError(`unknown --fail-on "${values['fail-on']}"`);
    if (positionals.length === 0) throw new UsageError('give at least one file or directory');
    const { files, missing } = collectFiles(positionals);
    if (missing.length) throw new UsageError(`no such file or directory: ${missing.join(', ')}`);

    const reports: FileReport[] = files.map((file) => lintOne(file, values['all-rules']!));
    const output = values.format === 'json' ? formatJson(reports) : values.format === 'sarif' ? formatSarif(reports, ALL_RULES, process.cwd()) : formatText(reports);
    process.stdout.write(output + '\n');
    const failOn = values['fail-on'] as (typeof FAIL_ON)[number];
    if (failOn === 'never') return EXIT.ok;
    const threshold = RANK[failOn];
    return reports.some((r) => r.findings.some((f) => RANK[f.severity] >= threshold)) ? EXIT.findings : EXIT.ok;
  },
};

function lintOne(file: string, allRules: boolean): FileReport {
  const language = languageOfPath(file);
  let text: string;
  try { text = fs.readFileSync(file, 'utf8'); } catch (error) {
    return { path: file, language, skipped: `cannot read: ${(error as Error).message}`, findings: [] };
  }
  const analysis = analyse(text, language, ALL_RULES, { allRules });
  const findings: ReportedFinding[] = [];
  const parsed = analysis.file;
  if (parsed) {
    for (const p of parsed.problems) {
      findings.push({ ruleId: 'yaml-syntax', severity: p.severity, message: p.message, range: parsed.lines.rangeOf(p.span.start, p.span.end) });
    }
    for (const f of analysis.findings) {
      const rule = ALL_RULES.find((r) => r.id === f.ruleId);
      findings.push({
        ruleId: f.ruleId, severity: f.severity, message: f.message, range: parsed.lines.rangeOf(f.span.start, f.span.end),
        object: { address: f.object.address, kind: f.object.kind, name: f.object.name, namespace: f.object.namespace }, concept: rule?.concept,
      });
    }
  }
  return { path: file, language, skipped: analysis.skipped, findings };
}
