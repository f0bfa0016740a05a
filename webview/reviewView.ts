import type { ReviewRating } from '../src/core/review/scheduler';
import { progressBar } from './charts';
import { button, el, kbd } from './dom';
import { renderMarkdown } from './markdownDom';
import { currentItem, isOver, isSaving, summarise, type SessionState } from './sessionState';

export interface ReviewActions {
  reveal(): void;
  grade(rating: ReviewRating): void;
  undo(): void;
  end(): void;
  openNote(noteId: string): void;
  showStats(): void;
  chooseScope(): void;
  studyAhead(): void;
}

const GRADES: [ReviewRating, string, string][] = [[1, 'Again', 'again'], [2, 'Hard', 'hard'], [3, 'Good', 'good'], [4, 'Easy', 'easy']];
const PHASE_LABEL = { new: 'new', learning: 'learning', review: 'review', relearning: 'relearning' } as const;

/** The review: header, progress, the card, the answer buttons with their next intervals, and the summary at the end. */
export function reviewView(session: SessionState | undefined, actions: ReviewActions): Node[] {
  if (!session) return [el('p', { className: 'muted', text: 'Loading cards…' })];
  const header = el('header', { className: 'page-header' },
    el('div', {}, el('h1', { text: session.title }), el('p', { className: 'muted note', id: 'session-note', text: session.note })),
    el('div', { className: 'toolbar' },
      button('choose-scope', 'Change…', actions.chooseScope, { secondary: true, title: 'Choose what to review' }),
      button('show-stats', 'Statistics', actions.showStats, { secondary: true })));
  if (!session.queue.length) return [header, empty(session, actions)];
  if (isOver(session)) return [header, summary(session, actions)];
  if (isSaving(session)) return [header, el('p', { className: 'muted', id: 'saving', text: 'Saving your last answer…' })];
  const item = currentItem(session)!;
  const card = item.card;
  const total = session.queue.length;
  const progress = el('div', { className: 'progress-row' },
    progressBar(session.position, total, 'Session progress'),
    el('span', { id: 'progress', text: `Card ${session.position + 1} of ${total}` }),
    el('span', { className: `phase phase-${card.phase}`, text: item.requeuedBy ? 'again' : PHASE_LABEL[card.phase] }));
  const front = el('section', { className: 'card-front', id: 'front', attrs: { 'aria-label': 'Question', 'data-card-id': card.id } },
    ...renderMarkdown(card.cloze ? card.cloze.text : card.front, card.cloze ? { gap: card.cloze.gap, reveal: false } : undefined));
  const nodes: Node[] = [header, progress, front];
  if (session.revealed) {
    const answer = card.cloze ? renderMarkdown(card.cloze.text, { gap: card.cloze.gap, reveal: true }) : renderMarkdown(card.back);
    nodes.push(el('section', { className: 'card-back', id: 'answer', attrs: { 'aria-label': 'Answer' } }, ...answer));
  }
  const actionsRow = el('div', { className: 'actions', id: 'actions' });
  if (!session.revealed) actionsRow.append(button('reveal', 'Show answer', actions.reveal));
  else {
    for (const [rating, name, key] of GRADES) {
      actionsRow.append(button(`grade-${rating}`, [
        el('span', { className: 'grade-name', text: name }),
        el('span', { className: 'interval', text: card.previews[rating - 1] }),
      ], () => actions.grade(rating), { className: `grade grade-${key}`, title: `${name} (${rating}): next in ${card.previews[rating - 1]}`, secondary: rating !== 3 }));
    }
  }
  nodes.push(actionsRow);
  nodes.push(el('div', { className: 'secondary-actions' },
    el('span', { className: 'source muted', text: `From ${card.noteTitle}` }),
    button('open-note', 'Open note', () => actions.openNote(card.noteId), { secondary: true }),
    button('undo', 'Undo', actions.undo, { secondary: true, disabled: !session.answers.length, title: 'Take back the last answer (u)' }),
    button('end', 'End', actions.end, { secondary: true, title: 'End the session (Escape)' })));
  nodes.push(el('p', { className: 'muted hint' },
    kbd('Space'), ' or ', kbd('Enter'), ' shows the answer · ', kbd('1'), '–', kbd('4'), ' answer Again, Hard, Good, Easy · ',
    kbd('u'), ' undoes · ', kbd('o'), ' opens the note · ', kbd('Esc'), ' ends'));
  return nodes;
}

function empty(session: SessionState, actions: ReviewActions): HTMLElement {
  return el('section', { id: 'empty', className: 'empty' },
    el('p', { text: session.note }),
    el('div', { className: 'actions' },
      ...(session.canStudyAhead ? [button('study-ahead', 'Study these cards anyway', actions.studyAhead)] : []),
      button('empty-choose', 'Choose other cards…', actions.chooseScope, { secondary: !!session.canStudyAhead }),
      button('empty-stats', 'Statistics', actions.showStats, { secondary: true })));
}

function summary(session: SessionState, actions: ReviewActions): HTMLElement {
  const s = summarise(session);
  const minutes = Math.round(s.durationMs / 60_000);
  const time = minutes < 1 ? 'under a minute' : `about ${minutes} minute${minutes === 1 ? '' : 's'}`;
  return el('section', { id: 'summary', className: 'summary' },
    el('h2', { text: session.ended && s.left ? 'Session ended' : 'Session complete' }),
    el('p', { id: 'summary-text', text: s.answers
      ? `You answered ${s.answers} time${s.answers === 1 ? '' : 's'} on ${s.cards} card${s.cards === 1 ? '' : 's'} in ${time}.`
      : 'No cards were answered.' }),
    el('ul', { className: 'rating-counts' }, ...GRADES.map(([rating, name, key]) =>
      el('li', {}, el('span', { className: `swatch swatch-${key}` }), `${name}: `, el('strong', { text: String(s.counts[rating - 1]) })))),
    ...(s.left ? [el('p', { className: 'muted', text: `${s.left} card${s.left === 1 ? ' was' : 's were'} left for later; they stay due.` })] : []),
    el('div', { className: 'actions' },
      button('summary-stats', 'Statistics', actions.showStats),
      button('summary-more', 'Review more…', actions.chooseScope, { secondary: true }),
      ...(session.canStudyAhead ? [button('study-ahead', 'Study ahead', actions.studyAhead, { secondary: true })] : []),
      ...(s.answers ? [button('undo', 'Undo last answer', actions.undo, { secondary: true })] : [])));
}
