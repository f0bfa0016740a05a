import { parseArgs } from 'node:util';
import { loadBundledKnowledge } from '../../core/knowledge/bundle';
import { EXIT, UsageError, packageRoot, type Command } from '../cli';
import { terminalLine } from '../../core/text/escape';
import { messageOf } from '../../core/util/errors';

export const searchCommand: Command = {
  name: 'search',
  summary: 'search the concept notes',
  help: 'Usage: cnc search QUERY... [--json] [--limit N]\n\nFull-text search over the bundled notes (title, aliases, tags, summary, body), best first.',
  run(args) {
    let parsed;
    try { parsed = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false }, limit: { type: 'string', default: '20' } } }); } catch (error) { throw new UsageError(messageOf(error)); }
    const query = parsed.positionals.join(' ').trim();
    if (!query) throw new UsageError('give a query');
    const limit = Number(parsed.values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit takes a positive whole number');
    const hits = loadBundledKnowledge(packageRoot()).search(query, limit);
    if (parsed.values.json) console.log(JSON.stringify(hits.map(({ id, title, aliases, score, path }) => ({ id, title, aliases, score, path })), null, 2));
    else if (hits.length === 0) console.log(terminalLine(`No notes match "${query}".`));
    else for (const h of hits) console.log(terminalLine(`${h.id.padEnd(36)} ${h.title} — ${h.summary}`));
    return EXIT.ok;
  },
};
