import { child, type MapNode } from '../../model/tree';
import { booleanOf, field } from '../support/values';
import { defineRule } from '../rule';
import { blockHeader, isResourceOf, literalString } from './terraformValues';

/** RDS instances and clusters whose storage is not encrypted (the API's default). */
export const rdsStorageUnencrypted = defineRule<{ body: MapNode }>({
  id: 'rds-storage-unencrypted',
  target: 'terraform-block',
  title: 'RDS storage is not encrypted',
  severity: 'warning',
  enabledByDefault: true,
  reports: 'absence',
  concept: 'encryption-at-rest',
  rationale:
    'RDS leaves `storage_encrypted` false unless asked, and encryption can only be chosen when the database is ' +
    'created. Unencrypted storage also means unencrypted automated backups, snapshots and read replicas.',
  remediation:
    'Set `storage_encrypted = true` (and `kms_key_id` for a customer-managed key) on new databases. An existing one ' +
    'is replaced by this change: restore an encrypted copy of a snapshot instead and switch over.',
  equivalents: { checkov: ['CKV_AWS_16', 'CKV_AWS_96'] },
  check(block) {
    if (!isResourceOf(block, ['aws_db_instance', 'aws_rds_cluster'])) return [];
    // Replicas and restores take their encryption from the source; Aurora Serverless v1 is always encrypted.
    if (['replicate_source_db', 'snapshot_identifier', 'replication_source_identifier'].some((k) => child(block.body, k) !== undefined)) return [];
    if (literalString(child(block.body, 'engine_mode')) === 'serverless') return [];
    const encrypted = field(block.body, 'storage_encrypted');
    if (encrypted.state === 'unknown') return [];
    if (encrypted.state === 'present' && booleanOf(encrypted.node) !== false) return [];
    return [{
      message: `${block.address} stores its data unencrypted${encrypted.state === 'missing' ? ' (storage_encrypted defaults to false)' : ''}.`,
      span: encrypted.state === 'present' ? encrypted.node.span : blockHeader(block), data: { body: block.body },
    }];
  },

  fix(finding, context) {
    const body = finding.data?.body;
    if (!body) return [];
    return [{ title: 'Set storage_encrypted = true (Terraform replaces an existing database)', isPreferred: false, edits: context.editor.setIn(body, ['storage_encrypted'], true) }];
  },
});
