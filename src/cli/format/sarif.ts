import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LINT_NOTICES } from '../../core/lint/notices';
import type { Rule, Severity } from '../../core/rules/rule';
import { relativePath, syntaxErrorFingerprint, type FileReport } from './report';
import type { ToolInfo } from './tool';

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

export interface SarifOptions {
  /** Set when the run was compared with a baseline: every result reported is then `baselineState: "new"`. */
  baselined?: boolean;
}

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it (checked with Microsoft's SARIF validator and its GitHub rules):
 * one run, rule metadata for every rule that reported (help in text and Markdown from the rationale and remediation,
 * `helpUri` to the rule's section of docs/rules.md), results with 1-based regions relative to `%SRCROOT%`, and the
 * baseline fingerprint (core/lint/baseline.ts) as `partialFingerprints`, so alerts survive moved lines.
 */
export function formatSarif(reports: FileReport[], rules: readonly Rule[], cwd: string, tool: ToolInfo, options: SarifOptions = {}): string {
  const used = new Set(reports.flatMap((r) => r.findings.map((f) => f.ruleId)));
  const helpUri = (id: string) => `${tool.rulesUri}#${id}`;
  const described: { id: string }[] = [
    ...rules.filter((r) => used.has(r.id)).map((r) => ({ ...ruleDescriptor(r), helpUri: helpUri(r.id) })),
    ...LINT_NOTICES.filter((n) => used.has(n.id)).map((n) => ({
      id: n.id, name: pascal(n.id), shortDescription: { text: n.title }, fullDescription: { text: n.rationale },
      helpUri: helpUri(n.id), help: { text: `${n.rationale} Fix: ${n.remediation}`, markdown: `${n.rationale}\n\n**Fix:** ${n.remediation}` },
      defaultConfiguration: { level: LEVEL[n.severity] },
    })),
  ];
  if (reports.some((r) => r.errors.length > 0)) described.push(SYNTAX_RULE);
  const index = new Map(described.map((d, i) => [d.id, i]));
  const uri = (file: string) => relativePath(file, cwd);
  const state = options.baselined ? { baselineState: 'new' as const } : {};
  const region = (range: FileReport['errors'][number]['range']) => ({
    startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1,
  });
  const results = reports.flatMap((report) => [
    ...report.errors.map((e) => ({
      ruleId: SYNTAX_RULE.id, ruleIndex: index.get(SYNTAX_RULE.id), level: 'error', message: { text: e.message },
      locations: [{ physicalLocation: { artifactLocation: { uri: uri(report.path), uriBaseId: '%SRCROOT%' }, region: region(e.range) } }],
      partialFingerprints: { 'cnc/v1': syntaxErrorFingerprint(uri(report.path), e.message) },
      ...state,
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
      partialFingerprints: { 'cnc/v1': f.fingerprint },
      ...state,
    })),
  ]);
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'cnc', fullName: 'Cloud-Native Companion', version: tool.version, semanticVersion: tool.version, informationUri: tool.informationUri, rules: described } },
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
