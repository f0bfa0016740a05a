import type { Finding, ParsedFile, Rule, RuleContext, Severity } from '../rules/rule';
import type { ParsedTerraformFile } from './parseTerraform';
import type { TerraformBlock } from './terraformBlocks';

/**
 * Runs a Terraform-only rule (one with `checkTerraform`) over every top-level block of a Terraform file, in the
 * same pass as the object rules; a rule that throws is reported on the block, never fatal.
 */
export function terraformFindings(rule: Rule, file: ParsedFile, context: RuleContext, severity: Severity = rule.severity): Finding[] {
  if (!rule.checkTerraform || file.language !== 'terraform') return [];
  const findings: Finding[] = [];
  for (const block of (file as ParsedTerraformFile).blocks) {
    let drafts;
    try {
      drafts = rule.checkTerraform(block, context);
    } catch (error) {
      drafts = [{ message: `Rule ${rule.id} failed on this block: ${(error as Error).message}`, span: block.syntax.span }];
    }
    for (const draft of drafts) findings.push({ ...draft, ruleId: rule.id, severity, object: blockSummary(block) });
  }
  return findings;
}

/** What a finding says about the block it is on: the Terraform address, and the resource type as its kind. */
export function blockSummary(block: TerraformBlock): Finding['object'] {
  return { address: block.address, kind: block.type ?? block.blockType, name: block.name, language: 'terraform', documentIndex: block.index };
}
