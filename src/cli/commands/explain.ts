import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { analyse, languageOfPath } from '../../core/analysis/analyse';
import { yamlHover } from '../../core/hover/hover';
import { loadBundledKnowledge } from '../../core/knowledge/bundle';
import { ALL_RULES } from '../../core/rules';
import { EXIT, UsageError, packageRoot, type Command } from '../cli';

export const explainCommand: Command = {
  name: 'explain',
  summary: 'print what the editor hover shows at FILE:LINE:COL',
  help: [
    'Usage: cnc explain FILE:LINE:COL [--json]',
    '',
    'Prints the hover for a position (1-based line and column): the concept notes bound to the kind, field or value',
    'there. `cnc explain FILE` (a summary of a whole manifest) is not built yet.',
  ].join('\n'),
  run(args) {
    let parsed;
    try { parsed = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } }); } catch (error) { throw new UsageError((error as Error).message); }
    const target = parsed.positionals[0];
    if (!target || parsed.positionals.length > 1) throw new UsageError('give exactly one FILE:LINE:COL');
    const m = /^(.*):(\d+):(\d+)$/.exec(target);
    if (!m) {
      if (fs.existsSync(target)) {
        console.error('cnc explain FILE (a summary of a whole manifest) is not built yet; give FILE:LINE:COL for a position.');
        return EXIT.notBuilt;
      }
      throw new UsageError(`expected FILE:LINE:COL, got "${target}"`);
    }
    const [, file, line, col] = m as unknown as [string, string, string, string];
    let text: string;
    try { text = fs.readFileSync(file, 'utf8'); } catch { throw new UsageError(`cannot read ${file}`); }
    const language = languageOfPath(file);
    if (language !== 'yaml') {
      console.error(`cnc explain: ${language === 'terraform' ? 'Terraform hovers are not built yet' : 'not a YAML or Terraform file'}: ${file}`);
      return EXIT.notBuilt;
    }
    const analysis = analyse(text, language, ALL_RULES);
    const parsedFile = analysis.file;
    if (parsedFile?.language !== 'yaml') { console.error(`cnc explain: ${analysis.skipped ?? 'cannot analyse this file'}`); return EXIT.notBuilt; }
    const offset = parsedFile.lines.offsetAt({ line: Number(line) - 1, character: Number(col) - 1 });
    const hover = yamlHover(parsedFile, offset, loadBundledKnowledge(packageRoot()));
    if (parsed.values.json) {
      console.log(JSON.stringify(hover ? { file, line: Number(line), column: Number(col), subject: hover.subject, path: hover.path, range: parsedFile.lines.rangeOf(hover.span.start, hover.span.end), concepts: hover.concepts, markdown: hover.markdown } : null, null, 2));
    } else {
      console.log(hover ? hover.markdown : 'Nothing to explain at this position.');
    }
    return EXIT.ok;
  },
};
