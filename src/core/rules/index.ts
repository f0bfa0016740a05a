import { imageTagNotPinned } from './image-tag-not-pinned';
import type { Rule } from './rule';

/** Every rule, in the order their docs list them. */
export const ALL_RULES: readonly Rule[] = [imageTagNotPinned];

export function ruleById(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.id === id);
}
