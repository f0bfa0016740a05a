import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LINT_NOTICES } from '../../core/lint/notices';
import type { Rule, Severity } from '../../core/rules/rule';
import type { FileReport } from './report';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** The pseudo-rule syntax errors are reported under, so code scanning shows unreadable files too. */
const SYNTAX_RULE = {
  id: 'syntax-error',
  name: 'SyntaxError',
  shortDescription: { text: 'File could not be parsed' },
  fullDescription: { text: 'The file (or one of its YAML documents) is not valid YAML or HCL, so it was not checked.' },
  help: { text: 'Fix the syntax error; the file is checked once it parses.', markdown: 'Fix the syntax error; the file is checked once it parses.' },
  defaultConfiguration: { level: 'error' as const },
};

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: one run, rule metadata for every rule that reported (with help in
 * Markdown and the concept note), results with 1-based regions relative to `%SRCROOT%`, and a stable fingerprint
 * per finding (rule, file, object and message) so alerts survive unrelated edits.
 */
export function formatSarif(reports: FileReport[], rules: readonly Rule[], cwd: string, version: string): string {
  const used = new Set(reports.flatMap((r) => r.findings.map((f) => f.ruleId)));
  const described: { id: string }[] = [
    ...rules.filter((r) => used.has(r.id)).map(ruleDescriptor),
    ...LINT_NOTICES.filter((n) => used.has(n.id)).map((n) => ({
      id: n.id, name: pascal(n.id), shortDescription: { text: n.title }, fullDescription: { text: n.rationale },
      help: { text: n.remediation, markdown: n.remediation }, defaultConfiguration: { level: LEVEL[n.severity] },
    })),
  ];
  if (reports.some((r) => r.errors.length > 0)) described.push(SYNTAX_RULE);
  const index = new Map(described.map((d, i) => [d.id, i]));
  const uri = (file: string) => path.relative(cwd, path.resolve(file)).split(path.sep).join('/');
  const region = (range: FileReport['errors'][number]['range']) => ({
    startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1,
  });
  const results = reports.flatMap((report) => [
    ...report.errors.map((e) => ({
      ruleId: SYNTAX_RULE.id, ruleIndex: index.get(SYNTAX_RULE.id), level: 'error', message: { text: e.message },
      locations: [{ physicalLocation: { artifactLocation: { uri: uri(report.path), uriBaseId: '%SRCROOT%' }, region: region(e.range) } }],
      partialFingerprints: { 'cnc/v1': fingerprint(SYNTAX_RULE.id, uri(report.path), e.message) },
    })),
    ...report.findings.map((f) => ({
      ruleId: f.ruleId,
      ruleIndex: index.get(f.ruleId),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [{
        physicalLocation: { artifactLocation: { uri: uri(report.path), uriBaseId: '%SRCROOT%' }, region: region(f.range) },
        logicalLocations: [{ name: f.container ? `${f.object.address}/${f.container}` : f.object.address, kind: 'object' }],
      }],
      partialFingerprints: { 'cnc/v1': fingerprint(f.ruleId, uri(report.path), f.object.address, f.container ?? '', f.message) },
    })),
  ]);
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'cnc', fullName: 'Cloud-Native Companion', version, semanticVersion: version, rules: described } },
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd + path.sep).toString() } },
      columnKind: 'utf16CodeUnits',
      results,
      invocations: [{
        executionSuccessful: true,
        toolExecutionNotifications: reports.filter((r) => r.skipped).map((r) => ({
          level: 'note', message: { text: `${uri(r.path)}: ${r.skipped}` },
          locations: [{ physicalLocation: { artifactLocation: { uri: uri(r.path), uriBaseId: '%SRCROOT%' } } }],
        })),
      }],
    }],
  };
  return JSON.stringify(log, null, 2);
}

function ruleDescriptor(rule: Rule) {
  const markdown = [
    rule.rationale, '', `**Fix:** ${rule.remediation}`, '', `Concept: \`${rule.concept}\` (\`cnc explain\` or the editor's "Explain" action).`,
    ...(rule.differences ? ['', `**Compared with other tools:** ${rule.differences}`] : []),
  ].join('\n');
  return {
    id: rule.id,
    name: pascal(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.rationale },
    help: { text: `${rule.rationale} Fix: ${rule.remediation}`, markdown },
    defaultConfiguration: { level: LEVEL[rule.severity], enabled: rule.enabledByDefault },
    properties: { concept: rule.concept, equivalents: rule.equivalents, tags: ['kubernetes', rule.concept] },
  };
}

function pascal(id: string): string {
  return id.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');
}

function fingerprint(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}
