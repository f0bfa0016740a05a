import { pathToFileURL } from 'node:url';
import path from 'node:path';
import type { Rule, Severity } from '../../core/rules/rule';
import type { FileReport } from './report';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0, as GitHub code scanning and other CI tools read it. */
export function formatSarif(reports: FileReport[], rules: readonly Rule[], cwd: string): string {
  const ruleIds = new Set(reports.flatMap((r) => r.findings.map((f) => f.ruleId)));
  const described = rules.filter((r) => ruleIds.has(r.id));
  const extraIds = [...ruleIds].filter((id) => !rules.some((r) => r.id === id));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'cnc',
          fullName: 'Cloud-Native Companion',
          version: '0.1.0',
          rules: [
            ...described.map((r) => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: r.title },
              fullDescription: { text: r.rationale },
              help: { text: r.remediation },
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: { concept: r.concept, equivalents: r.equivalents },
            })),
            ...extraIds.map((id) => ({ id, name: id, shortDescription: { text: id } })),
          ],
        },
      },
      originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd + path.sep).toString() } },
      results: reports.flatMap((report) => report.findings.map((f) => ({
        ruleId: f.ruleId,
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: path.relative(cwd, path.resolve(report.path)).split(path.sep).join('/'), uriBaseId: 'SRCROOT' },
            region: {
              startLine: f.range.start.line + 1, startColumn: f.range.start.character + 1,
              endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1,
            },
          },
          logicalLocations: f.object ? [{ name: f.object.address, kind: 'object' }] : undefined,
        }],
      }))),
    }],
  };
  return JSON.stringify(log, null, 2);
}
