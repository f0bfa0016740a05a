import { child, type MapNode, type ScalarNode, type ValueNode } from '../../model/tree';
import { booleanOf } from '../support/values';
import { defineRule, type FindingDraft } from '../rule';
import { isResourceOf, literalString, nestedBlocks } from './terraformValues';

/** Canned ACLs that grant access beyond the bucket owner's account. */
const PUBLIC_ACLS: Record<string, string> = {
  'public-read': 'lets anyone on the internet list and read objects',
  'public-read-write': 'lets anyone on the internet read, write and delete objects',
  'authenticated-read': 'lets every AWS account in the world (not just yours) read objects',
};
const PUBLIC_GRANTEES = /acs\.amazonaws\.com\/groups\/global\/(AllUsers|AuthenticatedUsers)/;
const BLOCK_FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];

/** A public canned ACL or grant on an S3 bucket, or a public access block that switches a protection off. */
export const s3BucketPublic = defineRule<PublicSetting>({
  id: 's3-bucket-public',
  target: 'terraform-block',
  title: 'S3 bucket is made public',
  severity: 'error',
  enabledByDefault: true,
  reports: 'presence',
  concept: 'object-storage-public-access',
  rationale:
    'Public buckets are the most common cloud data leak: a public ACL or grant exposes every object, including the ' +
    'ones added later by someone who never saw this line. S3 blocks public access by default on new buckets; code ' +
    'that asks for public access, or switches a Block Public Access setting off, is a deliberate exception worth ' +
    'a second look.',
  remediation:
    'Keep the bucket private (`acl = "private"`, or no ACL with ACLs disabled through object ownership) and leave all ' +
    'four Block Public Access settings `true`. Serve public content through CloudFront with an origin access control.',
  equivalents: { checkov: ['CKV_AWS_20', 'CKV_AWS_57', 'CKV_AWS_53', 'CKV_AWS_54', 'CKV_AWS_55', 'CKV_AWS_56'] },
  differences:
    'Checkov’s CKV_AWS_53–56 also fail a public access block that leaves a setting out; we report only settings ' +
    'written as `false`, since AWS applies Block Public Access by default to new buckets.',
  check(block) {
    const findings: FindingDraft<PublicSetting>[] = [];
    if (isResourceOf(block, ['aws_s3_bucket', 'aws_s3_bucket_acl'])) {
      const acl = child(block.body, 'acl');
      const value = literalString(acl);
      if (value && PUBLIC_ACLS[value] && acl?.kind === 'scalar') {
        findings.push({ message: `${block.address} uses the "${value}" ACL, which ${PUBLIC_ACLS[value]}.`, span: acl.span, data: { node: acl, replacement: 'private' } });
      }
      for (const uri of publicGrantees(block.body)) {
        findings.push({ message: `${block.address} grants access to the ${/AllUsers/.test(String(uri.value)) ? 'whole internet (AllUsers)' : 'every AWS account (AuthenticatedUsers)'}.`, span: uri.span });
      }
    }
    if (isResourceOf(block, ['aws_s3_bucket_public_access_block', 'aws_s3_account_public_access_block'])) {
      for (const flag of BLOCK_FLAGS) {
        const node = child(block.body, flag);
        if (booleanOf(node) !== false || node?.kind !== 'scalar') continue;
        findings.push({ message: `${block.address} turns ${flag.replace(/_/g, ' ')} off, so public ACLs or policies can expose the bucket.`, span: node.span, data: { node, replacement: true } });
      }
    }
    return findings;
  },

  fix(finding, context) {
    const node = finding.data?.node;
    const replacement = finding.data?.replacement;
    if (!node || replacement === undefined) return [];
    return [{ title: `Set ${JSON.stringify(replacement)} (keep the bucket private)`, isPreferred: true, edits: context.editor.setScalar(node, replacement) }];
  },
});

/** `grant { uri = ".../AllUsers" }` (aws_s3_bucket) or `access_control_policy { grant { grantee { uri } } }`. */
function publicGrantees(body: MapNode): ScalarNode[] {
  const found: ScalarNode[] = [];
  const visit = (node: ValueNode | undefined, depth: number) => {
    if (!node || depth > 6) return;
    if (node.kind === 'list') { for (const item of node.items) visit(item, depth + 1); return; }
    if (node.kind !== 'map') return;
    const uri = child(node, 'uri');
    if (uri?.kind === 'scalar' && PUBLIC_GRANTEES.test(String(uri.value))) found.push(uri);
    for (const name of ['grant', 'grantee', 'access_control_policy']) for (const nested of nestedBlocks(node, name).blocks) visit(nested, depth + 1);
  };
  visit(body, 0);
  return found;
}

/** The value the fix replaces, and what with. */
type PublicSetting = { node: ScalarNode; replacement: string | boolean };
