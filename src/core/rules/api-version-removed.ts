import { apiVersionRule } from './support/apiVersionRules';

export const apiVersionRemoved = apiVersionRule('removed', {
  id: 'api-version-removed',
  title: 'apiVersion is no longer served by the target Kubernetes version',
  severity: 'error',
  enabledByDefault: true,
  reports: 'presence',
  concept: 'deprecated-api-versions',
  rationale:
    'Kubernetes removes beta API versions a few releases after their replacement is stable. From then on the API server ' +
    'rejects manifests that use them: `kubectl apply`, Helm and GitOps syncs fail until the manifest moves to the new version.',
  remediation: 'Change `apiVersion` to the replacement and adjust the fields that changed with it. The target version comes from `kubernetesVersion` in `.cnc.yaml` or `--kubernetes-version`.',
  equivalents: { kubeScore: ['stable-version'], kubeLinter: ['no-extensions-v1beta'], datree: ['K8S_DEPRECATED_APIVERSION_1.16', 'K8S_DEPRECATED_APIVERSION_1.17'] },
  differences:
    'Judged against a target Kubernetes version (1.30 unless configured) and the full upstream deprecation list, not only ' +
    'extensions/v1beta1. The quick fix is offered only where changing the apiVersion alone gives a valid object.',
});
