// Small DOM builders. Text always goes in through textContent / text nodes, never through innerHTML, so nothing a
// note contains is ever parsed as markup.

type Props = { className?: string; text?: string; id?: string; title?: string; attrs?: Record<string, string> };

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.id) node.id = props.id;
  if (props.title) node.title = props.title;
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  if (props.text !== undefined) node.textContent = props.text;
  node.append(...children);
  return node;
}

/** A `<vscode-button>` (from @vscode-elements/elements). */
export function button(id: string, label: string | Node[], onClick: () => void, options: { secondary?: boolean; disabled?: boolean; title?: string; className?: string } = {}): HTMLElement {
  const b = document.createElement('vscode-button');
  b.id = id;
  if (typeof label === 'string') b.textContent = label; else b.append(...label);
  if (options.secondary) b.setAttribute('secondary', '');
  if (options.disabled) b.setAttribute('disabled', '');
  if (options.title) b.title = options.title;
  if (options.className) b.className = options.className;
  b.addEventListener('click', () => { if (!b.hasAttribute('disabled')) onClick(); });
  return b;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element; attributes carry geometry only, colours come from CSS classes bound to the theme's variables. */
export function svg(tag: string, attrs: Record<string, string | number> = {}, ...children: (Node | string)[]): SVGElement {
  const node = document.createElementNS(SVG_NS, tag) as SVGElement;
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  for (const child of children) node.append(child);
  return node;
}

/** `<kbd>` key hints. */
export const kbd = (key: string) => el('kbd', { text: key });
