import { placeLabel, type CodeConcepts, type CodePlace } from './codeConcepts';
import { answerFingerprint, carryEntries, findCarryOvers, type CarryOver } from './carryOver';
import { newEntryId, type HistoryEntry, type PruneEntry } from './historyEntries';
import { deriveCardStates, recordReview, type CardHistory } from './historyLog';
import { HistoryWriteError, type HistoryStore } from './historyStore';
import { formatInterval } from './intervalLabel';
import { DEFAULT_WEIGHTS, optimizeWeights, reviewRowsFromHistory, type OptimizationResult, type OptimizeOptions } from './optimizer';
import type { ParametersStore } from './parametersStore';
import type { ReviewCardView, ReviewScope, SessionMessage, WorkloadSummary } from './protocol';
import { ReviewScheduler, type ReviewRating, type SchedulerSettings } from './scheduler';
import { LEARN_AHEAD_MS, dueToday, planSession, toCardView, type StudyCard, type Workload } from './session';
import { computeStats, retentionByConcept, type StudyStats } from './stats';
import { SIMULATED_RETENTIONS, simulateWorkload } from './workloadSimulation';

export interface ReviewServiceDeps {
  store: HistoryStore;
  /** The cards of the notes as they are now. */
  cards: () => Promise<StudyCard[]>;
  settings: () => SchedulerSettings;
  /** FSRS parameters fitted to this history; the scheduler uses them instead of FSRS's defaults once there are any. */
  parameters?: ParametersStore;
  /** "From your code": concepts met in the user's own files and where (empty when the setting is off). */
  codeConcepts?: () => CodeConcepts;
  now?: () => number;
}

export interface GradeRequest { reviewId: string; cardId: string; rating: ReviewRating; durationMs: number }

/**
 * Reviewing, independent of the editor: sessions planned from the cards and the history, answers recorded in the
 * history store, undo, carry-over of reworded cards, pruning and statistics. The VS Code side only adds the UI.
 */
export class ReviewService {
  private readonly now: () => number;

