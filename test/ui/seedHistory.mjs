// Seeds a UI test's global storage with a review history: a year of a synthetic learner's answers
// (test/unit/syntheticReviews.ts, the generator the optimizer's unit tests use), moved so the year ends today and
// put on the bundled cards' ids, in the extension's history format (historyFile.ts). The TypeScript is bundled with
// esbuild on the fly, so the history is made by the same code as in the unit tests.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { ROOT } from '../../scripts/e2e/codeServer.mjs';

const DAY_MS = 86_400_000;

/** Writes the history file; returns how many answers it holds. `skipNotes`: notes whose cards stay new. */
export async function seedHistory(historyFile, { cards = 300, seed = 42, skipNotes = [] } = {}) {
  const { outputFiles } = await build({
    stdin: {
      contents: `export { syntheticHistory, toHistoryEntries } from './test/unit/syntheticReviews';
export { serializeHistory } from './src/core/review/historyFile';`,
      resolveDir: ROOT, loader: 'ts',
    },
    bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'warning',
  });
  const module = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
  const knowledge = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'knowledge.json'), 'utf8'));
  const ids = knowledge.cards.filter((c) => !skipNotes.includes(c.noteId)).map((c) => c.id);
  if (ids.length < cards) throw new Error(`only ${ids.length} cards to seed a history of ${cards}`);
  const rows = module.syntheticHistory(cards, seed);
  const last = Math.max(...rows.map((r) => r.at));
  const shift = Math.floor((Date.now() - DAY_MS - last) / DAY_MS) * DAY_MS; // the last answers were yesterday
  const moved = rows.map((r) => ({ ...r, cardId: ids[Number(r.cardId.slice('card-'.length))], at: r.at + shift }));
  fs.mkdirSync(path.dirname(historyFile), { recursive: true });
  fs.writeFileSync(historyFile, module.serializeHistory(module.toHistoryEntries(moved)));
  return moved.length;
}
