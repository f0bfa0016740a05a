// The review page. Built by esbuild into dist/webview/review.js; runs inside the webview's sandboxed iframe.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import { parseExtensionMessage, type WebviewToExtension, type WorkloadSummary } from '../src/core/review/protocol';
import type { ReviewRating } from '../src/core/review/scheduler';
import { html, nothing, render as renderInto } from 'lit-html';
import { button } from './dom';
import { reviewView } from './reviewView';
import * as session from './sessionState';
import { statsView } from './statsView';

interface VsCodeApi { postMessage(message: WebviewToExtension): void; getState(): unknown; setState(state: unknown): void }
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
app.replaceChildren(); // the "Loading cards…" placeholder of the HTML: lit renders into an empty container
let page: session.PageState = session.parsePageState(vscode.getState()) ?? { view: 'review' };

const post = (message: WebviewToExtension) => vscode.postMessage(message);
/** The latest workload simulation; not saved with the page state (it is simulated again whenever statistics are shown). */
let workload: WorkloadSummary | undefined;

function commit(next: session.PageState): void {
  page = next;
  vscode.setState(page);
  render();
}

function withSession(change: (s: session.SessionState) => session.SessionState | undefined): void {
  if (!page.session) return;
  const next = change(page.session);
  if (next) commit({ ...page, session: next });
}

/** Review ids are made here so that an answer resent after a reload is recognised and saved once. */
function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

const actions = {
  reveal: () => withSession((s) => {
    const next = session.reveal(s);
    const card = session.currentItem(s)?.card;
    if (next && card) post({ type: 'revealed', cardId: card.id });
    return next;
  }),
  grade: (rating: ReviewRating) => withSession((s) => {
    const result = session.answer(s, rating, newId(), Date.now());
    if (result) post(result.message);
    return result?.state;
  }),
  undo: () => withSession((s) => {
    const result = session.undo(s, Date.now());
    if (result) post({ type: 'undo', reviewId: result.reviewId });
    return result?.state;
  }),
  end: () => withSession((s) => (s.ended ? undefined : session.end(s))),
  openNote: (noteId: string) => post({ type: 'openNote', noteId }),
  openPlace: (noteId: string, index: number) => post({ type: 'openPlace', noteId, index }),
  showStats: () => { commit({ ...page, view: 'stats' }); post({ type: 'showStats' }); },
  chooseScope: () => post({ type: 'chooseScope' }),
  studyAhead: () => post({ type: 'startReview', ahead: true }),
};

/** Draws the page from `page`; lit-html updates only the parts of the DOM whose values changed. */
function render(): void {
  const problem = page.problem
    ? html`<div class="problem" id="problem" role="alert"><span>${page.problem}</span>${button('dismiss-problem', 'Dismiss', () => commit({ ...page, problem: undefined }), { secondary: true })}</div>`
    : nothing;
  const inProgress = page.session && !session.isOver(page.session) && page.session.queue.length > 0;
  let view;
  if (page.view === 'stats') {
    document.title = 'Study Statistics';
    view = statsView(page.stats, {
      review: () => post({ type: 'startReview', ahead: false }),
      reviewConcepts: (noteIds) => post({ type: 'reviewConcepts', noteIds }),
      ...(inProgress ? { backToSession: () => { commit({ ...page, view: 'review' }); post({ type: 'showing', view: 'review' }); } } : {}),
    }, workload);
  } else {
    document.title = 'Review Cards';
    view = reviewView(page.session, actions);
  }
  renderInto(html`${problem}${view}`, app);
}

window.addEventListener('message', (event: MessageEvent) => {
  const message = parseExtensionMessage(event.data);
  if (!message) { console.warn('Ignored a malformed message from the extension'); return; }
  switch (message.type) {
    case 'session': commit({ ...page, view: 'review', session: session.startSession(message, Date.now()) }); break;
    case 'graded': withSession((s) => session.graded(s, message.reviewId, message.again, Date.now())); break;
    case 'undone': break; // the page already stepped back when the user pressed u
    case 'stats': commit({ ...page, view: 'stats', stats: message.stats }); break;
    case 'workload': workload = message.workload; render(); break;
    case 'problem': commit({ ...page, problem: message.message }); break;
  }
});

const GRADE_KEYS: Record<string, ReviewRating> = { 1: 1, 2: 2, 3: 3, 4: 4 };

window.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target as HTMLElement | null;
  // A focused button handles Space and Enter itself; text fields keep their keys.
  if (target && (target.tagName === 'VSCODE-BUTTON' || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA') && (event.key === ' ' || event.key === 'Enter')) return;
  if (page.view !== 'review' || !page.session) return;
  const s = page.session;
  const key = event.key;
  if ((key === ' ' || key === 'Enter') && session.currentItem(s) && !s.revealed) { event.preventDefault(); actions.reveal(); return; }
  if (key in GRADE_KEYS && s.revealed) { event.preventDefault(); actions.grade(GRADE_KEYS[key]!); return; }
  if (key === 'u' || key === 'U') { event.preventDefault(); actions.undo(); return; }
  if (key === 'o' || key === 'O') { const card = session.currentItem(s)?.card; if (card) { event.preventDefault(); actions.openNote(card.noteId); } return; }
  if (key === 'Escape' && session.currentItem(s)) { event.preventDefault(); actions.end(); }
});

render();
post(page.view === 'stats' || page.session ? { type: 'ready', restoring: true } : { type: 'ready' });
if (page.view === 'stats') post({ type: 'showStats' });
// Answers sent just before a reload may not have reached the extension: send them again (saved once, by id).
for (const a of page.session?.answers ?? []) {
  if (!a.saved) post({ type: 'grade', reviewId: a.reviewId, cardId: a.cardId, rating: a.rating, durationMs: a.durationMs });
}
