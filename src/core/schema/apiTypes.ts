/**
 * The shape of API type information, shared by the generated built-in data (dist/kubernetes/fields.json) and the
 * custom resources we document ourselves.
 *
 * A type expression (`TypeRef`) is one of: `string`, `number`, `boolean`, `int-or-string`, `quantity`, `time`,
 * `any`, `object` (free-form map), `=literal`, `[]<TypeRef>` (list), `{}<TypeRef>` (map with string keys),
 * `X|boolean`, or a type id such as `core.v1.Container`.
 */
export type TypeRef = string;

export interface FieldSpec {
  type: TypeRef;
  description: string;
  required: boolean;
  /** Set by the system (status and the like); users normally do not write it. */
  readOnly: boolean;
  /** The only values the API accepts, when it restricts them. */
  enum?: readonly string[];
}

export interface TypeSpec {
  /** Qualified id: `apps.v1.DeploymentSpec`, `cr.argoproj.io.ApplicationSpec`. */
  id: string;
  /** The API's type name: `DeploymentSpec`. */
  name: string;
  description: string;
  field(name: string): FieldSpec | undefined;
  fieldNames(): string[];
  /** Documented by us rather than generated from the Kubernetes API (custom resources). */
  custom: boolean;
  /** Custom types only: whether keys we do not document are still valid (we describe only the main fields). */
  open?: boolean;
}

/** `apps/v1` → `apps`; `v1` → `` (the core group). */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** Groups served by Kubernetes itself: the core group, un-dotted groups (`apps`) and `*.k8s.io`. */
export function isBuiltInGroup(group: string): boolean {
  return group === '' || !group.includes('.') || group.endsWith('.k8s.io');
}

/** Human form of a type expression: `[]Container`, `map[string]string`, `integer or string`. */
export function typeLabel(type: TypeRef, nameOf: (id: string) => string | undefined): string {
  if (type.startsWith('[]')) return `[]${typeLabel(type.slice(2), nameOf)}`;
  if (type.startsWith('{}')) return `map[string]${typeLabel(type.slice(2), nameOf)}`;
  if (type.startsWith('=')) return `string ("${type.slice(1)}")`;
  if (type.endsWith('|boolean')) return `${typeLabel(type.slice(0, -'|boolean'.length), nameOf)} or boolean`;
  switch (type) {
    case 'int-or-string': return 'integer or string';
    case 'quantity': return 'quantity (e.g. 500m, 1.5, 256Mi)';
    case 'time': return 'time (RFC 3339 string)';
    case 'object': return 'object (free-form)';
    case 'string': case 'number': case 'boolean': case 'any': return type;
  }
  return nameOf(type) ?? type;
}

/** The type id a type expression names, if it names an object type (not a scalar, list or map). */
export function objectTypeId(type: TypeRef): string | undefined {
  return /^[a-z][\w-]*(\.[\w-]+)+$/i.test(type) && !type.startsWith('=') ? type : undefined;
}
