import type { ReviewRating } from '../src/core/review/scheduler';
import { html, nothing, type TemplateResult } from 'lit-html';
import { keyed } from 'lit-html/directives/keyed.js';
import { progressBar } from './charts';
import { button, kbd } from './dom';
import { renderMarkdown } from './markdownDom';
import { currentItem, isOver, isSaving, summarise, type SessionState } from './sessionState';

export interface ReviewActions {
  reveal(): void;
  grade(rating: ReviewRating): void;
  undo(): void;
  end(): void;
  openNote(noteId: string): void;
  /** Opens the n-th place the card's concept was met in the user's files. */
  openPlace(noteId: string, index: number): void;
  showStats(): void;
  chooseScope(): void;
  studyAhead(): void;
}

const GRADES: [ReviewRating, string, string][] = [[1, 'Again', 'again'], [2, 'Hard', 'hard'], [3, 'Good', 'good'], [4, 'Easy', 'easy']];
const PHASE_LABEL = { new: 'new', learning: 'learning', review: 'review', relearning: 'relearning' } as const;

/** The review: header, progress, the card, the answer buttons with their next intervals, and the summary at the end. */
export function reviewView(session: SessionState | undefined, actions: ReviewActions): TemplateResult {
  if (!session) return html`<p class="muted">Loading cards…</p>`;
  const header = html`<header class="page-header"><div><h1>${session.title}</h1><p class="muted note" id="session-note">${session.note}</p></div><div class="toolbar">${
    button('choose-scope', 'Change…', actions.chooseScope, { secondary: true, title: 'Choose what to review' })}${
    button('show-stats', 'Statistics', actions.showStats, { secondary: true })}</div></header>`;
  if (!session.queue.length) return html`${header}${empty(session, actions)}`;
  if (isOver(session)) return html`${header}${summary(session, actions)}`;
  if (isSaving(session)) return html`${header}<p class="muted" id="saving">Saving your last answer…</p>`;
  const item = currentItem(session)!;
  const card = item.card;
  const total = session.queue.length;
  const progress = html`<div class="progress-row">${progressBar(session.position, total, 'Session progress')}<span id="progress">${`Card ${session.position + 1} of ${total}`}</span><span class=${`phase phase-${card.phase}`}>${item.requeuedBy ? 'again' : PHASE_LABEL[card.phase]}</span></div>`;
  const front = html`<section class="card-front" id="front" aria-label="Question" data-card-id=${card.id}>${
    renderMarkdown(card.cloze ? card.cloze.text : card.front, card.cloze ? { gap: card.cloze.gap, reveal: false } : undefined)}</section>`;
  const answer = session.revealed
    ? html`<section class="card-back" id="answer" aria-label="Answer">${card.cloze ? renderMarkdown(card.cloze.text, { gap: card.cloze.gap, reveal: true }) : renderMarkdown(card.back)}</section>`
    : nothing;
  const buttons = !session.revealed
    ? button('reveal', 'Show answer', actions.reveal)
    : GRADES.map(([rating, name, key]) => button(`grade-${rating}`, [
      html`<span class="grade-name">${name}</span>`,
      html`<span class="interval">${card.previews[rating - 1]}</span>`,
    ], () => actions.grade(rating), { className: `grade grade-${key}`, title: `${name} (${rating}): next in ${card.previews[rating - 1]}`, secondary: rating !== 3 }));
  const metIn = card.metIn?.length
    ? html`<p class="from-code" id="from-code"><span class="from-code-label">From your code:</span> ${card.metIn.map((place, index) => html`${index ? ', ' : ''}<a href="#" class="code-place" title="Open the file at this line" @click=${(event: Event) => { event.preventDefault(); actions.openPlace(card.noteId, index); }}>${place}</a>`)}</p>`
    : nothing;
  const secondary = html`<div class="secondary-actions"><span class="source muted">${`From ${card.noteTitle}`}</span>${
    button('open-note', 'Open note', () => actions.openNote(card.noteId), { secondary: true })}${
    button('undo', 'Undo', actions.undo, { secondary: true, disabled: !session.answers.length, title: 'Take back the last answer (u)' })}${
    button('end', 'End', actions.end, { secondary: true, title: 'End the session (Escape)' })}</div>`;
  const hint = html`<p class="muted hint">${kbd('Space')} or ${kbd('Enter')} shows the answer · ${kbd('1')}–${kbd('4')} answer Again, Hard, Good, Easy · ${kbd('u')} undoes · ${kbd('o')} opens the note · ${kbd('Esc')} ends</p>`;
  // Each card (and each showing of it) gets fresh elements: nothing focused or scrolled carries over to the next one.
  const cardPart = keyed(`${session.position}:${card.id}`, html`${front}${answer}<div class="actions" id="actions">${buttons}</div>`);
  return html`${header}${progress}${metIn}${cardPart}${secondary}${hint}`;
}

function empty(session: SessionState, actions: ReviewActions): TemplateResult {
  return html`<section id="empty" class="empty"><p>${session.note}</p><div class="actions">${
    session.canStudyAhead ? button('study-ahead', 'Study these cards anyway', actions.studyAhead) : nothing}${
    button('empty-choose', 'Choose other cards…', actions.chooseScope, { secondary: !!session.canStudyAhead })}${
    button('empty-stats', 'Statistics', actions.showStats, { secondary: true })}</div></section>`;
}

function summary(session: SessionState, actions: ReviewActions): TemplateResult {
  const s = summarise(session);
  const minutes = Math.round(s.durationMs / 60_000);
  const time = minutes < 1 ? 'under a minute' : `about ${minutes} minute${minutes === 1 ? '' : 's'}`;
  const text = s.answers
    ? `You answered ${s.answers} time${s.answers === 1 ? '' : 's'} on ${s.cards} card${s.cards === 1 ? '' : 's'} in ${time}.`
    : 'No cards were answered.';
  return html`<section id="summary" class="summary"><h2>${session.ended && s.left ? 'Session ended' : 'Session complete'}</h2><p id="summary-text">${text}</p><ul class="rating-counts">${
    GRADES.map(([rating, name, key]) => html`<li><span class=${`swatch swatch-${key}`}></span>${`${name}: `}<strong>${String(s.counts[rating - 1])}</strong></li>`)}</ul>${
    s.left ? html`<p class="muted">${`${s.left} card${s.left === 1 ? ' was' : 's were'} left for later; they stay due.`}</p>` : nothing}<div class="actions">${
    button('summary-stats', 'Statistics', actions.showStats)}${
    button('summary-more', 'Review more…', actions.chooseScope, { secondary: true })}${
    session.canStudyAhead ? button('study-ahead', 'Study ahead', actions.studyAhead, { secondary: true }) : nothing}${
    s.answers ? button('undo', 'Undo last answer', actions.undo, { secondary: true }) : nothing}</div></section>`;
}
