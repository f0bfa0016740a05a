import type { HclBlock, HclLiteral, HclObject, HclTuple } from './hclModel';

/**
 * How a node of the language-neutral tree was written in HCL, kept in the node's `handle` so the HCL editor can
 * change exactly that text. Kubernetes-mode nodes also carry where they sit, because the provider's spelling of a
 * key (block or attribute, singular or plural) depends on it.
 */
export type HclEditContext =
  | { mode: 'terraform' }
  | { mode: 'kubernetes'; kind: string; /** HCL name of this block; undefined for the resource itself. */ block?: string };

export type HclHandle =
  | { hcl: 'block'; block: HclBlock; context: HclEditContext }
  | { hcl: 'object'; expression: HclObject; context: HclEditContext }
  | { hcl: 'blocks'; blocks: HclBlock[]; context: HclEditContext }
  | { hcl: 'tuple'; expression: HclTuple }
  | { hcl: 'literal'; expression: HclLiteral };

export function hclHandle(node: object | undefined): HclHandle | undefined {
  const handle = node && 'handle' in node ? (node.handle as HclHandle | undefined) : undefined;
  return handle && typeof handle === 'object' && 'hcl' in handle ? handle : undefined;
}
