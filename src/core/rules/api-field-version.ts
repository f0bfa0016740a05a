import type { MapNode, ValueNode } from '../model/tree';
import { objectTypeId, type TypeRef } from '../schema/apiTypes';
import { resolveKind, typeSpec } from '../schema/catalog';
import { fieldSince, isMissingIn, kindSince, neededRelease } from '../schema/fieldHistory';
import { defineRule, type FindingDraft } from './rule';

/**
 * Fields and apiVersions newer than the target release. The schema is the newest API's, so it accepts them; this rule
 * says, once per field, which release they need. Only fields added within the releases the shipped data compares are
 * known (see src/core/schema/fieldHistory.ts), and a target inside an uncertain range is not reported.
 */
export const apiFieldVersion = defineRule({
  id: 'api-field-version',
  target: 'object',
  title: 'Field or apiVersion is newer than the target Kubernetes version',
  severity: 'warning',
  enabledByDefault: true,
  reports: 'presence',
  concept: 'deprecated-api-versions',
  rationale:
    'An API server only knows the fields of its own release. An older one rejects a newer field (kubectl validates ' +
    'fields strictly) or drops it silently, so the setting the manifest asks for never takes effect there.',
  remediation: 'Raise the target (`kubernetesVersion` in `.cnc.yaml`, `cnc.kubernetesVersion`, `--kubernetes-version`) if the clusters run a newer release, or leave the field out for older clusters.',
  equivalents: {},
  differences: 'Other linters validate against one Kubernetes release\'s schema and report a newer field as unknown; here the schema is the newest release\'s and this rule names the release a field needs.',
  check(object, context) {
    const target = context.kubernetesVersion;
    const info = resolveKind(object.apiVersion, object.kind);
    if (!info || info.source !== 'kubernetes') return [];
    const findings: FindingDraft[] = [];
    const kindAdded = info.exactVersion ? kindSince(info.apiVersion, info.kind) : undefined;
    if (kindAdded && isMissingIn(target, kindAdded)) {
      const node = object.root.entries.find((e) => e.key === 'apiVersion');
      findings.push({ message: `${info.kind} ${info.apiVersion} needs ${neededRelease(kindAdded)}; your target is ${target}.`, span: node?.keySpan ?? object.root.span });
      return findings;
    }
    walk(object.root, info.typeId, (key, typeId, keySpan) => {
      const added = fieldSince(typeId, key);
      if (!added || !isMissingIn(target, added)) return true;
      findings.push({ message: `\`${key}\` needs ${neededRelease(added)}; your target is ${target}.`, span: keySpan });
      return false;
    });
    return findings;
  },
});

/** Visits every key the API knows, with its owning type; `visit` returns false to skip what is below the key. */
function walk(node: MapNode, typeId: string, visit: (key: string, typeId: string, keySpan: MapNode['entries'][number]['keySpan']) => boolean): void {
  const type = typeSpec(typeId);
  if (!type) return;
  for (const entry of node.entries) {
    const field = type.field(entry.key);
    if (!field || !visit(entry.key, typeId, entry.keySpan)) continue;
    descend(entry.value, field.type, visit);
  }
}

function descend(value: ValueNode, type: TypeRef, visit: Parameters<typeof walk>[2]): void {
  if (type.startsWith('[]')) {
    if (value.kind === 'list') for (const item of value.items) descend(item, type.slice(2), visit);
    return;
  }
  if (type.startsWith('{}')) {
    if (value.kind === 'map') for (const e of value.entries) descend(e.value, type.slice(2), visit);
    return;
  }
  const id = objectTypeId(type.replace(/\|boolean$/, ''));
  if (id && value.kind === 'map') walk(value, id, visit);
}
