import { at, listItems } from '../model/tree';
import { defineRule } from './rule';
import { objectAnchor } from './support/anchors';

export const ingressTlsMissing = defineRule({
  id: 'ingress-tls-missing',
  target: 'object',
  title: 'Ingress serves without TLS',
  severity: 'info',
  enabledByDefault: false,
  reports: 'absence',
  concept: 'tls-termination',
  rationale:
    'Without a `tls` section the Ingress controller serves the hosts over plain HTTP, so credentials and data cross the ' +
    'network readable and modifiable. Certificates are cheap to automate (cert-manager with ACME).',
  remediation: 'Add `spec.tls` with the hosts and a Secret holding the certificate, or let cert-manager create it from an annotation.',
  equivalents: { polaris: ['tlsSettingsMissing'] },
  differences: 'Off by default: TLS is often terminated in front of the cluster (a cloud load balancer or CDN).',

  check(object) {
    if (object.kind !== 'Ingress') return [];
    const tls = at(object.root, 'spec', 'tls');
    if (tls?.kind === 'unknown' || listItems(tls).length > 0) return [];
    return [{ message: `${object.address} has no tls section, so its hosts are served over plain HTTP.`, span: objectAnchor(object) }];
  },
});