  constructor(private readonly deps: ReviewServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** The user's settings with the stored FSRS parameters, when there are some. */
  settings(): SchedulerSettings {
    const settings = this.deps.settings();
    const weights = this.deps.parameters?.weights;
    return weights ? { ...settings, weights } : settings;
  }

  private scheduler(): ReviewScheduler { return new ReviewScheduler(this.settings()); }

  private codeConcepts(): CodeConcepts { return this.deps.codeConcepts?.() ?? new Map(); }

  /** The places a card's concept was met in the user's files, as the card shows them. */
  private metIn(card: StudyCard, code: CodeConcepts): string[] | undefined {
    return code.get(card.noteId)?.map(placeLabel);
  }

  /** The n-th place the concept was met (what a card's "met in" link opens); undefined when it is gone. */
  codePlace(noteId: string, index: number): CodePlace | undefined {
    return this.codeConcepts().get(noteId)?.[index];
  }

  private async histories(scheduler = this.scheduler()): Promise<Map<string, CardHistory>> {
    return deriveCardStates(await this.deps.store.ensureLoaded(), scheduler);
  }

  /** Today's workload (no writes: safe to call whenever the status bar refreshes). */
  async dueToday(): Promise<Workload> {
    const [cards, histories] = await Promise.all([this.deps.cards(), this.histories()]);
    return dueToday(cards, histories, this.settings(), this.now(), new Set(this.codeConcepts().keys()));
  }

  /** Plans a session. Reworded cards found on the way get their history first (see findCarryOvers). */
  async startSession(scope: ReviewScope): Promise<{ session: SessionMessage; carried: CarryOver[] }> {
    const carried = await this.carryOverChanged();
    const scheduler = this.scheduler();
    const [cards, histories] = await Promise.all([this.deps.cards(), this.histories(scheduler)]);
    const now = this.now();
    const code = this.codeConcepts();
    const plan = planSession(cards, histories, scope, scheduler.settings, now, new Set(code.keys()));
    const parts = [plan.due && `${plan.due} due`, plan.fresh && `${plan.fresh} new`, scope.ahead && plan.cards.length > plan.due + plan.fresh && `${plan.cards.length - plan.due - plan.fresh} ahead of time`,
      plan.heldBack && `${plan.heldBack} more wait for tomorrow (daily review limit)`].filter(Boolean);
    const note = plan.cards.length ? parts.join(' · ')
      : !plan.inScope ? 'No cards match this selection.'
      : plan.heldBack ? `Today's review limit (${scheduler.settings.reviewsPerDay}) is reached; ${plan.heldBack} reviews wait for tomorrow.`
      : plan.nextDue !== undefined ? `Nothing is due here now. The next card is due in ${formatInterval(plan.nextDue - now)}.`
      : 'Nothing is due here now, and today\'s new cards are done.';
    const session: SessionMessage = {
      type: 'session',
      id: newEntryId(),
      title: scopeTitle(scope),
      scope,
      cards: plan.cards.map((c) => toCardView(c, histories.get(c.id), scheduler, now, this.metIn(c, code))),
      note,
      canStudyAhead: !scope.ahead && plan.nextDue !== undefined,
    };
    return { session, carried };
  }

  /**
   * Records an answer. The same review id twice is saved once (a page restored after a reload may resend).
   * Returns the card again when its next learning step falls within the session. When the answer could not be
   * written, `problem` says so; the answer is then kept in memory and saved with the next write.
   */
  async grade(request: GradeRequest): Promise<{ again?: ReviewCardView; problem?: string }> {
    const scheduler = this.scheduler();
    const cards = await this.deps.cards();
    const card = cards.find((c) => c.id === request.cardId);
    const at = this.now();
    let problem: string | undefined;
    try {
      await this.deps.store.append((log) => (log.some((e) => e.id === request.reviewId) ? [] : [recordReview(log, scheduler, {
        id: request.reviewId, cardId: request.cardId, at, rating: request.rating, durationMs: request.durationMs,
        ...(card ? { answer: answerFingerprint(card.back) } : {}),
      })]));
    } catch (error) {
      if (!(error instanceof HistoryWriteError)) throw error;
      problem = error.message;
    }
    const outcome = problem ? { problem } : {};
    const history = deriveCardStates(this.deps.store.log, scheduler).get(request.cardId);
    if (!card || !history || history.lastReviewId !== request.reviewId || history.state.due - at > LEARN_AHEAD_MS) return outcome;
    return { ...outcome, again: toCardView(card, history, scheduler, history.state.due, this.metIn(card, this.codeConcepts())) };
  }

  /** Takes back an answer; false if there was nothing to undo. */
  async undo(reviewId: string): Promise<boolean> {
    const added = await this.deps.store.append((log) => {
      const known = log.some((e) => e.type === 'review' && e.id === reviewId);
      const undone = log.some((e) => e.type === 'undo' && e.reviewId === reviewId);
      return known && !undone ? [{ type: 'undo', id: newEntryId(), at: this.now(), reviewId }] : [];
    });
    return added.length > 0;
  }

  async stats(): Promise<StudyStats> {
    const [cards, histories] = await Promise.all([this.deps.cards(), this.histories()]);
    return { ...computeStats(histories, cards.map((c) => c.id), this.now()), byConcept: retentionByConcept(histories, cards) };
  }

  /**
   * Fits FSRS parameters to this history and stores them when they predict it better than those in use; otherwise
   * (or when optimizing fails: OptimizerError) the parameters in use stay as they are.
   */
  async optimize(options: Omit<OptimizeOptions, 'relearningSteps'>): Promise<OptimizationResult & { saved: boolean }> {
    const settings = this.settings();
    const rows = reviewRowsFromHistory(await this.deps.store.ensureLoaded());
    const result = await optimizeWeights(rows, settings.weights ?? DEFAULT_WEIGHTS, { ...options, relearningSteps: settings.relearningSteps.length });
    if (!result.improved || !this.deps.parameters) return { ...result, saved: false };
    await this.deps.parameters.save({ weights: result.parameters, optimizedAt: this.now(), reviews: result.reviews, fit: result.after });
    return { ...result, saved: true };
  }

  /** What each desired retention would cost a day over the next 30 days, with these cards, parameters and limits. */
  async workload(): Promise<WorkloadSummary> {
    const [cards, histories] = await Promise.all([this.deps.cards(), this.histories()]);
    const settings = this.settings();
    const newCards = cards.filter((c) => !histories.has(c.id)).length;
    const input = { states: [...histories.values()].map((h) => h.state), newCards, settings, now: this.now() };
    // One retention at a time, yielding in between: simulating all of them takes seconds with many cards, and the
    // extension host must stay responsive meanwhile. Each retention's runs are seeded alike, so the figures are the same.
    const results = [];
    for (const retention of SIMULATED_RETENTIONS) {
      results.push(...simulateWorkload({ ...input, retentions: [retention] }));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return {
      desiredRetention: settings.desiredRetention,
      fittedParameters: settings.weights !== undefined,
      retentions: results.map((r) => ({ retention: r.retention, averagePerDay: r.averagePerDay, peakPerDay: Math.max(0, ...r.reviewsPerDay) })),
    };
  }

  /** Cards with history that are in no note any more (their history stays until pruned). */
  async vanishedCards(): Promise<{ cardId: string; reviews: number }[]> {
    const [cards, histories] = await Promise.all([this.deps.cards(), this.histories()]);
    if (!cards.length) return []; // no cards at all means the notes did not load, not that every card vanished
    const current = new Set(cards.map((c) => c.id));
    return [...histories.values()].filter((h) => !current.has(h.cardId)).map((h) => ({ cardId: h.cardId, reviews: h.reviews.length }));
  }

  /** Forgets the history of the given cards (only those that are still vanished). Returns how many were pruned. */
  async prune(cardIds: readonly string[]): Promise<number> {
    const vanished = new Set((await this.vanishedCards()).map((v) => v.cardId));
    const at = this.now();
    const entries: PruneEntry[] = cardIds.filter((id) => vanished.has(id)).map((cardId) => ({ type: 'prune', id: newEntryId(), at, cardId }));
    if (entries.length) await this.deps.store.append(() => entries);
    return entries.length;
  }

  /** Moves the history of reworded cards to their new ids (same note, same answer, unambiguous). */
  async carryOverChanged(): Promise<CarryOver[]> {
    const [cards, histories] = await Promise.all([this.deps.cards(), this.histories()]);
    if (!cards.length) return [];
    const carries = findCarryOvers(histories, cards);
    if (carries.length) await this.deps.store.append(() => carryEntries(carries, this.now()));
    return carries;
  }

  /** Adds imported entries; merging by id means entries already present are not duplicated. */
  async importEntries(entries: readonly HistoryEntry[]): Promise<number> {
    const added = await this.deps.store.append((log) => {
      const ids = new Set(log.map((e) => e.id));
      return entries.filter((e) => !ids.has(e.id));
    });
    return added.length;
  }
}

function scopeTitle(scope: ReviewScope): string {
  const base = scope.kind === 'due' ? 'Everything due' : scope.kind === 'tag' ? `Tag: ${scope.tag}` : scope.label;
  return scope.ahead ? `${base} (studying ahead)` : base;
}
