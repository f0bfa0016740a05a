import type { ContainerRef } from '../../model/podSpecs';
import { booleanOf, field, type FieldState } from './values';

/** A container's own `securityContext.<key>`. */
export function containerSecurity(ref: ContainerRef, key: string): FieldState {
  return field(ref.container, 'securityContext', key);
}

/** The Pod-level `securityContext.<key>`. */
export function podSecurity(ref: ContainerRef, key: string): FieldState {
  return field(ref.podSpec, 'securityContext', key);
}

/** For keys both levels have (runAsUser, runAsNonRoot, seccompProfile…): the container's, else the Pod's. */
export function effectiveSecurity(ref: ContainerRef, key: string): FieldState {
  const own = containerSecurity(ref, key);
  return own.state === 'missing' ? podSecurity(ref, key) : own;
}

/** A container's own boolean `securityContext.<key>` when written as a boolean; undefined otherwise. */
export function containerFlag(ref: ContainerRef, key: string): boolean | undefined {
  const state = containerSecurity(ref, key);
  return state.state === 'present' ? booleanOf(state.node) : undefined;
}
