import { child, listItems, scalarString, type MapNode, type Span, type ValueNode } from '../model/tree';
import type { FieldSpec, TypeRef, TypeSpec } from './apiTypes';

/**
 * A CustomResourceDefinition document turned into the API types of its kind: one root type per served version,
 * from its `openAPIV3Schema` (descriptions, types, required fields, enums), so hovers, schema validation and
 * completion treat the kind like a built-in one. What cannot be used is reported as a problem at its place and
 * typed loosely (`any`), so a broken schema never produces errors in the resources that use it.
 */
export interface CrdKindSchema {
  group: string;
  kind: string;
  /** Served versions, storage version first: `v1` → root type id. */
  versions: { name: string; typeId: string }[];
}

export interface CrdProblem { message: string; span: Span }

export interface CrdSchemas {
  kind?: CrdKindSchema;
  types: Map<string, TypeSpec>;
  problems: CrdProblem[];
}

/** More fields than this in one CRD (all versions): the rest are typed `any` (a megabyte-sized generated schema). */
export const MAX_CRD_FIELDS = 20_000;
/** Deeper nesting than this is typed `any` (a schema that nests without end). */
export const MAX_CRD_DEPTH = 40;

const isCrd = (apiVersion: string | undefined, kind: string | undefined) =>
  kind === 'CustomResourceDefinition' && (apiVersion === 'apiextensions.k8s.io/v1' || apiVersion === 'apiextensions.k8s.io/v1beta1');

/** Whether a document is a CustomResourceDefinition (by its header). */
export function isCrdDocument(root: ValueNode | undefined): boolean {
  return isCrd(scalarString(child(root, 'apiVersion')), scalarString(child(root, 'kind')));
}

/**
 * The schemas a CRD document defines; undefined when the document is not a CRD. `idPrefix` makes the type ids of
 * this reading unique (`ws3.`): a changed CRD gets new ids, so nothing cached for the old schema is reused.
 */
export function crdSchemas(root: ValueNode | undefined, idPrefix: string): CrdSchemas | undefined {
  if (root?.kind !== 'map' || !isCrdDocument(root)) return undefined;
  const types = new Map<string, TypeSpec>();
  const problems: CrdProblem[] = [];
  const spec = child(root, 'spec');
  const group = scalarString(child(spec, 'group'));
  const kind = scalarString(child(child(spec, 'names'), 'kind'));
  if (!group || !kind) {
    problems.push({ message: 'This CustomResourceDefinition has no spec.group or spec.names.kind: no schema can be made from it.', span: (spec ?? root).span });
    return { types, problems };
  }
  let fields = 0;
  let truncated = false;
  const versions: CrdKindSchema['versions'] = [];
  const legacySchema = child(child(spec, 'validation'), 'openAPIV3Schema');
  const versionNodes = listItems(child(spec, 'versions'));
  const declared = versionNodes.length ? versionNodes : [undefined];
  for (const versionNode of declared) {
    const name = versionNode ? scalarString(child(versionNode, 'name')) : scalarString(child(spec, 'version'));
    const served = child(versionNode, 'served');
    if (!name || (served?.kind === 'scalar' && served.value === false)) continue;
    const schema = child(child(versionNode, 'schema'), 'openAPIV3Schema') ?? legacySchema;
    const rootId = `${idPrefix}${safe(group)}.${safe(name)}.${safe(kind)}`;
    if (!schema) {
      problems.push({ message: `Version ${name} of ${kind} has no schema.openAPIV3Schema: its resources get no field docs or validation.`, span: (versionNode ?? spec ?? root).span });
      continue;
    }
    const versionName = name;
    const convert = (node: ValueNode, id: string, name: string, depth: number): TypeRef => {
      if (node.kind !== 'map') {
        problems.push({ message: `Not a schema (an object with type, properties, items, ...): ${kind} ${versionName} fields here are not checked.`, span: node.span });
        return 'any';
      }
      if (depth > MAX_CRD_DEPTH) return 'any';
      if (flag(node, 'x-kubernetes-int-or-string')) return 'int-or-string';
      const type = scalarString(child(node, 'type'));
      switch (type) {
        case 'string': return scalarString(child(node, 'format')) === 'date-time' ? 'time' : 'string';
        case 'integer': case 'number': return 'number';
        case 'boolean': return 'boolean';
        case 'array': {
          const items = child(node, 'items');
          return items ? `[]${convert(items, id, name, depth + 1)}` : '[]any';
        }
      }
      const properties = child(node, 'properties');
      if (properties && properties.kind !== 'map') {
        problems.push({ message: `properties must be a map of field names to schemas: ${kind} ${versionName} fields here are not checked.`, span: properties.span });
        return 'any';
      }
      const additional = child(node, 'additionalProperties');
      if (properties?.entries.length) {
        declare(node, properties, id, name, depth);
        return id;
      }
      if (additional?.kind === 'map') return `{}${convert(additional, id, name, depth + 1)}`;
      return type === 'object' && !flag(node, 'x-kubernetes-preserve-unknown-fields') ? 'object' : 'any';
    };
    const declare = (node: MapNode, properties: MapNode, id: string, name: string, depth: number) => {
      const required = new Set(listItems(child(node, 'required')).map((r) => scalarString(r) ?? ''));
      const specs = new Map<string, FieldSpec>();
      for (const entry of properties.entries) {
        if (++fields > MAX_CRD_FIELDS) { truncated = true; break; }
        const fieldId = `${id}.${safe(entry.key)}`;
        const fieldName = `${name}${entry.key.charAt(0).toUpperCase()}${entry.key.slice(1)}`;
        const fieldType = convert(entry.value, fieldId, fieldName, depth + 1);
        const values = enumOf(entry.value, fieldType);
        specs.set(entry.key, {
          type: fieldType, description: scalarString(child(entry.value, 'description')) ?? '', required: required.has(entry.key),
          readOnly: depth === 0 && entry.key === 'status', ...(values ? { enum: values } : {}),
        });
      }
      // Unchecked keys are allowed where the schema keeps unknown fields, or where we stopped reading it.
      const open = flag(node, 'x-kubernetes-preserve-unknown-fields') || child(node, 'additionalProperties') !== undefined || truncated;
      types.set(id, typeSpecOf(id, name, scalarString(child(node, 'description')) ?? '', specs, open));
    };
    const rootType = schema.kind === 'map' ? convert(schema, rootId, kind, 0) : 'any';
    if (schema.kind !== 'map') problems.push({ message: `openAPIV3Schema of ${kind} ${name} is not an object: its resources get no field docs or validation.`, span: schema.span });
    withHeader(types, rootType === rootId ? rootId : undefined, rootId, kind, schema);
    versions.push({ name, typeId: rootId });
  }
  if (truncated) problems.push({ message: `The schema of ${kind} has more than ${MAX_CRD_FIELDS} fields: only the first ${MAX_CRD_FIELDS} are described and checked.`, span: spec!.span });
  return { kind: { group, kind, versions }, types, problems };
}

