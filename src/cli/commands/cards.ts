import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { loadBundledKnowledge } from '../../core/knowledge/bundle';
import type { KnowledgeBase } from '../../core/knowledge/knowledgeBase';
import { HISTORY_FORMAT, parseHistory } from '../../core/review/historyFile';
import { deriveCardStates } from '../../core/review/historyLog';
import { formatInterval } from '../../core/review/intervalLabel';
import { DEFAULT_WEIGHTS, OptimizerError, optimizeWeights, reviewRowsFromHistory, type FitMetrics } from '../../core/review/optimizer';
import { parametersFileBeside, readParametersFile } from '../../core/review/parametersFile';
import { parseReviewLogCsv, type ReviewLogRow } from '../../core/review/reviewLogCsv';
import { DEFAULT_SCHEDULER_SETTINGS, PHASE_NAMES, ReviewScheduler, type MemoryState } from '../../core/review/scheduler';
import { planSession, type StudyCard } from '../../core/review/session';
import { replayStates, simulateWorkload } from '../../core/review/workloadSimulation';
import { EXIT, UsageError, packageRoot, type Command } from '../cli';
import { terminalLine } from '../../core/text/escape';
import { messageOf } from '../../core/util/errors';

export const cardsCommand: Command = {
  name: 'cards',
  summary: 'list the flashcards of the notes, or the ones due for review',
  help: [
    'Usage: cnc cards [--json] [--note ID]',
    '       cnc cards due --history FILE [--json] [--note ID] [--new-per-day N]',
    '       cnc cards optimize FILE [--json] [--parameters FILE]',
    '       cnc cards simulate FILE [--json] [--parameters FILE] [--new-cards N] [--new-per-day N]',
    '',
    'Lists the cards of the bundled notes: id, note, front, back, kind.',
    '',
    '`cnc cards due` reads a review history file (the VS Code extension keeps it as review-history.json in its',
    'global storage folder, or use one written by "Export Review History") and lists what is due today: cards',
    'whose review time has come, then the new cards a day allows (default 20). The file is only read, never',
    'changed; a damaged file is reported (exit 1) and left for the extension to set aside.',
    '',
    '`cnc cards optimize` fits FSRS parameters to a review history with fsrs-rs (the optimizer Anki uses) and prints',
    'how well the current and the fitted parameters predict it (log loss, RMSE; lower is better) and the parameters',
    'to use: the fitted ones only when they are better. FILE is the extension\'s history file or a review log CSV in',
    'the FSRS optimizer\'s format (header card_id,review_time,review_rating; times in epoch ms; ratings 1-4), such',
    'as one exported from Anki. The current parameters are the extension\'s fsrs-parameters.json beside the history',
    '(or --parameters FILE), else FSRS\'s defaults. Too few reviews, or an optimizer that cannot run: exit 1.',
    '',
    '`cnc cards simulate` estimates the answers per day over the next 30 days at desired retentions 0.80-0.97 for',
    'the cards of FILE (same formats), plus --new-cards N never reviewed (default: the bundled cards the history',
    'has not seen; 0 for a CSV) brought in at --new-per-day a day. Nothing is written.',
  ].join('\n'),
  run(args) {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: {
        json: { type: 'boolean', default: false }, note: { type: 'string' }, history: { type: 'string' }, 'new-per-day': { type: 'string' },
        parameters: { type: 'string' }, 'new-cards': { type: 'string' },
      } });
    } catch (error) { throw new UsageError(messageOf(error)); }
    const [sub, ...extra] = parsed.positionals;
    if (sub === 'optimize' || sub === 'simulate') {
      if (extra.length !== 1) throw new UsageError(`cnc cards ${sub} needs one FILE: a review history or a review log CSV`);
      const stray = ['history', 'note', ...(sub === 'optimize' ? ['new-per-day', 'new-cards'] : [])].find((o) => parsed.values[o as keyof typeof parsed.values] !== undefined);
      if (stray) throw new UsageError(`--${stray} does not go with \`cnc cards ${sub}\``);
      return sub === 'optimize' ? optimize(extra[0]!, parsed.values) : simulate(extra[0]!, parsed.values);
    }
    if (sub !== undefined && sub !== 'due') throw new UsageError(`unknown cards subcommand "${sub}" (try: cnc cards due --history FILE, cnc cards optimize FILE)`);
    if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
    if (parsed.values.parameters || parsed.values['new-cards']) throw new UsageError('--parameters and --new-cards go with `cnc cards optimize` and `cnc cards simulate`');
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
  const perDay = wholeNumberOption(options['new-per-day'], '--new-per-day', DEFAULT_SCHEDULER_SETTINGS.newCardsPerDay);
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

function wholeNumberOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${name} must be a whole number, 0 or more`);
  return n;
}

interface ReviewSource {
  rows: ReviewLogRow[];
  /** Card states as the extension derives them (a history file); a CSV's are replayed from its answers. */
  states?: MemoryState[];
  seenCardIds: Set<string>;
  /** The extension's history file (not a CSV): fsrs-parameters.json may sit beside it. */
  isHistory: boolean;
}

/** A history file or a review log CSV; damage or unreadable lines are reported on stderr and nothing is written. */
function readReviewSource(command: string, file: string): ReviewSource | number {
  let text: string;
  try { text = fs.readFileSync(file, 'utf8'); } catch (error) { throw new UsageError(`cannot read ${file}: ${messageOf(error)}`); }
  if (text.replace(/^\uFEFF/, '').trimStart().startsWith('{')) {
    const parsed = parseHistory(text);
    if (parsed.damage) {
      const hint = parsed.damage.kind === 'not-history' ? ` (expected a "${HISTORY_FORMAT}" file or a review log CSV)` : '';
      console.error(`cnc cards ${command}: ${file} is damaged: ${parsed.damage.message}${hint}. It was not changed.`);
      return EXIT.findings;
    }
    const states = [...deriveCardStates(parsed.entries, new ReviewScheduler()).values()];
    return { rows: reviewRowsFromHistory(parsed.entries), states: states.map((h) => h.state), seenCardIds: new Set(states.map((h) => h.cardId)), isHistory: true };
  }
  let parsed;
  try { parsed = parseReviewLogCsv(text); } catch (error) {
    console.error(`cnc cards ${command}: ${file}: ${messageOf(error)}`);
    return EXIT.findings;
  }
  for (const problem of parsed.problems) console.error(`cnc cards ${command}: ${file}: skipped ${problem}`);
  return { rows: parsed.rows, seenCardIds: new Set(parsed.rows.map((r) => r.cardId)), isHistory: false };
}

/** The parameters in use: --parameters FILE, else fsrs-parameters.json beside a history file, else FSRS's defaults. */
async function currentWeights(command: string, file: string, source: ReviewSource, explicit: string | undefined): Promise<readonly number[] | number> {
  const parametersFile = explicit ?? (source.isHistory ? parametersFileBeside(file) : undefined);
  if (!parametersFile) return DEFAULT_WEIGHTS;
  const read = await readParametersFile(parametersFile);
  if (!read) {
    if (explicit) throw new UsageError(`cannot read ${explicit}: no such file`);
    return DEFAULT_WEIGHTS;
  }
  if (!read.stored) {
    console.error(`cnc cards ${command}: ${parametersFile}: ${read.problem}`);
    return EXIT.findings;
  }
  return read.stored.weights;
}

const metrics = (m: FitMetrics) => ({ logLoss: m.logLoss, rmse: m.rmse });

async function optimize(file: string, options: { json?: boolean; parameters?: string }): Promise<number> {
  const source = readReviewSource('optimize', file);
  if (typeof source === 'number') return source;
  const current = await currentWeights('optimize', file, source, options.parameters);
  if (typeof current === 'number') return current;
  let result;
  try {
    result = await optimizeWeights(source.rows, current, {
      packageRoot: packageRoot(),
      relearningSteps: DEFAULT_SCHEDULER_SETTINGS.relearningSteps.length,
      ...(options.json ? {} : { progress: (done: number, total: number) => { if (process.stderr.isTTY) process.stderr.write(`\roptimizing ${done}/${total}`); } }),
    });
  } catch (error) {
    if (!(error instanceof OptimizerError)) throw error;
    if (!options.json && process.stderr.isTTY) process.stderr.write('\n');
    console.error(`cnc cards optimize: ${error.message}; the current parameters are kept.`);
    return EXIT.findings;
  }
  if (!options.json && process.stderr.isTTY) process.stderr.write('\n');
  if (options.json) {
    console.log(JSON.stringify({
      reviews: result.reviews, before: metrics(result.before), after: metrics(result.after), improved: result.improved, parameters: result.parameters, message: result.message,
    }, null, 2));
    return EXIT.ok;
  }
  const row = (name: string, m: FitMetrics) => `${name}\tlog loss ${m.logLoss.toFixed(4)}\tRMSE ${m.rmse.toFixed(4)}`;
  console.log(row('before', result.before));
  console.log(row('after', result.after));
  console.log(result.message);
  console.log(`parameters: ${result.parameters.map((w) => Number(w.toFixed(4))).join(', ')}`);
  return EXIT.ok;
}

async function simulate(file: string, options: { json?: boolean; parameters?: string; 'new-cards'?: string; 'new-per-day'?: string }): Promise<number> {
  const source = readReviewSource('simulate', file);
  if (typeof source === 'number') return source;
  const weights = await currentWeights('simulate', file, source, options.parameters);
  if (typeof weights === 'number') return weights;
  const settings = {
    ...DEFAULT_SCHEDULER_SETTINGS, weights,
    newCardsPerDay: wholeNumberOption(options['new-per-day'], '--new-per-day', DEFAULT_SCHEDULER_SETTINGS.newCardsPerDay),
  };
  const defaultNewCards = source.isHistory ? loadBundledKnowledge(packageRoot()).cards.filter((c) => !source.seenCardIds.has(c.id)).length : 0;
  const newCards = wholeNumberOption(options['new-cards'], '--new-cards', defaultNewCards);
  const states = source.states ?? replayStates(source.rows, new ReviewScheduler(settings));
  const results = simulateWorkload({ states, newCards, settings, now: Date.now() });
  if (options.json) {
    console.log(JSON.stringify({ cards: states.length, newCards, newCardsPerDay: settings.newCardsPerDay, days: results[0]?.reviewsPerDay.length ?? 0, retentions: results }, null, 2));
    return EXIT.ok;
  }
  console.log(`${states.length} cards reviewed so far, ${newCards} new at ${settings.newCardsPerDay} a day; answers per day over the next ${results[0]?.reviewsPerDay.length ?? 0} days:`);
  for (const r of results) console.log(`retention ${r.retention.toFixed(2)}\t${r.averagePerDay.toFixed(1)} a day\tpeak ${Math.max(...r.reviewsPerDay).toFixed(1)}`);
  return EXIT.ok;
}
