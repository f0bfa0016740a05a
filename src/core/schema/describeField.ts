import { objectTypeId, typeLabel, type FieldSpec, type TypeRef, type TypeSpec } from './apiTypes';
import { resolveKind, typeSpec, type KindInfo } from './catalog';

/** What a field of a Kubernetes object is, from the API's own description (or ours, for custom resources). */
export interface FieldDoc {
  apiVersion: string;
  kind: string;
  /** The field's name: `image`. */
  field: string;
  /** From the kind, list items as `[]`: `Deployment.spec.template.spec.containers[].image`. */
  path: string;
  /** The API type that has the field: `Container`. */
  typeName: string;
  /** `Container.image`: the form note bindings use for fields of shared types. */
  typePath: string;
  /** Id of the API type that has the field: `core.v1.Container` (keys the field's history, src/core/schema/fieldHistory.ts). */
  typeId: string;
  /** Human form of the value's type: `string`, `[]Container`, `map[string]string`, `integer or string`. */
  type: string;
  /** The object type of the value (or of its items / map values), when it has one: `PodSpec`. */
  valueTypeName?: string;
  valueTypeId?: string;
  description: string;
  required: boolean;
  readOnly: boolean;
  enum?: readonly string[];
  /** Set when the path ends inside a map-valued field (a label key, a ConfigMap data key): that key. */
  entryKey?: string;
  source: 'kubernetes' | 'custom';
  /** Reference page of the kind. */
  docsUrl: string;
  /** False when the fields come from another version of the kind (see KindInfo). */
  exactVersion: boolean;
}

export interface KindDoc extends KindInfo {
  typeName: string;
  description: string;
}

const nameOf = (id: string) => typeSpec(id)?.name;

export function describeKind(apiVersion: string, kind: string): KindDoc | undefined {
  const info = resolveKind(apiVersion, kind);
  const type = info && typeSpec(info.typeId);
  return info && type ? { ...info, typeName: type.name, description: type.description } : undefined;
}

/** One field met while following a path: where in the path, and which API type has it. */
export interface FieldStep {
  /** Index in the path of the key naming the field. */
  index: number;
  owner: TypeSpec;
  name: string;
  spec: FieldSpec;
  /** Kind path up to and including this field: `Deployment.spec.template`. */
  display: string;
}

/**
 * Follows `path` (keys, and list indexes as numbers) from an object of `kind`, field by field. Stops at the first
 * segment the API does not have; `complete` tells whether the whole path was followed.
 */
export function fieldSteps(info: KindInfo, path: (string | number)[]): { steps: FieldStep[]; complete: boolean; entryKey?: string; display: string } {
  const steps: FieldStep[] = [];
  let owner: TypeSpec | undefined = typeSpec(info.typeId);
  let current: TypeRef | undefined;
  let display = info.kind;
  let entryKey: string | undefined;
  for (const [index, segment] of path.entries()) {
    if (current?.startsWith('[]')) {
      if (typeof segment !== 'number') return { steps, complete: false, display };
      current = current.slice(2);
      display += '[]';
      continue;
    }
    if (current?.startsWith('{}')) {
      if (entryKey !== undefined) return { steps, complete: false, display };
      entryKey = String(segment);
      current = current.slice(2);
      continue;
    }
    if (current !== undefined) {
      // `X|boolean` (a CRD schema's additionalProperties): a key inside it can only be the X form.
      const id = objectTypeId(current.replace(/\|boolean$/, ''));
      owner = id ? typeSpec(id) : undefined;
    }
    const spec = owner && typeof segment === 'string' ? owner.field(segment) : undefined;
    if (!owner || !spec || typeof segment !== 'string') return { steps, complete: false, display };
    entryKey = undefined;
    display += `.${segment}`;
    steps.push({ index, owner, name: segment, spec, display });
    current = spec.type;
  }
  return { steps, complete: true, entryKey, display };
}

/**
 * Describes the field at `path` (keys, and list indexes as numbers) inside an object of `apiVersion`/`kind`.
 * A path ending at a list index describes the list field (its path ends in `[]`); one ending inside a map-valued
 * field describes that field with `entryKey` set. Undefined for unknown kinds and for keys the API does not have.
 */
export function describeField(apiVersion: string, kind: string, path: (string | number)[]): FieldDoc | undefined {
  const info = resolveKind(apiVersion, kind);
  if (!info || path.length === 0) return undefined;
  const walk = fieldSteps(info, path);
  const last = walk.steps.at(-1);
  if (!walk.complete || !last) return undefined;
  const { spec } = last;
  const valueTypeId = objectTypeId(spec.type.replace(/^(\[\]|\{\})+/, '').replace(/\|boolean$/, ''));
  return {
    apiVersion, kind, field: last.name, path: walk.display, typeName: last.owner.name, typePath: `${last.owner.name}.${last.name}`, typeId: last.owner.id,
    type: typeLabel(spec.type, nameOf), ...(valueTypeId ? { valueTypeId, valueTypeName: nameOf(valueTypeId) ?? valueTypeId } : {}),
    description: spec.description, required: spec.required, readOnly: spec.readOnly, ...(spec.enum ? { enum: spec.enum } : {}),
    ...(walk.entryKey !== undefined ? { entryKey: walk.entryKey } : {}),
    source: info.source, docsUrl: info.docsUrl, exactVersion: info.exactVersion,
  };
}
