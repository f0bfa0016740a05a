import { child, type MapNode, type ScalarNode, type Span, type ValueNode } from '../../model/tree';
import type { ParsedFile } from '../rule';
import type { ParsedTerraformFile } from '../../terraform/parseTerraform';
import type { TerraformBlock } from '../../terraform/terraformBlocks';

/**
 * Reading Terraform block bodies (HCL names; nested blocks as lists of maps, see `TerraformBlock.body`) the way
 * Terraform-only rules need: statically known values, or nothing when Terraform only knows them at plan time.
 */

/** Every top-level block of the file (none for YAML): what `terraform-block` rules check, and what rules that look across resources read. */
export function terraformBlocksOf(file: ParsedFile): TerraformBlock[] {
  return file.language === 'terraform' ? (file as ParsedTerraformFile).blocks : [];
}

export function isResourceOf(block: TerraformBlock, types: readonly string[]): boolean {
  return block.blockType === 'resource' && block.type !== undefined && types.includes(block.type);
}

/** The maps of a nested block written (possibly repeated) under `name`, and whether a `dynamic` one may add more. */
export function nestedBlocks(body: ValueNode | undefined, name: string): { blocks: MapNode[]; unknown: boolean } {
  const value = child(body, name);
  if (value === undefined) return { blocks: [], unknown: false };
  if (value.kind === 'unknown') return { blocks: [], unknown: true };
  const items = value.kind === 'list' ? value.items : [value];
  return { blocks: items.filter((i): i is MapNode => i.kind === 'map'), unknown: items.some((i) => i.kind !== 'map') };
}

/** A literal string (not a reference or template). */
export function literalString(node: ValueNode | undefined): string | undefined {
  return node?.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}

/** The literal strings of a list attribute, each with its node; items Terraform computes are left out. */
export function literalStrings(node: ValueNode | undefined): { value: string; node: ScalarNode }[] {
  if (node?.kind !== 'list') return [];
  return node.items.flatMap((item) => (item.kind === 'scalar' && typeof item.value === 'string' ? [{ value: item.value, node: item }] : []));
}

/** `resource "aws_s3_bucket" "logs"`: where a finding about something missing from the whole block points. */
export function blockHeader(block: TerraformBlock): Span {
  const last = block.syntax.labels.at(-1)?.span ?? block.syntax.typeSpan;
  return { start: block.syntax.typeSpan.start, end: last.end };
}

/** The span of a key in a body, or the fallback when it is not written. */
export function keySpan(body: ValueNode | undefined, key: string, fallback: Span): Span {
  return body?.kind === 'map' ? body.entries.find((e) => e.key === key)?.keySpan ?? fallback : fallback;
}

