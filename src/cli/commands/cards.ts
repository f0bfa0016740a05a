import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { loadBundledKnowledge } from '../../core/knowledge/bundle';
import type { KnowledgeBase } from '../../core/knowledge/knowledgeBase';
import { parseHistory } from '../../core/review/historyFile';
import { deriveCardStates } from '../../core/review/historyLog';
import { formatInterval } from '../../core/review/intervalLabel';
import { DEFAULT_SCHEDULER_SETTINGS, PHASE_NAMES, ReviewScheduler } from '../../core/review/scheduler';
import { planSession, type StudyCard } from '../../core/review/session';
import { EXIT, UsageError, packageRoot, type Command } from '../cli';
import { terminalLine } from '../../core/text/escape';
import { messageOf } from '../../core/util/errors';

export const cardsCommand: Command = {
  name: 'cards',
  summary: 'list the flashcards of the notes, or the ones due for review',
  help: [
    'Usage: cnc cards [--json] [--note ID]',
    '       cnc cards due --history FILE [--json] [--note ID] [--new-per-day N]',
    '',
    'Lists the cards of the bundled notes: id, note, front, back, kind.',
    '',
    '`cnc cards due` reads a review history file (the VS Code extension keeps it as review-history.json in its',
    'global storage folder, or use one written by "Export Review History") and lists what is due today: cards',
    'whose review time has come, then the new cards a day allows (default 20). The file is only read, never',
    'changed; a damaged file is reported (exit 1) and left for the extension to set aside.',
  ].join('\n'),
  run(args) {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: {
        json: { type: 'boolean', default: false }, note: { type: 'string' }, history: { type: 'string' }, 'new-per-day': { type: 'string' },
      } });
    } catch (error) { throw new UsageError(messageOf(error)); }
    const [sub, ...extra] = parsed.positionals;
    if (sub !== undefined && sub !== 'due') throw new UsageError(`unknown cards subcommand "${sub}" (try: cnc cards due --history FILE)`);
    if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
    const kb = loadBundledKnowledge(packageRoot());
    if (parsed.values.note && !kb.note(parsed.values.note)) throw new UsageError(`no note with id "${parsed.values.note}"`);
    const cards = parsed.values.note ? kb.cardsOf(parsed.values.note) : kb.cards;
    if (sub === 'due') return listDue(kb, cards.map((c) => toStudyCard(kb, c)), parsed.values);
    if (parsed.values.history || parsed.values['new-per-day']) throw new UsageError('--history and --new-per-day go with `cnc cards due`');
    if (parsed.values.json) console.log(JSON.stringify(cards.map(({ id, noteId, front, back, kind }) => ({ id, noteId, front, back, kind })), null, 2));
    else for (const c of cards) console.log(`${terminalLine(c.id)}\t${terminalLine(c.front.replace(/\s+/g, ' '))}\t${terminalLine(c.back.replace(/\s+/g, ' '))}`);
    return EXIT.ok;
  },
};

function listDue(kb: KnowledgeBase, cards: StudyCard[], options: { json?: boolean; history?: string; 'new-per-day'?: string }): number {
  if (!options.history) throw new UsageError('cnc cards due needs --history FILE (the extension keeps review-history.json in its global storage folder)');
  const perDay = options['new-per-day'] === undefined ? DEFAULT_SCHEDULER_SETTINGS.newCardsPerDay : Number(options['new-per-day']);
  if (!Number.isInteger(perDay) || perDay < 0) throw new UsageError('--new-per-day must be a whole number, 0 or more');
  let text: string;
  try { text = fs.readFileSync(options.history, 'utf8'); } catch (error) { throw new UsageError(`cannot read ${options.history}: ${messageOf(error)}`); }
  const parsed = parseHistory(text);
  if (parsed.damage) {
    console.error(terminalLine(`cnc cards due: ${options.history} is damaged: ${parsed.damage.message}. It was not changed; the extension sets it aside and keeps what it can read the next time it opens it.`));
    return EXIT.findings;
  }
  const settings = { ...DEFAULT_SCHEDULER_SETTINGS, newCardsPerDay: perDay };
  const scheduler = new ReviewScheduler(settings);
  const histories = deriveCardStates(parsed.entries, scheduler);
  const now = Date.now();
  const plan = planSession(cards, histories, { kind: 'due' }, settings, now);
  const rows = plan.cards.map((card) => {
    const state = histories.get(card.id)?.state;
    return { id: card.id, noteId: card.noteId, front: card.front, phase: PHASE_NAMES[state?.phase ?? 0], due: state ? new Date(state.due).toISOString() : null };
  });
  if (options.json) {
    console.log(JSON.stringify({ due: plan.due, new: plan.fresh, cards: rows }, null, 2));
    return EXIT.ok;
  }
  for (const row of rows) {
    const when = row.due === null ? 'new' : Date.parse(row.due) <= now ? `overdue ${formatInterval(now - Date.parse(row.due))}` : `in ${formatInterval(Date.parse(row.due) - now)}`;
    console.log(`${terminalLine(row.id)}\t${row.phase}\t${when}\t${terminalLine(row.front.replace(/\s+/g, ' '))}`);
  }
  console.log(`${plan.due} due, ${plan.fresh} new (of ${perDay} a day) — ${kb.cards.length} cards in all.`);
  return EXIT.ok;
}

function toStudyCard(kb: KnowledgeBase, card: KnowledgeBase['cards'][number]): StudyCard {
  const note = kb.note(card.noteId);
  return {
    id: card.id, noteId: card.noteId, noteTitle: note?.title ?? card.noteId, kind: card.kind, front: card.front, back: card.back,
    ...(card.cloze ? { cloze: card.cloze } : {}), ...(note?.tags.length ? { tags: note.tags } : {}),
  };
}
