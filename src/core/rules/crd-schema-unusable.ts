import { at, child } from '../model/tree';
import { crdSchemas, isCrdDocument } from '../schema/crdSchema';
import { workspaceCrdFiles } from '../schema/workspaceCrds';
import { defineRule } from './rule';
import { objectAnchor } from './support/anchors';

/**
 * A CustomResourceDefinition the editor turns into a schema for its kind (src/core/schema/crdSchema.ts): says where
 * that schema cannot be used (its resources then get no docs or checks there, never false errors), and when two
 * workspace files define the same kind (only one of them is used).
 */
export const crdSchemaUnusable = defineRule({
  id: 'crd-schema-unusable',
  target: 'object',
  title: 'CustomResourceDefinition schema cannot be used',
  severity: 'warning',
  enabledByDefault: true,
  reports: 'presence',
  concept: 'custom-resources',
  rationale:
    "The CRD's openAPIV3Schema is what the API server validates custom resources against, and what the editor uses for " +
    'their field docs, validation and completion. A part that is not a schema leaves those fields unchecked; two CRDs ' +
    'for one kind leave it open which schema the cluster really has.',
  equivalents: {},
  remediation: 'Fix the schema where the message points (each property is an object with `type`, `properties`, `items`, ...), or remove the duplicate CRD.',

  check(object) {
    if (!isCrdDocument(object.root)) return [];
    const read = crdSchemas(object.root, 'check.');
    const findings = [];
    const [first, ...others] = read?.problems ?? [];
    if (first) findings.push({ message: others.length ? `${first.message} (${others.length} more problem${others.length === 1 ? '' : 's'} in this schema.)` : first.message, span: first.span });
    const kind = read?.kind;
    const files = kind ? workspaceCrdFiles(kind.group, kind.kind) : [];
    if (kind && files.length > 1) {
      findings.push({
        message: `${kind.group}/${kind.kind} is defined by ${files.length} CustomResourceDefinitions in the workspace (${files.join(', ')}); the first is used for its resources. Keep one.`,
        span: (at(object.root, 'spec', 'names', 'kind') ?? child(object.root, 'kind'))?.span ?? objectAnchor(object),
      });
    }
    return findings;
  },
});
