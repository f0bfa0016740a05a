/**
 * How the Terraform Kubernetes provider spells Kubernetes objects: which resource type is which kind, and where its
 * HCL names differ from the API's (snake_case, singular repeated blocks, a few irregular capitalisations). Used in
 * both directions — reading `kubernetes_*` resources into the object model, and writing fixes back as HCL — so the
 * two can never disagree.
 */

export interface KubernetesKind { apiVersion: string; kind: string }

const kinds = (apiVersion: string, kind: string, ...types: string[]) => types.map((t) => [t, { apiVersion, kind }] as const);

/** Resource types of the provider that manage one whole object (patch resources such as `kubernetes_labels` are not). */
export const KUBERNETES_RESOURCE_KINDS: ReadonlyMap<string, KubernetesKind> = new Map([
  ...kinds('apps/v1', 'Deployment', 'kubernetes_deployment', 'kubernetes_deployment_v1'),
  ...kinds('apps/v1', 'StatefulSet', 'kubernetes_stateful_set', 'kubernetes_stateful_set_v1'),
  ...kinds('apps/v1', 'DaemonSet', 'kubernetes_daemonset', 'kubernetes_daemon_set_v1'),
  ...kinds('v1', 'ReplicationController', 'kubernetes_replication_controller', 'kubernetes_replication_controller_v1'),
  ...kinds('batch/v1', 'Job', 'kubernetes_job', 'kubernetes_job_v1'),
  // The unversioned resource still speaks batch/v1beta1, which Kubernetes 1.25 removed.
  ...kinds('batch/v1beta1', 'CronJob', 'kubernetes_cron_job'),
  ...kinds('batch/v1', 'CronJob', 'kubernetes_cron_job_v1'),
  ...kinds('v1', 'Pod', 'kubernetes_pod', 'kubernetes_pod_v1'),
  ...kinds('v1', 'Service', 'kubernetes_service', 'kubernetes_service_v1'),
  ...kinds('networking.k8s.io/v1beta1', 'Ingress', 'kubernetes_ingress'),
  ...kinds('networking.k8s.io/v1', 'Ingress', 'kubernetes_ingress_v1'),
  ...kinds('networking.k8s.io/v1', 'IngressClass', 'kubernetes_ingress_class', 'kubernetes_ingress_class_v1'),
  ...kinds('networking.k8s.io/v1', 'NetworkPolicy', 'kubernetes_network_policy', 'kubernetes_network_policy_v1'),
  ...kinds('v1', 'ConfigMap', 'kubernetes_config_map', 'kubernetes_config_map_v1'),
  ...kinds('v1', 'Secret', 'kubernetes_secret', 'kubernetes_secret_v1'),
  ...kinds('v1', 'Namespace', 'kubernetes_namespace', 'kubernetes_namespace_v1'),
  ...kinds('v1', 'ServiceAccount', 'kubernetes_service_account', 'kubernetes_service_account_v1'),
  ...kinds('v1', 'PersistentVolumeClaim', 'kubernetes_persistent_volume_claim', 'kubernetes_persistent_volume_claim_v1'),
  ...kinds('v1', 'PersistentVolume', 'kubernetes_persistent_volume', 'kubernetes_persistent_volume_v1'),
  ...kinds('v1', 'LimitRange', 'kubernetes_limit_range', 'kubernetes_limit_range_v1'),
  ...kinds('v1', 'ResourceQuota', 'kubernetes_resource_quota', 'kubernetes_resource_quota_v1'),
  ...kinds('v1', 'Endpoints', 'kubernetes_endpoints', 'kubernetes_endpoints_v1'),
  ...kinds('autoscaling/v1', 'HorizontalPodAutoscaler', 'kubernetes_horizontal_pod_autoscaler', 'kubernetes_horizontal_pod_autoscaler_v1'),
  ...kinds('autoscaling/v2', 'HorizontalPodAutoscaler', 'kubernetes_horizontal_pod_autoscaler_v2'),
  ...kinds('autoscaling/v2beta2', 'HorizontalPodAutoscaler', 'kubernetes_horizontal_pod_autoscaler_v2beta2'),
  ...kinds('policy/v1beta1', 'PodDisruptionBudget', 'kubernetes_pod_disruption_budget'),
  ...kinds('policy/v1', 'PodDisruptionBudget', 'kubernetes_pod_disruption_budget_v1'),
  ...kinds('policy/v1beta1', 'PodSecurityPolicy', 'kubernetes_pod_security_policy', 'kubernetes_pod_security_policy_v1beta1'),
  ...kinds('rbac.authorization.k8s.io/v1', 'Role', 'kubernetes_role', 'kubernetes_role_v1'),
  ...kinds('rbac.authorization.k8s.io/v1', 'RoleBinding', 'kubernetes_role_binding', 'kubernetes_role_binding_v1'),
  ...kinds('rbac.authorization.k8s.io/v1', 'ClusterRole', 'kubernetes_cluster_role', 'kubernetes_cluster_role_v1'),
  ...kinds('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'kubernetes_cluster_role_binding', 'kubernetes_cluster_role_binding_v1'),
  ...kinds('storage.k8s.io/v1', 'StorageClass', 'kubernetes_storage_class', 'kubernetes_storage_class_v1'),
  ...kinds('storage.k8s.io/v1', 'CSIDriver', 'kubernetes_csi_driver', 'kubernetes_csi_driver_v1'),
  ...kinds('scheduling.k8s.io/v1', 'PriorityClass', 'kubernetes_priority_class', 'kubernetes_priority_class_v1'),
  ...kinds('node.k8s.io/v1', 'RuntimeClass', 'kubernetes_runtime_class_v1'),
  ...kinds('certificates.k8s.io/v1', 'CertificateSigningRequest', 'kubernetes_certificate_signing_request_v1'),
  ...kinds('admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration', 'kubernetes_validating_webhook_configuration', 'kubernetes_validating_webhook_configuration_v1'),
  ...kinds('admissionregistration.k8s.io/v1', 'MutatingWebhookConfiguration', 'kubernetes_mutating_webhook_configuration', 'kubernetes_mutating_webhook_configuration_v1'),
  ...kinds('apiregistration.k8s.io/v1', 'APIService', 'kubernetes_api_service', 'kubernetes_api_service_v1'),
]);

/** The resource that carries a whole manifest (`manifest = { apiVersion = ..., kind = ... }`) in API spelling. */
export const MANIFEST_RESOURCE = 'kubernetes_manifest';

/** Top-level names of a resource body that belong to Terraform or the provider, not to the Kubernetes object. */
export const NOT_OBJECT_FIELDS: ReadonlySet<string> = new Set([
  'count', 'for_each', 'depends_on', 'lifecycle', 'provider', 'provisioner', 'connection', 'timeouts',
  'wait_for_rollout', 'wait_for_load_balancer', 'wait_for_completion', 'wait_for_service_account_token',
  'wait_for_default_service_account', 'wait', 'field_manager', 'computed_fields', 'manifest',
]);

/** Where a name sits, for the few names whose meaning depends on the enclosing block. */
export interface SchemaContext {
  kind: string;
  /** HCL name of the enclosing block; undefined at the top of the resource. */
  parent?: string;
}

interface ListBlock { hcl: string; k8s: string; when?: (context: SchemaContext) => boolean }

/** Repeated HCL blocks that are one list in the API (`container {}` blocks are `containers`). */
const LIST_BLOCKS: readonly ListBlock[] = [
  { hcl: 'container', k8s: 'containers' },
  { hcl: 'init_container', k8s: 'initContainers' },
  { hcl: 'ephemeral_container', k8s: 'ephemeralContainers' },
  { hcl: 'volume', k8s: 'volumes' },
  { hcl: 'volume_mount', k8s: 'volumeMounts' },
  { hcl: 'volume_device', k8s: 'volumeDevices' },
  // An Ingress backend's `service { port { number = 80 } }` is one object, every other `port` block a list item.
  { hcl: 'port', k8s: 'ports', when: (c) => c.parent !== 'service' },
  { hcl: 'ports', k8s: 'ports' },
  { hcl: 'env', k8s: 'env' },
  { hcl: 'env_from', k8s: 'envFrom' },
  { hcl: 'toleration', k8s: 'tolerations' },
  { hcl: 'host_aliases', k8s: 'hostAliases' },
  { hcl: 'image_pull_secrets', k8s: 'imagePullSecrets' },
  { hcl: 'image_pull_secret', k8s: 'imagePullSecrets' },
  { hcl: 'readiness_gate', k8s: 'readinessGates' },
  { hcl: 'topology_spread_constraint', k8s: 'topologySpreadConstraints' },
  { hcl: 'sysctl', k8s: 'sysctls' },
  { hcl: 'option', k8s: 'options' },
  { hcl: 'http_header', k8s: 'httpHeaders' },
  { hcl: 'match_expressions', k8s: 'matchExpressions' },
  { hcl: 'match_expression', k8s: 'matchExpressions' },
  { hcl: 'match_fields', k8s: 'matchFields' },
  { hcl: 'node_selector_term', k8s: 'nodeSelectorTerms' },
  { hcl: 'preferred_during_scheduling_ignored_during_execution', k8s: 'preferredDuringSchedulingIgnoredDuringExecution' },
  // Pod (anti-)affinity's required terms are a list; node affinity's is one NodeSelector object.
  { hcl: 'required_during_scheduling_ignored_during_execution', k8s: 'requiredDuringSchedulingIgnoredDuringExecution', when: (c) => c.parent !== 'node_affinity' },
  { hcl: 'volume_claim_template', k8s: 'volumeClaimTemplates' },
  { hcl: 'rule', k8s: 'rules' },
  { hcl: 'path', k8s: 'paths' },
  { hcl: 'tls', k8s: 'tls' },
  { hcl: 'ingress', k8s: 'ingress' },
  { hcl: 'egress', k8s: 'egress' },
  { hcl: 'from', k8s: 'from' },
  { hcl: 'to', k8s: 'to' },
  { hcl: 'metric', k8s: 'metrics' },
  { hcl: 'policy', k8s: 'policies' },
  { hcl: 'subject', k8s: 'subjects' },
  { hcl: 'items', k8s: 'items' },
  { hcl: 'sources', k8s: 'sources' },
  { hcl: 'limit', k8s: 'limits' },
  { hcl: 'cluster_role_selectors', k8s: 'clusterRoleSelectors' },
  { hcl: 'on_pod_condition', k8s: 'onPodConditions' },
  { hcl: 'webhook', k8s: 'webhooks' },
  { hcl: 'subset', k8s: 'subsets' },
  { hcl: 'address', k8s: 'addresses' },
  { hcl: 'not_ready_address', k8s: 'notReadyAddresses' },
  // A ServiceAccount's `secret {}` blocks are its `secrets`; inside a volume, `secret {}` is one volume source.
  { hcl: 'secret', k8s: 'secrets', when: (c) => c.kind === 'ServiceAccount' && c.parent === undefined },
];

/** Names whose API spelling is not the camelCase of the HCL name. */
const IRREGULAR: readonly (readonly [string, string])[] = [
  ['host_pid', 'hostPID'], ['host_ipc', 'hostIPC'], ['cluster_ip', 'clusterIP'], ['cluster_ips', 'clusterIPs'],
  ['external_ips', 'externalIPs'], ['load_balancer_ip', 'loadBalancerIP'], ['host_ip', 'hostIP'],
  ['non_resource_urls', 'nonResourceURLs'], ['timezone', 'timeZone'], ['client_ip', 'clientIP'],
  ['target_wwns', 'targetWWNs'], ['scale_io', 'scaleIO'], ['storage_os', 'storageos'], ['pod_ip', 'podIP'],
];
const IRREGULAR_TO_K8S = new Map(IRREGULAR);
const IRREGULAR_TO_HCL = new Map(IRREGULAR.map(([h, k]) => [k, h] as const));

export function snakeToCamel(name: string): string {
  return IRREGULAR_TO_K8S.get(name) ?? name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

export function camelToSnake(name: string): string {
  return IRREGULAR_TO_HCL.get(name) ?? name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z])([A-Z][a-z])/g, '$1_$2').toLowerCase();
}

