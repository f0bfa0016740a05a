import { objectTypeId, type FieldSpec, type TypeRef, type TypeSpec } from './apiTypes';
import { builtInData } from './builtInData';
import { typeSpec } from './catalog';
import { customKinds, customTypeIds } from './customResources';

/** Definition validating one item of a `kind: List` against the schema of its own apiVersion/kind. */
export const LIST_DEFINITION = 'cnc.List';

type JsonSchema = Record<string, unknown>;

/**
 * Builds the draft-07 schema of every API type (built-in and the custom resources we document), one definition per
 * type id, without descriptions. Run at build time (scripts/gen-kubernetes-data.mjs writes it to dist/kubernetes/schema.json).
 * Unknown keys are errors in built-in types; our custom resource types describe only their main fields, so other keys
 * stay allowed there. Optional fields also accept null: the API server treats an explicit null as "not set", and
 * generated manifests carry `creationTimestamp: null`.
 * @public scripts/gen-kubernetes-data.mjs imports it through an esbuild bundle knip cannot follow.
 */
export function buildKubernetesJsonSchema(): JsonSchema {
  const definitions: Record<string, JsonSchema> = {};
  for (const id of [...builtInData().typeIds(), ...customTypeIds()]) {
    const type = typeSpec(id);
    if (type) definitions[id] = definitionOf(type);
  }
  definitions[LIST_DEFINITION] = listDefinition();
  return { $schema: 'http://json-schema.org/draft-07/schema#', definitions };
}

/** Adds the field descriptions to a schema built by buildKubernetesJsonSchema (completion shows them). */
export function withDescriptions(schema: JsonSchema): JsonSchema & { definitions: Record<string, JsonSchema> } {
  const definitions = (schema.definitions ?? {}) as Record<string, { properties?: Record<string, JsonSchema>; description?: string }>;
  for (const [id, definition] of Object.entries(definitions)) {
    const type = typeSpec(id);
    if (!type) continue;
    if (type.description) definition.description = type.description;
    for (const [name, property] of Object.entries(definition.properties ?? {})) {
      const description = type.field(name)?.description;
      if (description) property.description = description;
    }
  }
  return schema as JsonSchema & { definitions: Record<string, JsonSchema> };
}

/**
 * The definition of a type that schema.json does not carry (the bundled CRD catalog, the workspace's CRDs), built
 * when first validated against, with its descriptions (completion shows them).
 */
export function definitionWithDescriptions(id: string): JsonSchema | undefined {
  const type = typeSpec(id);
  if (!type) return undefined;
  return withDescriptions({ definitions: { [id]: definitionOf(type) } }).definitions[id];
}

function definitionOf(type: TypeSpec): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const name of type.fieldNames()) {
    const field = type.field(name)!;
    properties[name] = field.required ? fieldSchema(field) : nullable(fieldSchema(field));
    if (field.required) required.push(name);
  }
  // An empty type (RawExtension) holds any embedded object; JSONSchemaProps (inside CRDs) is recursive and carries
  // `x-kubernetes-*` extensions we do not list, so only its known keys are checked.
  if (Object.keys(properties).length === 0) return { type: 'object' };
  const open = type.open || type.id === 'apiextensions.v1.JSONSchemaProps';
  return { type: 'object', properties, ...(required.length ? { required } : {}), ...(open ? {} : { additionalProperties: false }) };
}

function fieldSchema(field: FieldSpec): JsonSchema {
  if (field.enum && field.type.startsWith('[]')) return { type: 'array', items: { type: 'string', enum: field.enum } };
  if (field.enum && field.type === 'string') return { type: 'string', enum: field.enum };
  return schemaOf(field.type);
}

function schemaOf(type: TypeRef): JsonSchema {
  if (type.startsWith('[]')) return { type: 'array', items: schemaOf(type.slice(2)) };
  if (type.startsWith('{}')) return { type: 'object', additionalProperties: schemaOf(type.slice(2)) };
  if (type.startsWith('=')) return { type: 'string', enum: [type.slice(1)] };
  if (type.endsWith('|boolean')) return { anyOf: [{ type: 'boolean' }, schemaOf(type.slice(0, -'|boolean'.length))] };
  switch (type) {
    case 'string': case 'time': return { type: 'string' };
    case 'number': return { type: 'number' };
    case 'boolean': return { type: 'boolean' };
    case 'int-or-string': case 'quantity': return { type: ['string', 'number'] };
    case 'object': return { type: 'object' };
    case 'any': return {};
  }
  const id = objectTypeId(type);
  return id && typeSpec(id) ? { $ref: `#/definitions/${id}` } : {};
}

function nullable(schema: JsonSchema): JsonSchema {
  if (schema.$ref || schema.anyOf) return { anyOf: [schema, { type: 'null' }] };
  if (!schema.type) return schema;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return { ...schema, type: [...types, 'null'], ...(Array.isArray(schema.enum) ? { enum: [...schema.enum, null] } : {}) };
}

/** An item of a List: whatever its apiVersion/kind says, checked against that kind's definition. */
function listDefinition(): JsonSchema {
  const kinds = [
    ...builtInData().kinds(),
    ...customKinds().flatMap((k) => k.versions.map((v) => ({ apiVersion: `${k.group}/${v}`, kind: k.kind, typeId: k.typeId }))),
  ];
  return {
    type: 'object',
    properties: { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { $ref: '#/definitions/meta.v1.ListMeta' }, items: { type: 'array', items: {
      type: 'object',
      required: ['apiVersion', 'kind'],
      allOf: kinds.map((k) => ({
        if: { properties: { apiVersion: { const: k.apiVersion }, kind: { const: k.kind } }, required: ['apiVersion', 'kind'] },
        then: { $ref: `#/definitions/${k.typeId}` },
      })),
    } } },
  };
}
