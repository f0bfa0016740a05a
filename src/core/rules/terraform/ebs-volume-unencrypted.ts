import { child, type MapNode } from '../../model/tree';
import { booleanOf, field } from '../support/values';
import { defineRule, type FindingDraft, type ParsedFile } from '../rule';
import { blockHeader, isResourceOf, keySpan, nestedBlocks, terraformBlocksOf } from './terraformValues';

/** EBS volumes (and instance block devices) created without encryption, when the file does not turn it on account-wide. */
export const ebsVolumeUnencrypted = defineRule<UnencryptedDevice>({
  id: 'ebs-volume-unencrypted',
  target: 'terraform-block',
  title: 'EBS volume is not encrypted',
  severity: 'warning',
  enabledByDefault: true,
  reports: 'absence',
  concept: 'encryption-at-rest',
  rationale:
    'An unencrypted EBS volume keeps its data, and every snapshot taken from it, readable by anyone who gets access ' +
    'to the snapshot or the disk. Encryption uses KMS, costs nothing extra and has no noticeable performance impact; ' +
    'it is off unless the volume or the account (EBS encryption by default, per region) turns it on.',
  remediation:
    'Set `encrypted = true` (optionally with `kms_key_id`), or turn on `aws_ebs_encryption_by_default`. Changing an ' +
    'existing volume makes Terraform replace it: copy the data through an encrypted snapshot first.',
  equivalents: { checkov: ['CKV_AWS_3', 'CKV_AWS_8'] },
  check(block, context) {
    if (encryptedByDefault(context.file)) return [];
    const findings: FindingDraft<UnencryptedDevice>[] = [];
    const check = (device: MapNode, what: string, fallback = blockHeader(block)) => {
      const encrypted = field(device, 'encrypted');
      if (encrypted.state === 'unknown') return;
      if (encrypted.state === 'present' && booleanOf(encrypted.node) !== false) return;
      // A volume restored from a snapshot inherits the snapshot's encryption, which the file cannot show.
      if (child(device, 'snapshot_id') !== undefined) return;
      findings.push({
        message: `${what} of ${block.address} is not encrypted${encrypted.state === 'missing' ? ' (encrypted is not set)' : ''}.`,
        span: encrypted.state === 'present' ? encrypted.node.span : keySpan(device, 'encrypted', fallback), data: { device },
      });
    };
    if (isResourceOf(block, ['aws_ebs_volume'])) check(block.body, 'The volume');
    if (isResourceOf(block, ['aws_instance', 'aws_launch_configuration'])) {
      for (const name of ['root_block_device', 'ebs_block_device']) {
        for (const device of nestedBlocks(block.body, name).blocks) check(device, `The ${name.replace(/_/g, ' ')}`, keySpan(block.body, name, blockHeader(block)));
      }
    }
    return findings;
  },

  fix(finding, context) {
    const device = finding.data?.device;
    if (!device) return [];
    return [{
      title: 'Set encrypted = true (Terraform replaces an existing volume)',
      isPreferred: false,
      edits: context.editor.setIn(device, ['encrypted'], true),
    }];
  },
});

function encryptedByDefault(file: ParsedFile): boolean {
  return terraformBlocksOf(file).some((b) => isResourceOf(b, ['aws_ebs_encryption_by_default']) && booleanOf(child(b.body, 'enabled')) !== false);
}

/** The block device the fix encrypts. */
type UnencryptedDevice = { device: MapNode };
