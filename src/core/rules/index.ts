import { apiFieldVersion } from './api-field-version';
import { apiVersionDeprecated } from './api-version-deprecated';
import { apiVersionRemoved } from './api-version-removed';
import { automountServiceAccountToken } from './automount-service-account-token';
import { barePod } from './bare-pod';
import { clusterAdminBinding } from './cluster-admin-binding';
import { containerPortNameInvalid } from './container-port-name-invalid';
import { cpuLimitMissing } from './cpu-limit-missing';
import { crdSchemaUnusable } from './crd-schema-unusable';
import { cpuRequestMissing } from './cpu-request-missing';
import { cronjobDeadlineMissing } from './cronjob-deadline-missing';
import { dangerousCapabilityAdded } from './dangerous-capability-added';
import { defaultNamespace } from './default-namespace';
import { defaultServiceAccount } from './default-service-account';
import { dockerSocketMounted } from './docker-socket-mounted';
import { duplicateEnvVar } from './duplicate-env-var';
import { ephemeralStorageUnset } from './ephemeral-storage-unset';
import { gatewayListenerUnused } from './gateway-listener-unused';
import { hostIpc } from './host-ipc';
import { hostNetwork } from './host-network';
import { hostPathVolume } from './host-path-volume';
import { hostPid } from './host-pid';
import { hostPort } from './host-port';
import { hpaMinReplicasBelowTwo } from './hpa-min-replicas-below-two';
import { hpaTargetMissing } from './hpa-target-missing';
import { imageNotPinnedByDigest } from './image-not-pinned-by-digest';
import { imagePullPolicyNotAlways } from './image-pull-policy-not-always';
import { imageTagNotPinned } from './image-tag-not-pinned';
import { ingressBackendMissing } from './ingress-backend-missing';
import { ingressTlsMissing } from './ingress-tls-missing';
import { jobTtlMissing } from './job-ttl-missing';
import { labelValueInvalid } from './label-value-invalid';
import { livenessProbeMissing } from './liveness-probe-missing';
import { lowUserId } from './low-user-id';
import { memoryLimitMissing } from './memory-limit-missing';
import { memoryRequestMissing } from './memory-request-missing';
import { netRawNotDropped } from './net-raw-not-dropped';
import { networkPolicyMissing } from './network-policy-missing';
import { networkPolicySelectsNothing } from './network-policy-selects-nothing';
import { pdbBlocksEviction } from './pdb-blocks-eviction';
import { pdbMissing } from './pdb-missing';
import { pdbSelectorMatchesNothing } from './pdb-selector-matches-nothing';
import { podAntiAffinityMissing } from './pod-anti-affinity-missing';
import { privilegeEscalationAllowed } from './privilege-escalation-allowed';
import { privilegedContainer } from './privileged-container';
import { probePortNotExposed } from './probe-port-not-exposed';
import { probesIdentical } from './probes-identical';
import { procMountUnmasked } from './proc-mount-unmasked';
import { rbacSecretRead } from './rbac-secret-read';
import { rbacWildcard } from './rbac-wildcard';
import { readinessProbeMissing } from './readiness-probe-missing';
import { replicasBelowTwo } from './replicas-below-two';
import { replicasSetWithHpa } from './replicas-set-with-hpa';
import { requestsExceedLimits } from './requests-exceed-limits';
import { requestsNotEqualLimits } from './requests-not-equal-limits';
import { restartPolicyInvalid } from './restart-policy-invalid';
import { routeBackendMissing } from './route-backend-missing';
import { routeBackendNotGranted } from './route-backend-not-granted';
import { routeGatewayMissing } from './route-gateway-missing';
import { runAsRootAllowed } from './run-as-root-allowed';
import { seccompProfileMissing } from './seccomp-profile-missing';
import { secretInEnvValue } from './secret-in-env-value';
import { selectorTemplateMismatch } from './selector-template-mismatch';
import { serviceSelectorMatchesNothing } from './service-selector-matches-nothing';
import { serviceTargetPortMissing } from './service-target-port-missing';
import { serviceTypeNodePort } from './service-type-nodeport';
import { referenceMissing } from './reference-missing';
import { referenceMissingStrict } from './reference-missing-strict';
import { statefulsetServiceName } from './statefulset-service-name';
import { unsafeSysctls } from './unsafe-sysctls';
import { writableRootFilesystem } from './writable-root-filesystem';
import type { Rule } from './rule';
import { TERRAFORM_RULES } from './terraform';

/** Every rule, in the order their docs list them (grouped by topic). */
export const ALL_RULES: readonly Rule[] = [
  // Resources
  cpuRequestMissing, memoryRequestMissing, memoryLimitMissing, cpuLimitMissing, requestsExceedLimits,
  requestsNotEqualLimits, ephemeralStorageUnset,
  // Images
  imageTagNotPinned, imageNotPinnedByDigest, imagePullPolicyNotAlways,
  // Probes
  readinessProbeMissing, livenessProbeMissing, probesIdentical, probePortNotExposed,
  // Security context
  privilegedContainer, privilegeEscalationAllowed, runAsRootAllowed, lowUserId, writableRootFilesystem,
  seccompProfileMissing, netRawNotDropped, dangerousCapabilityAdded, procMountUnmasked, unsafeSysctls,
  // Host access
  hostNetwork, hostPid, hostIpc, hostPort, hostPathVolume, dockerSocketMounted,
  // Secrets, service accounts, namespaces
  secretInEnvValue, automountServiceAccountToken, defaultServiceAccount, defaultNamespace,
  // Access control
  rbacWildcard, clusterAdminBinding, rbacSecretRead,
  // Workload shape and availability
  selectorTemplateMismatch, replicasBelowTwo, podAntiAffinityMissing, pdbMissing, pdbSelectorMatchesNothing,
  pdbBlocksEviction, hpaMinReplicasBelowTwo, hpaTargetMissing, replicasSetWithHpa, restartPolicyInvalid,
  cronjobDeadlineMissing, jobTtlMissing, barePod, statefulsetServiceName, duplicateEnvVar,
  // Networking
  serviceSelectorMatchesNothing, serviceTargetPortMissing, serviceTypeNodePort, ingressBackendMissing,
  ingressTlsMissing, networkPolicyMissing, networkPolicySelectsNothing, containerPortNameInvalid, labelValueInvalid,
  // Gateway API
  routeBackendMissing, routeGatewayMissing, routeBackendNotGranted, gatewayListenerUnused,
  // References by name
  referenceMissing, referenceMissingStrict,
  // API versions
  apiVersionRemoved, apiVersionDeprecated, apiFieldVersion,
  // Custom resources
  crdSchemaUnusable,
  // Terraform (checks of Terraform blocks; the rules above also check kubernetes_* resources)
  ...TERRAFORM_RULES,
];

export function ruleById(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.id === id);
}
