// Small template helpers (lit-html). Text always goes in through bindings, which lit inserts as text, never as markup,
// so nothing a note contains is ever parsed as HTML.
import { html, type TemplateResult } from 'lit-html';
import { ifDefined } from 'lit-html/directives/if-defined.js';

export type Content = TemplateResult | string | (TemplateResult | string)[];

/** A `<vscode-button>` (from @vscode-elements/elements). */
export function button(id: string, label: Content, onClick: () => void, options: { secondary?: boolean; disabled?: boolean; title?: string; className?: string } = {}): TemplateResult {
  const click = (event: Event) => { if (!(event.currentTarget as HTMLElement).hasAttribute('disabled')) onClick(); };
  return html`<vscode-button id=${id} class=${ifDefined(options.className)} title=${ifDefined(options.title)} ?secondary=${options.secondary === true} ?disabled=${options.disabled === true} @click=${click}>${label}</vscode-button>`;
}

/** `<kbd>` key hints. */
export const kbd = (key: string) => html`<kbd>${key}</kbd>`;
