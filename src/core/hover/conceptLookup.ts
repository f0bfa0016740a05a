import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { Note } from '../knowledge/note';
import { resolveKind } from '../schema/catalog';
import { fieldSteps } from '../schema/describeField';

export type FieldPath = (string | number)[];

/** `Deployment` + `spec.template.spec.containers.0.image` → `Deployment.spec.template.spec.containers[].image`. */
export function kindPathOf(kind: string, path: FieldPath): string {
  return [kind, ...path.map((p) => (typeof p === 'number' ? '[]' : p))].join('.').replace(/\.\[\]/g, '[]');
}

export interface FieldConcepts {
  notes: Note[];
  /** What the notes explain: the field path, or `field: value` when a value binding matched. */
  subject: string;
}

/**
 * The notes bound to a field: first to its value (`Service.spec.type=NodePort`, `ServiceSpec.type=NodePort`), then
 * to the field by kind path or API type path, and for a key with no binding of its own, to the value written there.
 */
export function fieldConcepts(kb: KnowledgeBase, kindPath: string, typePath: string | undefined, field: string, value: { hovered?: string; written?: string }): FieldConcepts {
  const paths = typePath ? [kindPath, typePath] : [kindPath];
  const byValue = (v: string) => kb.notesForValue(paths.map((p) => `${p}=${v}`));
  if (value.hovered !== undefined) {
    const notes = byValue(value.hovered);
    if (notes.length) return { notes, subject: `${field}: ${value.hovered}` };
  }
  const notes = unique(paths.map((p) => kb.notesForField([p])));
  if (notes.length || value.written === undefined) return { notes, subject: kindPath };
  return { notes: byValue(value.written), subject: `${field}: ${value.written}` };
}

/**
 * For a field with no concept of its own: the nearest enclosing field that has one (`EnvVar.name` → the container's
 * note), else the object's kind. Shown as context, shorter than the field's own concepts.
 */
export function contextConcepts(kb: KnowledgeBase, apiVersion: string, kind: string, path: FieldPath): { notes: Note[]; via: string } | undefined {
  const info = resolveKind(apiVersion, kind);
  const steps = info ? fieldSteps(info, path).steps : [];
  // Every enclosing field, nearest first: its kind path and, when the API knows it, its type path.
  for (let end = path.length - 1; end > 0; end--) {
    if (typeof path[end - 1] === 'number') continue;
    const kindPath = kindPathOf(kind, path.slice(0, end));
    const step = steps.find((s) => s.index === end - 1);
    const notes = unique([kindPath, ...(step ? [`${step.owner.name}.${step.name}`] : [])].map((p) => kb.notesForField([p])));
    if (notes.length) return { notes, via: kindPath };
  }
  const notes = kb.notesForKind(kind, apiVersion);
  return notes.length ? { notes, via: kind } : undefined;
}

function unique(lists: Note[][]): Note[] {
  const seen = new Set<string>();
  return lists.flat().filter((n) => !seen.has(n.id) && seen.add(n.id));
}
