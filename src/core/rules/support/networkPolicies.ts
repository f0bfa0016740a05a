import type { K8sObject } from '../../model/k8sObject';
import { child, listItems, scalarString } from '../../model/tree';
import { labelSelectorOf, type LabelSelector } from './selectors';

export interface PolicyCoverage { selector: LabelSelector; ingress: boolean; egress: boolean }

/** What a NetworkPolicy isolates; undefined when its selector cannot be known. `policyTypes` defaults as the API does. */
export function policyCoverage(policy: K8sObject): PolicyCoverage | undefined {
  const spec = child(policy.root, 'spec');
  const selector = labelSelectorOf(child(spec, 'podSelector'));
  if (!selector) return undefined;
  const written = child(spec, 'policyTypes');
  if (written?.kind === 'list') {
    const types = listItems(written).map((t) => scalarString(t));
    return { selector, ingress: types.includes('Ingress'), egress: types.includes('Egress') };
  }
  // Without policyTypes: Ingress always, Egress when the policy has egress rules.
  return { selector, ingress: true, egress: child(spec, 'egress') !== undefined };
}
