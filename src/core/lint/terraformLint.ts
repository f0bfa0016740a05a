import type { Finding } from '../rules/rule';
import type { TerraformBlock } from '../terraform/terraformBlocks';

/** What a finding says about the block it is on: the Terraform address, and the resource type as its kind. */
export function blockSummary(block: TerraformBlock): Finding['object'] {
  return { address: block.address, kind: block.type ?? block.blockType, name: block.name, language: 'terraform', documentIndex: block.index };
}
