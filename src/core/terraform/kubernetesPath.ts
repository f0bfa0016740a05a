import type { HclStep } from './hclLocate';
import type { HclBody } from './hclModel';
import { MANIFEST_RESOURCE, NOT_OBJECT_FIELDS, blockKey, snakeToCamel } from './kubernetesSchema';

/**
 * The Kubernetes field path (`spec.template.spec.containers[0].resources.limits`) of a position inside a
 * `kubernetes_*` resource, from the HCL steps that lead to it (the first step is the resource block). Undefined for
 * Terraform's own arguments (`count`, `lifecycle`, a `dynamic` block's `for_each`) and for positions outside fields.
 */
export function kubernetesFieldPath(resourceType: string, kind: string, steps: readonly HclStep[]): (string | number)[] | undefined {
  const [resource, ...rest] = steps;
  if (resource?.kind !== 'block' || rest.length === 0) return undefined;
  if (resourceType === MANIFEST_RESOURCE) return manifestPath(rest);
  const path: (string | number)[] = [];
  let body: HclBody = resource.block.body;
  let parent: string | undefined;
  let atResource = true;
  let inDynamic = false;
  for (const step of rest) {
    if (step.kind === 'block') {
      const block = step.block;
      if (inDynamic) {
        // Inside `dynamic "x" { ... }` only `content { }` holds fields of x.
        if (block.type !== 'content') return undefined;
        inDynamic = false;
        body = block.body;
        if (step.on !== 'body') return path;
        continue;
      }
      const name = block.type === 'dynamic' ? block.labels[0]?.value : block.type;
      if (!name || (atResource && NOT_OBJECT_FIELDS.has(name))) return undefined;
      const target = blockKey(name, { kind, parent });
      path.push(target.key);
      if (target.list) path.push(indexAmongSiblings(body, block, target.key, { kind, parent }));
      if (block.type === 'dynamic') {
        if (step.on === 'label') return path;
        inDynamic = true;
      }
      parent = name;
      body = block.body;
      atResource = false;
      if (step.on !== 'body') return path;
    } else if (step.kind === 'attribute') {
      if (inDynamic || (atResource && NOT_OBJECT_FIELDS.has(step.attribute.name))) return undefined;
      path.push(snakeToCamel(step.attribute.name));
    } else if (step.kind === 'entry') {
      path.push(step.entry.key);
    } else {
      path.push(step.index);
    }
  }
  return path;
}

/** `kubernetes_manifest`: the position inside `manifest = { ... }`, whose keys are already the API's. */
function manifestPath(steps: readonly HclStep[]): (string | number)[] | undefined {
  const [first, ...rest] = steps;
  if (first?.kind !== 'attribute' || first.attribute.name !== 'manifest') return undefined;
  const path: (string | number)[] = [];
  for (const step of rest) {
    if (step.kind === 'entry') path.push(step.entry.key);
    else if (step.kind === 'item') path.push(step.index);
    else return undefined;
  }
  return path;
}

/** The list index of a repeated block: how many blocks of the same list come before it in its parent. */
function indexAmongSiblings(body: HclBody, block: { span: { start: number } }, key: string, context: { kind: string; parent?: string }): number {
  let index = 0;
  for (const item of body.items) {
    if (item === block || item.span.start >= block.span.start) break;
    if (item.kind !== 'block') continue;
    const name = item.type === 'dynamic' ? item.labels[0]?.value : item.type;
    if (name && blockKey(name, context).key === key) index++;
  }
  return index;
}
