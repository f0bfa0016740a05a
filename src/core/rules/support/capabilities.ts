import type { ContainerRef } from '../../model/podSpecs';
import type { ScalarNode } from '../../model/tree';
import { field } from './values';

/** Capability names as written, with an optional `CAP_` prefix removed and upper-cased. */
export function capabilityName(value: string): string {
  return value.trim().toUpperCase().replace(/^CAP_/, '');
}

export interface CapabilityList {
  state: 'present' | 'missing' | 'unknown';
  items: ScalarNode[];
  names: string[];
}

/** `securityContext.capabilities.add|drop` of a container. */
export function capabilityList(ref: ContainerRef, which: 'add' | 'drop'): CapabilityList {
  const state = field(ref.container, 'securityContext', 'capabilities', which);
  if (state.state !== 'present') return { state: state.state, items: [], names: [] };
  if (state.node.kind !== 'list') return { state: 'unknown', items: [], names: [] };
  const items = state.node.items.filter((i): i is ScalarNode => i.kind === 'scalar' && i.value !== null);
  if (items.length !== state.node.items.length) return { state: 'unknown', items: [], names: [] };
  return { state: 'present', items, names: items.map((i) => String(i.value)) };
}
