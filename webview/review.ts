// The review page. Built by esbuild into dist/webview/review.js; runs inside the webview's sandboxed iframe.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import { parseExtensionMessage, type ReviewCardView, type WebviewToExtension } from '../src/core/review/protocol';

interface VsCodeApi { postMessage(message: WebviewToExtension): void; getState(): unknown; setState(state: unknown): void }
declare function acquireVsCodeApi(): VsCodeApi;

interface State { title: string; cards: ReviewCardView[]; position: number; revealed: boolean }

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
let state: State | undefined = vscode.getState() as State | undefined;

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: { className?: string; text?: string; id?: string } = {}, ...children: Node[]) => {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.id) node.id = props.id;
  // Card text is shown as text, never as HTML: a note cannot inject markup or script into this page.
  if (props.text !== undefined) node.textContent = props.text;
  node.append(...children);
  return node;
};

function button(id: string, label: string, onClick: () => void, secondary = false): HTMLElement {
  const b = document.createElement('vscode-button');
  b.id = id;
  b.textContent = label;
  if (secondary) b.setAttribute('secondary', '');
  b.addEventListener('click', onClick);
  return b;
}

function save(next: State): void {
  state = next;
  vscode.setState(next);
  render();
}

function render(): void {
  app.replaceChildren();
  if (!state) { app.append(el('p', { className: 'muted', text: 'Loading cards…' })); return; }
  const card = state.cards[state.position];
  app.append(el('h1', { text: state.title }));
  if (!card) { app.append(el('p', { id: 'empty', className: 'muted', text: 'No cards to show.' })); return; }
  app.append(el('p', { className: 'progress', id: 'progress', text: `Card ${state.position + 1} of ${state.cards.length} · ${card.noteTitle}` }));
  const front = el('section', { className: 'card-front', id: 'front' });
  front.append(...renderText(card.front));
  app.append(front);
  if (state.revealed) {
    const back = el('section', { className: 'card-back', id: 'answer' });
    back.append(...renderText(card.back));
    app.append(el('hr'), back);
  }
  const actions = el('div', { className: 'actions' });
  if (!state.revealed) actions.append(button('reveal', 'Show answer', reveal));
  else if (state.position + 1 < state.cards.length) actions.append(button('next', 'Next card', next));
  actions.append(button('open-note', 'Open note', () => vscode.postMessage({ type: 'openNote', noteId: card.noteId }), true));
  app.append(actions, el('p', { className: 'muted hint', text: 'Space or Enter shows the answer.' }));
}

/** Paragraphs and inline code, as text nodes. */
function renderText(text: string): Node[] {
  return text.split(/\n{2,}/).map((paragraph) => {
    const p = el('p');
    paragraph.split(/(`[^`]+`)/).forEach((part) => {
      if (part.startsWith('`') && part.endsWith('`') && part.length > 1) p.append(el('code', { text: part.slice(1, -1) }));
      else if (part) p.append(document.createTextNode(part));
    });
    return p;
  });
}

function reveal(): void {
  if (!state || state.revealed) return;
  const card = state.cards[state.position];
  if (!card) return;
  save({ ...state, revealed: true });
  vscode.postMessage({ type: 'revealed', cardId: card.id });
}

function next(): void {
  if (!state) return;
  save({ ...state, position: Math.min(state.position + 1, state.cards.length - 1), revealed: false });
}

window.addEventListener('message', (event: MessageEvent) => {
  const message = parseExtensionMessage(event.data);
  if (!message) { console.warn('Ignored a malformed message from the extension'); return; }
  const sameSession = state && state.title === message.title && state.cards.length === message.cards.length;
  save(sameSession ? { ...state!, cards: message.cards } : { title: message.title, cards: message.cards, position: 0, revealed: false });
});

window.addEventListener('keydown', (event) => {
  if ((event.key === ' ' || event.key === 'Enter') && !(event.target instanceof HTMLInputElement)) {
    event.preventDefault();
    if (state && !state.revealed) reveal(); else next();
  }
});

render();
vscode.postMessage({ type: 'ready' });
