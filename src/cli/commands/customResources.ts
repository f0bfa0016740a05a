import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AnalysedFile } from '../../core/analysis/analyse';
import { findingFingerprint } from '../../core/lint/baseline';
import { CUSTOM_RESOURCE_SCHEMA } from '../../core/lint/notices';
import { BATCH_LIMITS } from '../../core/model/limits';
import { setWorkspaceCrdText, workspaceKinds } from '../../core/schema/workspaceCrds';
import type { YamlSchemaService } from '../../server/yamlSchemaService';
import { relativePath, type FileReport } from '../format/report';

/**
 * The CustomResourceDefinitions among the files `cnc lint` is given become schemas for their kinds, as the editor's
 * workspace CRDs do (src/core/schema/workspaceCrds.ts).
 */
export function readWorkspaceCrds(files: string[]): void {
  for (const file of files) {
    if (!/\.ya?ml$/i.test(file)) continue;
    let text: string;
    try {
      if (fs.statSync(file).size > BATCH_LIMITS.parsedBytes) continue;
      text = fs.readFileSync(file, 'utf8');
    } catch { continue; }
    setWorkspaceCrdText(path.resolve(file), text);
  }
}

let service: YamlSchemaService | undefined;

/**
 * Schema errors of the resources whose kind a given CRD defines, found by the editor's schema validation
 * (src/server/yamlSchemaService.ts) and added to the file's report. Only those documents: `cnc lint` does not
 * schema-check built-in kinds (their rules cover them), and the schema service is loaded only when needed.
 */
export async function addCustomResourceSchemaFindings(report: FileReport, file: AnalysedFile | undefined): Promise<void> {
  if (!file || file.language !== 'yaml') return;
  const kinds = new Set(workspaceKinds().map((k) => `${k.apiVersion} ${k.kind}`));
  const objects = file.objects.filter((o) => kinds.has(`${o.apiVersion} ${o.kind}`));
  if (!objects.length) return;
  const [{ createYamlSchemaService }, { TextDocument }] = await Promise.all([import('../../server/yamlSchemaService'), import('vscode-languageserver-textdocument')]);
  service ??= createYamlSchemaService();
  const document = TextDocument.create(pathToFileURL(path.resolve(report.path)).href, 'yaml', 1, file.text);
  for (const d of await service.validate(document, { parsed: file })) {
    if (d.code !== 'schema') continue;
    const offset = file.lines.offsetAt(d.range.start);
    const object = objects.find((o) => offset >= o.span.start && offset <= o.span.end);
    if (!object) continue;
    const subject = { kind: object.kind, name: object.name, namespace: object.namespace, address: object.address };
    report.findings.push({
      ruleId: CUSTOM_RESOURCE_SCHEMA.id, severity: CUSTOM_RESOURCE_SCHEMA.severity, message: d.message, range: d.range, object: subject,
      concept: 'custom-resources', fixes: [],
      fingerprint: findingFingerprint({ ruleId: CUSTOM_RESOURCE_SCHEMA.id, path: relativePath(report.path, process.cwd()), object: subject, text: d.message }),
    });
  }
  report.findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
