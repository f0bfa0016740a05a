/**
 * API versions that Kubernetes deprecated and then stopped serving, from the upstream deprecation guide
 * (https://kubernetes.io/docs/reference/using-api/deprecation-guide/). `deprecatedIn` is the release from which the
 * replacement was available and the old version was marked deprecated; `removedIn` the first release that no longer
 * serves it. `sameSchema` says whether changing only `apiVersion` gives a valid object.
 */
export interface ApiDeprecation {
  apiVersion: string;
  kinds: string[];
  deprecatedIn: string;
  removedIn: string;
  replacement?: string;
  sameSchema: boolean;
  /** What else must change when `sameSchema` is false. */
  migration?: string;
}

const WORKLOADS = 'apps/v1 requires `spec.selector`, and its defaults differ (e.g. revisionHistoryLimit)';

export const API_DEPRECATIONS: readonly ApiDeprecation[] = [
  { apiVersion: 'extensions/v1beta1', kinds: ['Deployment', 'DaemonSet', 'ReplicaSet'], deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1', sameSchema: false, migration: WORKLOADS },
  { apiVersion: 'apps/v1beta1', kinds: ['Deployment', 'StatefulSet', 'ControllerRevision'], deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1', sameSchema: false, migration: WORKLOADS },
  { apiVersion: 'apps/v1beta2', kinds: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ControllerRevision'], deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1', sameSchema: false, migration: WORKLOADS },
  { apiVersion: 'extensions/v1beta1', kinds: ['NetworkPolicy'], deprecatedIn: '1.9', removedIn: '1.16', replacement: 'networking.k8s.io/v1', sameSchema: true },
  { apiVersion: 'extensions/v1beta1', kinds: ['PodSecurityPolicy'], deprecatedIn: '1.10', removedIn: '1.16', replacement: 'policy/v1beta1', sameSchema: true },
  { apiVersion: 'extensions/v1beta1', kinds: ['Ingress'], deprecatedIn: '1.14', removedIn: '1.22', replacement: 'networking.k8s.io/v1', sameSchema: false, migration: 'backends become `service: { name, port: { number | name } }` and every path needs a `pathType`' },
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: ['Ingress'], deprecatedIn: '1.19', removedIn: '1.22', replacement: 'networking.k8s.io/v1', sameSchema: false, migration: 'backends become `service: { name, port: { number | name } }` and every path needs a `pathType`' },
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: ['IngressClass'], deprecatedIn: '1.19', removedIn: '1.22', replacement: 'networking.k8s.io/v1', sameSchema: true },
  { apiVersion: 'admissionregistration.k8s.io/v1beta1', kinds: ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], deprecatedIn: '1.16', removedIn: '1.22', replacement: 'admissionregistration.k8s.io/v1', sameSchema: false, migration: 'webhooks must set `sideEffects` and `admissionReviewVersions`' },
  { apiVersion: 'apiextensions.k8s.io/v1beta1', kinds: ['CustomResourceDefinition'], deprecatedIn: '1.16', removedIn: '1.22', replacement: 'apiextensions.k8s.io/v1', sameSchema: false, migration: 'every version needs a structural `schema.openAPIV3Schema`, and several fields moved under `versions`' },
  { apiVersion: 'apiregistration.k8s.io/v1beta1', kinds: ['APIService'], deprecatedIn: '1.19', removedIn: '1.22', replacement: 'apiregistration.k8s.io/v1', sameSchema: true },
  { apiVersion: 'authentication.k8s.io/v1beta1', kinds: ['TokenReview'], deprecatedIn: '1.19', removedIn: '1.22', replacement: 'authentication.k8s.io/v1', sameSchema: true },
  { apiVersion: 'authorization.k8s.io/v1beta1', kinds: ['SubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectAccessReview'], deprecatedIn: '1.19', removedIn: '1.22', replacement: 'authorization.k8s.io/v1', sameSchema: false, migration: '`spec.group` is renamed `spec.groups`' },
  { apiVersion: 'certificates.k8s.io/v1beta1', kinds: ['CertificateSigningRequest'], deprecatedIn: '1.19', removedIn: '1.22', replacement: 'certificates.k8s.io/v1', sameSchema: false, migration: '`spec.signerName` becomes required' },
  { apiVersion: 'coordination.k8s.io/v1beta1', kinds: ['Lease'], deprecatedIn: '1.14', removedIn: '1.22', replacement: 'coordination.k8s.io/v1', sameSchema: true },
  { apiVersion: 'rbac.authorization.k8s.io/v1beta1', kinds: ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], deprecatedIn: '1.17', removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1', sameSchema: true },
  { apiVersion: 'scheduling.k8s.io/v1beta1', kinds: ['PriorityClass'], deprecatedIn: '1.14', removedIn: '1.22', replacement: 'scheduling.k8s.io/v1', sameSchema: true },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'], deprecatedIn: '1.19', removedIn: '1.22', replacement: 'storage.k8s.io/v1', sameSchema: true },
  { apiVersion: 'batch/v1beta1', kinds: ['CronJob'], deprecatedIn: '1.21', removedIn: '1.25', replacement: 'batch/v1', sameSchema: true },
  { apiVersion: 'discovery.k8s.io/v1beta1', kinds: ['EndpointSlice'], deprecatedIn: '1.21', removedIn: '1.25', replacement: 'discovery.k8s.io/v1', sameSchema: false, migration: '`topology` is replaced by `nodeName` and `zone` on each endpoint' },
  { apiVersion: 'events.k8s.io/v1beta1', kinds: ['Event'], deprecatedIn: '1.19', removedIn: '1.25', replacement: 'events.k8s.io/v1', sameSchema: false, migration: '`involvedObject` is renamed `regarding`, `type` is limited to Normal or Warning, and more fields are required' },
  { apiVersion: 'autoscaling/v2beta1', kinds: ['HorizontalPodAutoscaler'], deprecatedIn: '1.22', removedIn: '1.25', replacement: 'autoscaling/v2', sameSchema: false, migration: 'metric targets move into `target: { type, averageUtilization | averageValue | value }`' },
  { apiVersion: 'policy/v1beta1', kinds: ['PodDisruptionBudget'], deprecatedIn: '1.21', removedIn: '1.25', replacement: 'policy/v1', sameSchema: true },
  { apiVersion: 'policy/v1beta1', kinds: ['PodSecurityPolicy'], deprecatedIn: '1.21', removedIn: '1.25', sameSchema: false, migration: 'PodSecurityPolicy has no successor API; use Pod Security Admission namespace labels or a policy engine' },
  { apiVersion: 'node.k8s.io/v1beta1', kinds: ['RuntimeClass'], deprecatedIn: '1.20', removedIn: '1.25', replacement: 'node.k8s.io/v1', sameSchema: true },
  { apiVersion: 'autoscaling/v2beta2', kinds: ['HorizontalPodAutoscaler'], deprecatedIn: '1.23', removedIn: '1.26', replacement: 'autoscaling/v2', sameSchema: true },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1', kinds: ['FlowSchema', 'PriorityLevelConfiguration'], deprecatedIn: '1.23', removedIn: '1.26', replacement: 'flowcontrol.apiserver.k8s.io/v1', sameSchema: false, migration: '`assuredConcurrencyShares` is renamed `nominalConcurrencyShares`' },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIStorageCapacity'], deprecatedIn: '1.24', removedIn: '1.27', replacement: 'storage.k8s.io/v1', sameSchema: true },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', kinds: ['FlowSchema', 'PriorityLevelConfiguration'], deprecatedIn: '1.26', removedIn: '1.29', replacement: 'flowcontrol.apiserver.k8s.io/v1', sameSchema: false, migration: '`assuredConcurrencyShares` is renamed `nominalConcurrencyShares`' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', kinds: ['FlowSchema', 'PriorityLevelConfiguration'], deprecatedIn: '1.29', removedIn: '1.32', replacement: 'flowcontrol.apiserver.k8s.io/v1', sameSchema: true },
];

export function deprecationOf(apiVersion: string | undefined, kind: string | undefined): ApiDeprecation | undefined {
  if (!apiVersion || !kind) return undefined;
  return API_DEPRECATIONS.find((d) => d.apiVersion === apiVersion && d.kinds.includes(kind));
}
