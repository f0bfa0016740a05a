import { apiVersionRule } from './support/apiVersionRules';

export const apiVersionDeprecated = apiVersionRule('deprecated', {
  id: 'api-version-deprecated',
  title: 'apiVersion is deprecated in the target Kubernetes version',
  severity: 'warning',
  enabledByDefault: true,
  reports: 'presence',
  concept: 'deprecated-api-versions',
  rationale:
    'A deprecated API version still works but has a removal date. Moving before the upgrade that removes it keeps the ' +
    'upgrade from breaking deployments at the worst moment.',
  remediation: 'Change `apiVersion` to the replacement now, while both versions are served.',
  equivalents: { kubeScore: ['stable-version'], datree: ['K8S_DEPRECATED_APIVERSION_1.16', 'K8S_DEPRECATED_APIVERSION_1.17'] },
  differences: 'Reported only when the target version lies between the deprecation and the removal.',
});
