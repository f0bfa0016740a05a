import { child } from '../../model/tree';
import { defineRule, type FindingDraft } from '../rule';
import { nestedBlocks } from './terraformValues';

/** A `required_providers` entry with a source but no `version`: `init` takes the newest provider release. */
export const providerVersionNotConstrained = defineRule({
  id: 'provider-version-not-constrained',
  target: 'terraform-block',
  title: 'Provider has no version constraint',
  severity: 'warning',
  enabledByDefault: true,
  reports: 'absence',
  concept: 'terraform-providers',
  rationale:
    'Without a version constraint, `terraform init` installs the newest release of the provider. A major release can ' +
    'rename arguments or change defaults, so the same code plans differently from one day to the next. The lock file ' +
    'pins the exact build only once it exists and is committed.',
  remediation:
    'Give every entry in `required_providers` a `version`, usually a pessimistic constraint such as `"~> 5.0"`, and ' +
    'commit `.terraform.lock.hcl`.',
  equivalents: {},
  check(block) {
    if (block.blockType !== 'terraform') return [];
    const findings: FindingDraft[] = [];
    for (const requirements of nestedBlocks(block.body, 'required_providers').blocks) {
      for (const entry of requirements.entries) {
        // `aws = "~> 5.0"` (the old shorthand) is itself a version constraint.
        if (entry.value.kind !== 'map') continue;
        if (child(entry.value, 'version') !== undefined) continue;
        findings.push({
          message: `Provider "${entry.key}" has no version constraint; init installs whatever release is newest.`,
          span: entry.keySpan,
        });
      }
    }
    return findings;
  },
});
