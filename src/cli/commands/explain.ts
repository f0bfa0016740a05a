import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { analyse, languageOfPath } from '../../core/analysis/analyse';
import { BATCH_LIMITS } from '../../core/model/limits';
import { explainManifest } from '../../core/explain/explainManifest';
import { explanationText } from '../../core/explain/renderExplanation';
import { yamlHover } from '../../core/hover/hover';
import { terraformHover } from '../../core/hover/terraformHover';
import { loadBundledKnowledge } from '../../core/knowledge/bundle';
import { ALL_RULES } from '../../core/rules';
import { initTerraform } from '../../core/terraform/runtime';
import { EXIT, UsageError, packageRoot, type Command } from '../cli';
import { terminalLine, terminalText } from '../../core/text/escape';
import { messageOf } from '../../core/util/errors';

export const explainCommand: Command = {
  name: 'explain',
  summary: 'explain a Kubernetes manifest (FILE), or what the editor hover shows at FILE:LINE:COL',
  help: [
    'Usage: cnc explain FILE [--json]',
    '       cnc explain FILE:LINE:COL [--json]',
    '',
    'FILE: summarises a Kubernetes YAML file — its objects, how they connect (Ingress → Service → Pods by selector and',
    'port, ConfigMaps, Secrets and volumes mounted, service accounts, autoscalers), and what is missing, with the',
    'concept note behind each point.',
    'FILE:LINE:COL: prints the hover for a position (1-based line and column): what the field, value or kind there is',
    '(the Kubernetes API description, type and path) and the concept notes bound to it.',
  ].join('\n'),
  run(args) {
    let parsed;
    try { parsed = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } }); } catch (error) { throw new UsageError(messageOf(error)); }
    const target = parsed.positionals[0];
    if (!target || parsed.positionals.length > 1) throw new UsageError('give exactly one FILE:LINE:COL');
    const m = /^(.*):(\d+):(\d+)$/.exec(target);
    if (!m) {
      if (fs.existsSync(target) && languageOfPath(target) === 'yaml') return explainYamlFile(target, parsed.values.json === true);
      if (fs.existsSync(target)) {
        console.error('cnc explain FILE summarises Kubernetes YAML files only; give FILE:LINE:COL for a position.');
        return EXIT.notBuilt;
      }
      throw new UsageError(`expected FILE or FILE:LINE:COL, got "${target}"`);
    }
    const [, file, line, col] = m as unknown as [string, string, string, string];
    let text: string;
    try { text = fs.readFileSync(file, 'utf8'); } catch { throw new UsageError(`cannot read ${file}`); }
    const language = languageOfPath(file);
    if (language === 'terraform') return explainTerraform(file, text, Number(line), Number(col), parsed.values.json === true);
    if (language !== 'yaml') {
      console.error(terminalLine(`cnc explain: not a YAML or Terraform file: ${file}`));
      return EXIT.notBuilt;
    }
    const analysis = analyse(text, language, ALL_RULES, { limits: BATCH_LIMITS });
    const parsedFile = analysis.file;
    if (parsedFile?.language !== 'yaml') { console.error(terminalLine(`cnc explain: ${analysis.skipped ?? 'cannot analyse this file'}`)); return EXIT.notBuilt; }
    const offset = parsedFile.lines.offsetAt({ line: Number(line) - 1, character: Number(col) - 1 });
    const hover = yamlHover(parsedFile, offset, loadBundledKnowledge(packageRoot()), { fileName: file });
    if (parsed.values.json) {
      console.log(JSON.stringify(hover ? {
        file, line: Number(line), column: Number(col), subject: hover.subject, path: hover.path, range: parsedFile.lines.rangeOf(hover.span.start, hover.span.end),
        ...(hover.field ? { field: hover.field } : {}), ...(hover.kind ? { kind: hover.kind } : {}), concepts: hover.concepts, markdown: hover.markdown,
      } : null, null, 2));
    } else {
      console.log(hover ? terminalText(hover.markdown) : 'Nothing to explain at this position.');
    }
    return EXIT.ok;
  },
};

/** `cnc explain FILE`: the whole-manifest summary, as text or JSON (spans as 1-based lines and columns). */
function explainYamlFile(file: string, json: boolean): number {
  let text: string;
  try { text = fs.readFileSync(file, 'utf8'); } catch { throw new UsageError(`cannot read ${file}`); }
  const analysis = analyse(text, 'yaml', ALL_RULES, { limits: BATCH_LIMITS });
  const parsedFile = analysis.file;
  if (parsedFile?.language !== 'yaml') { console.error(terminalLine(`cnc explain: ${analysis.skipped ?? 'cannot analyse this file'}`)); return EXIT.notBuilt; }
  const explanation = explainManifest(parsedFile, { kb: loadBundledKnowledge(packageRoot()), fileName: file, findings: analysis.findings, rules: ALL_RULES });
  if (json) {
    const at = (span: { start: number; end: number }) => {
      const { start, end } = parsedFile.lines.rangeOf(span.start, span.end);
      return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
    };
    const withPlace = <T extends { span: { start: number; end: number } }>({ span, ...rest }: T) => ({ ...rest, at: at(span) });
    console.log(JSON.stringify({
      file, objects: explanation.objects.map(withPlace), connections: explanation.connections.map(withPlace),
      gaps: explanation.gaps.map(withPlace), skipped: explanation.skipped.map(withPlace),
    }, null, 2));
  } else {
    console.log(explanationText(explanation, parsedFile.lines, file));
  }
  return EXIT.ok;
}

/** The Terraform hover at a position; loads the HCL parser first (the only asynchronous step). */
async function explainTerraform(file: string, text: string, line: number, column: number, json: boolean): Promise<number> {
  try { await initTerraform({ packageRoot: packageRoot() }); } catch (error) { console.error(`cnc explain: ${messageOf(error)}`); return EXIT.notBuilt; }
  const analysis = analyse(text, 'terraform', ALL_RULES, { limits: BATCH_LIMITS });
  const parsedFile = analysis.file;
  if (parsedFile?.language !== 'terraform') { console.error(terminalLine(`cnc explain: ${analysis.skipped ?? 'cannot analyse this file'}`)); return EXIT.notBuilt; }
  const offset = parsedFile.lines.offsetAt({ line: line - 1, character: column - 1 });
  const hover = terraformHover(parsedFile, offset, loadBundledKnowledge(packageRoot()));
  if (json) {
    console.log(JSON.stringify(hover ? { file, line, column, subject: hover.subject, path: hover.path, range: parsedFile.lines.rangeOf(hover.span.start, hover.span.end), concepts: hover.concepts, markdown: hover.markdown } : null, null, 2));
  } else {
    console.log(hover ? terminalText(hover.markdown) : 'Nothing to explain at this position.');
  }
  return EXIT.ok;
}