/** Every resource has apiVersion, kind and metadata, whether or not the CRD's schema lists them. */
function withHeader(types: Map<string, TypeSpec>, declared: string | undefined, rootId: string, kind: string, schema: ValueNode): void {
  const existing = declared ? types.get(declared) : undefined;
  const specs = new Map<string, FieldSpec>();
  specs.set('apiVersion', { type: 'string', description: 'API group and version of the resource.', required: true, readOnly: false });
  specs.set('kind', { type: 'string', description: `The resource's kind: ${kind}.`, required: true, readOnly: false });
  specs.set('metadata', { type: 'meta.v1.ObjectMeta', description: "The object's name, namespace, labels and annotations.", required: false, readOnly: false });
  for (const name of existing?.fieldNames() ?? []) {
    const field = existing!.field(name)!;
    // A CRD's own `metadata` schema is at most a few name rules: ObjectMeta describes it better.
    if (name === 'metadata') continue;
    specs.set(name, specs.has(name) ? { ...specs.get(name)!, description: field.description || specs.get(name)!.description } : field);
  }
  const open = existing ? existing.open ?? false : true;
  types.set(rootId, typeSpecOf(rootId, kind, existing?.description ?? scalarString(child(schema, 'description')) ?? '', specs, open));
}

function typeSpecOf(id: string, name: string, description: string, fields: Map<string, FieldSpec>, open: boolean): TypeSpec {
  return { id, name, description, custom: true, open, field: (n) => fields.get(n), fieldNames: () => [...fields.keys()] };
}

function flag(node: MapNode, key: string): boolean {
  const value = child(node, key);
  return value?.kind === 'scalar' && value.value === true;
}

function enumOf(node: ValueNode, type: TypeRef): string[] | undefined {
  if (type !== 'string' || node.kind !== 'map') return undefined;
  const values = listItems(child(node, 'enum')).map((v) => (v.kind === 'scalar' && v.value !== null ? String(v.value) : undefined));
  return values.length && values.every((v) => v !== undefined) ? values as string[] : undefined;
}

/** A name usable inside a type id (ids are dotted words: see objectTypeId). */
function safe(name: string): string {
  return name.replace(/[^\w-]/g, '_') || '_';
}
