import { parseArgs } from 'node:util';
import { loadBundledKnowledge } from '../../core/knowledge/bundle';
import { EXIT, UsageError, packageRoot, type Command } from '../cli';

export const cardsCommand: Command = {
  name: 'cards',
  summary: 'list the flashcards of the notes',
  help: [
    'Usage: cnc cards [--json] [--note ID]',
    '',
    'Lists the cards of the bundled notes: id, note, front, back, kind. Reviewing and scheduling from the command',
    'line (`cnc cards due`, `cnc cards review`) is not built yet.',
  ].join('\n'),
  run(args) {
    let parsed;
    try { parsed = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false }, note: { type: 'string' } } }); } catch (error) { throw new UsageError((error as Error).message); }
    if (parsed.positionals.length) {
      console.error(`cnc cards ${parsed.positionals[0]}: reviewing and scheduling from the command line is not built yet.`);
      return EXIT.notBuilt;
    }
    const kb = loadBundledKnowledge(packageRoot());
    if (parsed.values.note && !kb.note(parsed.values.note)) throw new UsageError(`no note with id "${parsed.values.note}"`);
    const cards = parsed.values.note ? kb.cardsOf(parsed.values.note) : kb.cards;
    if (parsed.values.json) console.log(JSON.stringify(cards.map(({ id, noteId, front, back, kind }) => ({ id, noteId, front, back, kind })), null, 2));
    else for (const c of cards) console.log(`${c.id}\t${c.front.replace(/\s+/g, ' ')}\t${c.back.replace(/\s+/g, ' ')}`);
    return EXIT.ok;
  },
};
