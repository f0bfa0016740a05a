import type { Span } from './tree';

/** The same span `delta` characters further on (a document's spans, moved to where it sits in its file). */
export function shiftSpan(span: Span, delta: number): Span {
  return { start: span.start + delta, end: span.end + delta };
}
