import { containersOf } from '../model/podSpecs';
import { child, listItems, scalarString } from '../model/tree';
import { defineRule } from './rule';
import { containerSubject } from './support/workloads';

/** Names that suggest a credential; names that point at one (a file, a URL, an id) are not. */
const SECRET_NAME = /(secret|passw(or)?d|pwd|token|api[-_]?key|private[-_]?key|credential|access[-_]?key)/i;
const REFERENCE_NAME = /(_|-)(file|path|dir|url|uri|endpoint|name|id|header|type|kind|ref)$/i;

export const secretInEnvValue = defineRule({
  id: 'secret-in-env-value',
  target: 'object',
  title: 'Credential written into an environment variable',
  severity: 'warning',
  enabledByDefault: true,
  reports: 'presence',
  concept: 'secret',
  rationale:
    'A password or token written as an `env` value lives in plain text in the manifest, in Git history, in the object ' +
    'stored in etcd and in every `kubectl get -o yaml`. Secrets are access-controlled separately, can be encrypted at ' +
    'rest, and can be rotated without editing the workload.',
  remediation: 'Move the value into a Secret and reference it with `valueFrom.secretKeyRef` (or mount it as a file); rotate the exposed credential.',
  equivalents: { kubeLinter: ['env-var-secret'], polaris: ['sensitiveContainerEnvVar'], regula: ['FG_R00494'] },
  differences:
    'Names ending in _FILE, _PATH, _URL, _NAME and similar are taken as pointers to a credential, not the credential ' +
    'itself, and boolean-looking values as switches. Checkov\'s CKV_K8S_35 is a different idea (any Secret passed ' +
    'through an environment variable, even by reference), so it is not listed as an equivalent.',

  check(object) {
    return containersOf(object).flatMap((ref) => listItems(child(ref.container, 'env')).flatMap((item) => {
      const name = scalarString(child(item, 'name'));
      const valueNode = child(item, 'value');
      const value = scalarString(valueNode);
      if (!name || !value || valueNode?.kind !== 'scalar' || !SECRET_NAME.test(name) || REFERENCE_NAME.test(name)) return [];
      // References to other variables and on/off switches (MYSQL_ALLOW_EMPTY_PASSWORD: "yes") are not credentials.
      if (/^\$\(.*\)$/.test(value) || /^(true|false|yes|no|on|off|0|1)$/i.test(value.trim())) return [];
      return [{ message: `${containerSubject(ref)} sets ${name} to a literal value; credentials belong in a Secret.`, span: valueNode.span }];
    }));
  },
});
