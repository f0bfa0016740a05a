import type { Span } from '../model/tree';
import type { HclAttribute, HclBlock, HclBody, HclExpression, HclItem, HclLabel, HclObjectEntry } from './hclModel';

/** One step from the file's top level down to an offset. */
export type HclStep =
  | { kind: 'block'; block: HclBlock; on: 'type' | 'label' | 'body'; label?: number }
  | { kind: 'attribute'; attribute: HclAttribute; on: 'name' | 'value' }
  | { kind: 'entry'; entry: HclObjectEntry; on: 'key' | 'value' }
  | { kind: 'item'; index: number };

const inside = (span: Span, offset: number) => offset >= span.start && offset <= span.end;
const within = (span: Span, offset: number) => offset >= span.start && offset < span.end;

/** The chain of blocks, attributes and object entries that hold `offset`, outermost first. */
export function hclPathAt(body: HclBody, offset: number): HclStep[] {
  const steps: HclStep[] = [];
  let current: HclBody | undefined = body;
  while (current) {
    const item: HclItem | undefined = current.items.find((i) => within(i.span, offset) || (i.kind === 'block' ? inside(i.typeSpan, offset) : inside(i.nameSpan, offset)));
    current = undefined;
    if (!item) break;
    if (item.kind === 'attribute') {
      if (inside(item.nameSpan, offset)) { steps.push({ kind: 'attribute', attribute: item, on: 'name' }); break; }
      steps.push({ kind: 'attribute', attribute: item, on: 'value' });
      steps.push(...expressionPath(item.value, offset));
      break;
    }
    if (inside(item.typeSpan, offset)) { steps.push({ kind: 'block', block: item, on: 'type' }); break; }
    const label = item.labels.findIndex((l: HclLabel) => inside(l.span, offset));
    if (label >= 0) { steps.push({ kind: 'block', block: item, on: 'label', label }); break; }
    steps.push({ kind: 'block', block: item, on: 'body' });
    current = item.body;
  }
  return steps;
}

function expressionPath(expression: HclExpression, offset: number): HclStep[] {
  const steps: HclStep[] = [];
  let current: HclExpression | undefined = expression;
  for (let guard = 0; current && guard < 200; guard++) {
    const here: HclExpression = current;
    current = undefined;
    if (here.kind === 'object') {
      const entry: HclObjectEntry | undefined = here.entries.find((e) => inside(e.span, offset));
      if (!entry) break;
      if (inside(entry.keySpan, offset)) { steps.push({ kind: 'entry', entry, on: 'key' }); break; }
      steps.push({ kind: 'entry', entry, on: 'value' });
      current = entry.value;
    } else if (here.kind === 'tuple') {
      const index = here.items.findIndex((i) => inside(i.span, offset));
      if (index < 0) break;
      steps.push({ kind: 'item', index });
      current = here.items[index];
    }
  }
  return steps;
}