/** The API key an HCL block name maps to, and whether repeated blocks of it form a list. */
export function blockKey(hcl: string, context: SchemaContext): { key: string; list: boolean } {
  const list = LIST_BLOCKS.find((b) => b.hcl === hcl && (!b.when || b.when(context)));
  return list ? { key: list.k8s, list: true } : { key: snakeToCamel(hcl), list: false };
}

/** The HCL block name for an API list key in this context (`containers` → `container`), if it is written as blocks. */
export function listBlockName(k8s: string, context: SchemaContext): string | undefined {
  return LIST_BLOCKS.find((b) => b.k8s === k8s && (!b.when || b.when(context)))?.hcl;
}

/**
 * API keys whose value is a free-form map, written as an HCL attribute (`labels = { ... }`) rather than a block.
 * `selector` is a plain map only on Services and ReplicationControllers.
 */
export function isMapAttribute(k8s: string, context: SchemaContext): boolean {
  if (k8s === 'selector') return (context.kind === 'Service' || context.kind === 'ReplicationController') && context.parent === 'spec';
  return MAP_ATTRIBUTES.has(k8s);
}

const MAP_ATTRIBUTES: ReadonlySet<string> = new Set([
  'labels', 'annotations', 'limits', 'requests', 'nodeSelector', 'data', 'binaryData', 'stringData', 'matchLabels',
  'capacity', 'hard', 'parameters', 'volumeAttributes', 'overhead', 'default', 'defaultRequest', 'max', 'min',
  'maxLimitRequestRatio',
]);
