import type { MapNode } from '../../model/tree';
import { defineRule, type FindingDraft } from '../rule';

/** Provider arguments that hold a secret (AWS keys, tokens, passwords, client secrets and private keys). */
const SECRET_ARGUMENTS = new Set([
  'access_key', 'secret_key', 'token', 'password', 'client_secret', 'client_key', 'client_certificate_password',
  'api_key', 'app_key', 'api_token', 'private_key', 'secret_id',
]);

/** Google's `credentials` takes a file path or the key file's JSON; only the JSON is a secret. */
const isSecretValue = (name: string, value: string) => (name === 'credentials' ? value.trim().startsWith('{') : value.trim() !== '');

/** A literal credential in a `provider` block (or in its nested blocks, such as helm's `kubernetes {}`). */
export const providerCredentialsHardcoded = defineRule<HardcodedCredential>({
  id: 'provider-credentials-hardcoded',
  target: 'terraform-block',
  title: 'Credentials written into a provider block',
  severity: 'error',
  enabledByDefault: true,
  reports: 'presence',
  concept: 'terraform-providers',
  rationale:
    'A key, token or password written into a provider block is committed with the code: everyone who can read the ' +
    'repository, its history, forks and CI logs can use it, and rotating it means rewriting history.',
  remediation:
    'Remove the argument and let the provider read its standard environment variables or credential files ' +
    '(`AWS_ACCESS_KEY_ID`/`AWS_PROFILE`, `GOOGLE_APPLICATION_CREDENTIALS`, `ARM_CLIENT_SECRET`, a kubeconfig), or ' +
    'pass it through a variable marked `sensitive = true` from a secret store.',
  equivalents: { checkov: ['CKV_AWS_41'] },
  differences: 'Checkov’s CKV_AWS_41 covers the AWS provider; this rule covers the secret arguments of any provider.',
  check(block) {
    if (block.blockType !== 'provider') return [];
    const findings: FindingDraft<HardcodedCredential>[] = [];
    const visit = (map: MapNode) => {
      for (const entry of map.entries) {
        if (entry.value.kind === 'list') {
          for (const item of entry.value.items) if (item.kind === 'map') visit(item);
          continue;
        }
        if (entry.value.kind !== 'scalar' || typeof entry.value.value !== 'string') continue;
        if (!SECRET_ARGUMENTS.has(entry.key) && entry.key !== 'credentials') continue;
        if (!isSecretValue(entry.key, entry.value.value)) continue;
        findings.push({
          message: `Provider "${block.type}" has its ${entry.key.replace(/_/g, ' ')} written in the code; anyone with the repository can use it.`,
          span: entry.value.span, data: { map, key: entry.key },
        });
      }
    };
    visit(block.body);
    return findings;
  },

  fix(finding, context) {
    const map = finding.data?.map;
    const key = finding.data?.key;
    if (!map || !key) return [];
    const edits = context.editor.deleteKey(map, key);
    return edits.length ? [{ title: `Remove the hard-coded ${key} (let the provider read it from its environment)`, isPreferred: false, edits }] : [];
  },
});

/** The map holding the credential, and its key. */
type HardcodedCredential = { map: MapNode; key: string };
