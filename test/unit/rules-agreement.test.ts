import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFile } from '../../src/core/lint/lint';
import { ALL_RULES } from '../../src/core/rules';
import { parseYaml } from '../../src/core/yaml/parseYaml';

/**
 * How far our rules agree with kube-score and kube-linter on those tools' own fixtures (copied under
 * test/unit/fixtures, see the SOURCES.md there). Every file is linted on its own, as those tools' tests do. Where we
 * differ on purpose the rule says why in its `differences`, and the difference is listed here so a new one shows up.
 */
const fixtures = path.resolve(__dirname, 'fixtures');

/** [file, rule ids, expected to fire] for kube-score's fixtures, from their names and kube-score's tests. */
const KUBE_SCORE: [string, string[], boolean][] = [
  ['pod-test-resources-none.yaml', ['cpu-request-missing', 'memory-request-missing', 'memory-limit-missing'], true],
  ['pod-test-resources-only-limits.yaml', ['cpu-request-missing', 'memory-request-missing'], true],
  ['pod-test-resources-limits-and-requests.yaml', ['cpu-request-missing', 'memory-request-missing', 'memory-limit-missing', 'cpu-limit-missing'], false],
  ['pod-test-resources-limits-and-requests-no-cpu-limit.yaml', ['cpu-limit-missing'], true],
  ['pod-test-resources-limits-and-requests-no-cpu-limit.yaml', ['cpu-request-missing', 'memory-request-missing', 'memory-limit-missing'], false],
  ['pod-test-resources-no-limits.yaml', ['memory-limit-missing', 'cpu-limit-missing'], true],
  ['pod-test-resources-no-limits.yaml', ['requests-not-equal-limits'], true],
  ['pod-test-resources-limits-and-requests.yaml', ['requests-not-equal-limits'], false],
  ['deployment-test-resources.yaml', ['cpu-request-missing', 'memory-request-missing', 'memory-limit-missing', 'cpu-limit-missing'], true],
  ['statefulset-test-resources.yaml', ['cpu-request-missing', 'memory-request-missing', 'memory-limit-missing', 'cpu-limit-missing'], true],
  ['pod-image-tag-latest.yaml', ['image-tag-not-pinned'], true],
  ['pod-image-tag-fixed.yaml', ['image-tag-not-pinned'], false],
  ['pod-image-pullpolicy-undefined.yaml', ['image-pull-policy-not-always'], true],
  ['pod-image-pullpolicy-undefined-latest-tag.yaml', ['image-pull-policy-not-always'], false],
  ['pod-image-pullpolicy-undefined-no-tag.yaml', ['image-pull-policy-not-always'], false],
  ['pod-image-pullpolicy-never.yaml', ['image-pull-policy-not-always'], true],
  ['pod-image-pullpolicy-always.yaml', ['image-pull-policy-not-always'], false],
  ['pod-ephemeral-storage-missing-limit.yaml', ['ephemeral-storage-unset'], true],
  ['pod-ephemeral-storage-missing-request.yaml', ['ephemeral-storage-unset'], true],
  ['pod-ephemeral-storage-request-nomatch-limit.yaml', ['ephemeral-storage-unset'], false],
  ['pod-ephemeral-storage-request-matches-limit.yaml', ['ephemeral-storage-unset'], false],
  ['pod-container-ports-duplicate-names.yaml', ['container-port-name-invalid'], true],
  ['pod-container-ports-name-too-long.yaml', ['container-port-name-invalid'], true],
  ['pod-container-ports-ok.yaml', ['container-port-name-invalid'], false],
  ['pod-env-ok.yaml', ['duplicate-env-var'], false],
  ['pod-env-duplicated.yaml', ['duplicate-env-var'], true],
  ['pod-probes-identical-exec.yaml', ['probes-identical'], true],
  ['pod-probes-identical-http.yaml', ['probes-identical'], true],
  ['pod-probes-identical-tcp.yaml', ['probes-identical'], true],
  ['pod-probes-both.yaml', ['probes-identical', 'readiness-probe-missing'], false],
  ['pod-probes-missing-ready.yaml', ['readiness-probe-missing'], true],
  ['pod-probes-all-missing.yaml', ['readiness-probe-missing'], true],
  ['pod-security-context-privileged.yaml', ['privileged-container'], true],
  ['pod-security-context-writeablerootfilesystem.yaml', ['writable-root-filesystem'], true],
  ['pod-security-context-low-user-id.yaml', ['low-user-id'], true],
  ['pod-security-context-low-group-id.yaml', ['low-user-id'], true],
  ['pod-security-context-high-ids.yaml', ['low-user-id'], false],
  ['pod-security-context-all-good.yaml', ['privileged-container', 'writable-root-filesystem', 'low-user-id', 'run-as-root-allowed'], false],
  ['pod-security-context-nosecuritycontext.yaml', ['writable-root-filesystem', 'run-as-root-allowed'], true],
  ['security-inherit-pod-security-context.yaml', ['low-user-id'], false],
  ['pod-seccomp-annotated.yaml', ['seccomp-profile-missing'], false],
  ['pod-seccomp-no-annotation.yaml', ['seccomp-profile-missing'], true],
  ['pod-seccomp-securecontext-ok.yaml', ['seccomp-profile-missing'], false],
  ['pod-seccomp-securecontext-warning.yaml', ['seccomp-profile-missing'], true],
  ['pod-seccomp-container-securecontext-ok.yaml', ['seccomp-profile-missing'], false],
  ['pod-seccomp-container-securecontext-warning.yaml', ['seccomp-profile-missing'], true],
  ['cronjob-batchv1-deadline-not-set.yaml', ['cronjob-deadline-missing'], true],
  ['cronjob-batchv1-deadline-set.yaml', ['cronjob-deadline-missing'], false],
  ['cronjob-batchv1beta1-deadline-not-set.yaml', ['cronjob-deadline-missing'], true],
  ['cronjob-batchv1beta1-deadline-set.yaml', ['cronjob-deadline-missing'], false],
  ['cronjob-batchv1-restartpolicy-invalid.yaml', ['restart-policy-invalid'], true],
  ['cronjob-batchv1-restartpolicy-not-set.yaml', ['restart-policy-invalid'], true],
  ['cronjob-batchv1-restartpolicy-valid.yaml', ['restart-policy-invalid'], false],
  ['cronjob-batchv1beta1-restartpolicy-invalid.yaml', ['restart-policy-invalid'], true],
  ['cronjob-batchv1beta1-restartpolicy-not-set.yaml', ['restart-policy-invalid'], true],
  ['cronjob-batchv1beta1-restartpolicy-valid.yaml', ['restart-policy-invalid'], false],
  ['deployment-host-antiaffinity-1-replica.yaml', ['pod-anti-affinity-missing'], false],
  ['deployment-host-antiaffinity-not-set.yaml', ['pod-anti-affinity-missing'], true],
  ['deployment-host-antiaffinity-preffered.yaml', ['pod-anti-affinity-missing'], false],
  ['deployment-host-antiaffinity-required.yaml', ['pod-anti-affinity-missing'], false],
  ['deployment-host-antiaffinity-preffered-selector-expression.yaml', ['pod-anti-affinity-missing'], false],
  ['deployment-host-antiaffinity-preffered-selector-no-match.yaml', ['pod-anti-affinity-missing'], true],
  ['statefulset-host-antiaffinity-1-replica.yaml', ['pod-anti-affinity-missing'], false],
  ['statefulset-host-antiaffinity-not-set.yaml', ['pod-anti-affinity-missing'], true],
  ['statefulset-host-antiaffinity-preffered.yaml', ['pod-anti-affinity-missing'], false],
  ['statefulset-host-antiaffinity-required.yaml', ['pod-anti-affinity-missing'], false],
  ['statefulset-host-antiaffinity-undefined-replicas.yaml', ['pod-anti-affinity-missing'], true],
  ['deployment-poddisruptionbudget-v1-matches.yaml', ['pdb-missing'], false],
  ['deployment-poddisruptionbudget-v1-no-match.yaml', ['pdb-missing'], true],
  ['deployment-poddisruptionbudget-v1-different-namespace.yaml', ['pdb-missing'], true],
  ['deployment-poddisruptionbudget-v1beta1-matches.yaml', ['pdb-missing'], false],
  ['deployment-poddisruptionbudget-v1beta1-no-match.yaml', ['pdb-missing'], true],
  ['deployment-poddisruptionbudget-v1beta1-expression-matches.yaml', ['pdb-missing'], false],
  ['deployment-poddisruptionbudget-v1beta1-expression-no-match.yaml', ['pdb-missing'], true],
  ['statefulset-poddisruptionbudget-v1beta1-matches.yaml', ['pdb-missing'], false],
  ['statefulset-poddisruptionbudget-v1beta1-no-match.yaml', ['pdb-missing'], true],
  ['statefulset-poddisruptionbudget-v1beta1-expression-matches.yaml', ['pdb-missing'], false],
  ['statefulset-poddisruptionbudget-v1beta1-expression-no-match.yaml', ['pdb-missing'], true],
  ['hpa-min-replicas-nok.yaml', ['hpa-min-replicas-below-two'], true],
  ['hpa-min-replicas-ok.yaml', ['hpa-min-replicas-below-two'], false],
  ['hpa-has-no-target.yaml', ['hpa-target-missing'], true],
  ['hpa-target-deployment.yaml', ['hpa-target-missing'], false],
  ['hpa-autoscalingv1-targets-deployment.yaml', ['hpa-target-missing'], false],
  ['hpa-autoscalingv2-targets-deployment.yaml', ['hpa-target-missing'], false],
  ['hpa-autoscalingv2beta1-targets-deployment.yaml', ['hpa-target-missing'], false],
  ['hpa-autoscalingv2beta2-targets-deployment.yaml', ['hpa-target-missing'], false],
  ['deployment-with-hpa-has-replicas.yaml', ['replicas-set-with-hpa'], true],
  ['deployment-with-hpa-not-has-replicas.yaml', ['replicas-set-with-hpa'], false],
  ['ingress-targets-service.yaml', ['ingress-backend-missing'], false],
  ['ingress-targets-service-no-match.yaml', ['ingress-backend-missing'], true],
  ['ingress-networkingv1-targets-service.yaml', ['ingress-backend-missing'], false],
  ['ingress-networkingv1-targets-service-no-match.yaml', ['ingress-backend-missing'], true],
  ['ingress-networkingv1beta1-targets-service.yaml', ['ingress-backend-missing'], false],
  ['ingress-networkingv1beta1-targets-service-no-match.yaml', ['ingress-backend-missing'], true],
  ['networkpolicy-matching.yaml', ['network-policy-missing'], false],
  ['networkpolicy-not-matching.yaml', ['network-policy-missing'], true],
  ['networkpolicy-matching-only-egress.yaml', ['network-policy-missing'], true],
  ['networkpolicy-matching-only-ingress.yaml', ['network-policy-missing'], true],
  ['networkpolicy-deployment-matching.yaml', ['network-policy-missing'], false],
  ['networkpolicy-deployment-not-matching-selector.yaml', ['network-policy-missing'], true],
  ['networkpolicy-statefulset-matching.yaml', ['network-policy-missing'], false],
  ['networkpolicy-statefulset-not-matching-selector.yaml', ['network-policy-missing'], true],
  ['networkpolicy-cronjob-matching.yaml', ['network-policy-missing'], false],
  ['networkpolicy-cronjob-not-matching-selector.yaml', ['network-policy-missing'], true],
  ['networkpolicy-targets-pod.yaml', ['network-policy-selects-nothing'], false],
  ['networkpolicy-targets-pod-deployment.yaml', ['network-policy-selects-nothing'], false],
  ['networkpolicy-targets-all-pods.yaml', ['network-policy-selects-nothing'], false],
  ['networkpolicy-targets-pod-not-matching.yaml', ['network-policy-selects-nothing'], true],
  ['service-target-pod.yaml', ['service-selector-matches-nothing'], false],
  ['service-target-pod-multi-label.yaml', ['service-selector-matches-nothing'], false],
  ['service-target-pod-same-namespace.yaml', ['service-selector-matches-nothing'], false],
  ['service-target-deployment.yaml', ['service-selector-matches-nothing'], false],
  ['service-target-deployment-same-namespace.yaml', ['service-selector-matches-nothing'], false],
  ['service-not-target-pod.yaml', ['service-selector-matches-nothing'], true],
  ['service-not-target-pod-multi-label.yaml', ['service-selector-matches-nothing'], true],
  ['service-not-target-deployment.yaml', ['service-selector-matches-nothing'], true],
  ['service-target-pod-different-namespace.yaml', ['service-selector-matches-nothing'], true],
  ['service-target-deployment-different-namespace.yaml', ['service-selector-matches-nothing'], true],
  ['service-externalname.yaml', ['service-selector-matches-nothing'], false],
  ['service-type-nodeport.yaml', ['service-type-nodeport'], true],
  ['service-type-clusterip.yaml', ['service-type-nodeport'], false],
  ['service-type-default.yaml', ['service-type-nodeport'], false],
  ['statefulset-service-name.yaml', ['statefulset-service-name'], false],
  ['statefulset-service-name-different-label.yaml', ['statefulset-service-name'], true],
  ['statefulset-service-name-different-name.yaml', ['statefulset-service-name'], true],
  ['statefulset-service-name-different-namespace.yaml', ['statefulset-service-name'], true],
  ['statefulset-service-name-not-headless.yaml', ['statefulset-service-name'], true],
  ['deployment-appsv1beta1.yaml', ['api-version-removed'], true],
  ['deployment-appsv1beta2.yaml', ['api-version-removed'], true],
  ['deployment-extensions-v1beta1.yaml', ['api-version-removed'], true],
  ['daemonset-appsv1beta2.yaml', ['api-version-removed'], true],
  ['daemonset-extensionsv1beta1.yaml', ['api-version-removed'], true],
  ['daemonset-appsv1.yaml', ['api-version-removed'], false],
  ['statefulset-appsv1beta1.yaml', ['api-version-removed'], true],
  ['statefulset-appsv1beta2.yaml', ['api-version-removed'], true],
  ['statefulset-different-labels.yaml', ['selector-template-mismatch'], true],
  ['ignore-annotation-service.yaml', ['service-type-nodeport'], false],
];

/**
 * [file, rule ids, addresses kube-linter reports] for kube-linter's check fixtures (from its e2e expectations); every
 * other object of the file is expected to pass. OpenShift DeploymentConfigs are left out: we do not model them.
 */
const KUBE_LINTER: [string, string[], string[]][] = [
  ['privileged-container.yml', ['privileged-container'], ['Deployment/app1']],
  ['privilege-escalation-container.yml', ['privilege-escalation-allowed'], ['Deployment/app1']],
  ['run-as-non-root.yml', ['run-as-root-allowed'], ['Deployment/app1']],
  ['no-read-only-root-fs.yml', ['writable-root-filesystem'], ['Deployment/app1']],
  ['host-network.yml', ['host-network'], ['Deployment/app']],
  ['host-pid.yml', ['host-pid'], ['Deployment/app']],
  ['host-ipc.yml', ['host-ipc'], ['Deployment/app']],
  ['docker-sock.yml', ['docker-socket-mounted'], ['Deployment/app']],
  ['sensitive-host-mounts.yml', ['host-path-volume'], ['Deployment/app1']],
  ['drop-net-raw-capability.yml', ['net-raw-not-dropped'], ['Deployment/app']],
  ['duplicate-env-var.yaml', ['duplicate-env-var'], ['Deployment/(unnamed)', 'StatefulSet/(unnamed)']],
  ['env-var-secret.yml', ['secret-in-env-value'], ['Deployment/app']],
  ['latest-tag.yml', ['image-tag-not-pinned'], ['Deployment/app']],
  ['unset-cpu-requirements.yml', ['cpu-request-missing'], ['Deployment/app1']],
  ['unset-memory-requirements.yml', ['memory-request-missing', 'memory-limit-missing'], ['Deployment/app1']],
  ['no-readiness-probe.yml', ['readiness-probe-missing'], ['Deployment/app1']],
  ['no-liveness-probe.yml', ['liveness-probe-missing'], ['Deployment/app1']],
  ['mismatching-selector.yml', ['selector-template-mismatch'], ['Deployment/app1']],
  ['no-anti-affinity.yml', ['pod-anti-affinity-missing'], ['Deployment/app1', 'Deployment/fire-namespaced-with-namespaces-selector-not-matching']],
  ['dangling-service.yml', ['service-selector-matches-nothing'], ['Service/app1', 'Service/app2']],
  ['dangling-ingress.yml', ['ingress-backend-missing'], ['Ingress/missing-service', 'Ingress/bad-port']],
  ['dangling-hpa.yml', ['hpa-target-missing'], ['HorizontalPodAutoscaler/hpa1']],
  ['dangling-networkpolicy.yml', ['network-policy-selects-nothing'], ['NetworkPolicy/app']],
  ['non-isolated-pod.yml', ['network-policy-missing'], ['Deployment/app1']],
  ['exposed-services.yml', ['service-type-nodeport'], ['Service/app']],
  ['hpa-minimum-three-replicas.yml', ['hpa-min-replicas-below-two'], ['HorizontalPodAutoscaler/app']],
  ['minimum-three-replicas.yml', ['replicas-below-two'], ['Deployment/app']],
  ['pdb-max-unavailable.yaml', ['pdb-blocks-eviction'], ['PodDisruptionBudget/foo']],
  ['pdb-min-available.yaml', ['pdb-blocks-eviction'], ['PodDisruptionBudget/baz']],
  ['unsafe-proc-mount.yml', ['proc-mount-unmasked'], ['Deployment/app1']],
  ['unsafe-sysctls.yml', ['unsafe-sysctls'], ['Deployment/app1']],
  ['use-namespace.yml', ['default-namespace'], ['Deployment/app1']],
  ['default-service-account.yml', ['default-service-account'], ['Deployment/app']],
  ['liveness-port.yml', ['probe-port-not-exposed'], ['Deployment/(unnamed)', 'StatefulSet/(unnamed)']],
  ['readiness-port.yml', ['probe-port-not-exposed'], ['Deployment/(unnamed)']],
  ['startup-port.yml', ['probe-port-not-exposed'], ['Deployment/(unnamed)']],
  ['job-ttl-seconds-after-finished.yaml', ['job-ttl-missing'], ['Job/bad-job', 'CronJob/bad-cronjob']],
  ['no-extensions-v1beta.yml', ['api-version-removed'], ['NetworkPolicy/app#1']],
  ['invalid-target-ports.yaml', ['container-port-name-invalid'], ['Deployment/invalid-target-ports']],
  // Two Roles share the name role1; only the second grants "*".
  ['wildcard-in-rules.yml', ['rbac-wildcard'], ['Role/role1#1']],
  ['cluster-admin-role-binding.yml', ['cluster-admin-binding'], ['ClusterRoleBinding/role-binding1']],
];

/** Deliberate differences, each explained in the rule's `differences`. */
const KUBE_SCORE_DIFFERENCES = [
  // An object without a namespace may be applied to any namespace, so its Service may well be there.
  'statefulset-service-name-different-namespace.yaml statefulset-service-name',
];
const KUBE_LINTER_DIFFERENCES = [
  'drop-net-raw-capability.yml Deployment/dont-fire',
  'dangling-networkpolicy.yml NetworkPolicy/app',
  'non-isolated-pod.yml Deployment/dont-fire',
  'hpa-minimum-three-replicas.yml HorizontalPodAutoscaler/app',
  'minimum-three-replicas.yml Deployment/app',
  'job-ttl-seconds-after-finished.yaml CronJob/bad-cronjob',
];

/**
 * DeploymentConfigs kube-linter passes although not named dont-fire: one is what a Service points at, the other runs
 * as group 0 with a non-root user, which the run-as-non-root check accepts (as for the Deployment group-zero).
 */
const DEPLOYMENT_CONFIGS_PASSING = new Set(['dangling-service.yml app2', 'run-as-non-root.yml group-zero']);
/** Deliberate differences on DeploymentConfigs: the same as on the Deployments beside them (see above). */
const DEPLOYMENT_CONFIG_DIFFERENCES = [
  'drop-net-raw-capability.yml DeploymentConfig/dont-fire',
  'non-isolated-pod.yml DeploymentConfig/dont-fire',
  'minimum-three-replicas.yml DeploymentConfig/app',
];

const rulesFor = (ids: string[]) => {
  const rules = ALL_RULES.filter((r) => ids.includes(r.id));
  expect(rules.map((r) => r.id).sort()).toEqual([...ids].sort());
  return rules;
};

describe('agreement with peers on their own fixtures', () => {
  it('agrees with kube-score on at least 90% of its fixtures', () => {
    const differences: string[] = [];
    for (const [name, ids, fire] of KUBE_SCORE) {
      const text = fs.readFileSync(path.join(fixtures, 'kube-score/score/testdata', name), 'utf8');
      const findings = lintFile(parseYaml(text), { rules: rulesFor(ids), allRules: true });
      if ((findings.length > 0) !== fire) differences.push(`${name} ${ids.join(',')}`);
    }
    expect(differences).toEqual(KUBE_SCORE_DIFFERENCES);
    expect(1 - differences.length / KUBE_SCORE.length).toBeGreaterThanOrEqual(0.9);
  });

  it('agrees with kube-linter on at least 90% of the objects in its check fixtures', () => {
    const differences: string[] = [];
    let objects = 0;
    for (const [name, ids, firing] of KUBE_LINTER) {
      const text = fs.readFileSync(path.join(fixtures, 'kube-linter/tests/checks', name), 'utf8');
      const file = parseYaml(text);
      const findings = lintFile(file, { rules: rulesFor(ids), allRules: true });
      const seen = new Map<string, number>();
      for (const object of file.objects) {
        if (object.apiVersion?.startsWith('apps.openshift.io')) continue;
        const n = seen.get(object.address) ?? 0;
        seen.set(object.address, n + 1);
        const label = n === 0 ? object.address : `${object.address}#${n}`;
        const fired = findings.some((f) => f.object.documentIndex === object.documentIndex && f.object.address === object.address);
        objects++;
        if (fired !== firing.includes(label)) differences.push(`${name} ${label}`);
      }
    }
    expect(differences).toEqual(KUBE_LINTER_DIFFERENCES);
    expect(1 - differences.length / objects).toBeGreaterThanOrEqual(0.9);
  });

  it('agrees with kube-linter on the OpenShift DeploymentConfigs of its check fixtures', () => {
    // kube-linter's fixtures pair each check's Deployments with DeploymentConfigs; those named dont-fire pass, the
    // others fail (its e2e expectations). Our rules see their Pod templates as they see a Deployment's.
    const differences: string[] = [];
    let configs = 0;
    for (const [name, ids] of KUBE_LINTER) {
      const text = fs.readFileSync(path.join(fixtures, 'kube-linter/tests/checks', name), 'utf8');
      const file = parseYaml(text);
      const findings = lintFile(file, { rules: rulesFor(ids), allRules: true });
      for (const object of file.objects) {
        if (object.kind !== 'DeploymentConfig') continue;
        configs++;
        const fired = findings.some((f) => f.object.documentIndex === object.documentIndex);
        const expected = !DEPLOYMENT_CONFIGS_PASSING.has(`${name} ${object.name}`) && object.name !== 'dont-fire';
        if (fired !== expected) differences.push(`${name} ${object.address}`);
      }
    }
    expect(configs).toBeGreaterThanOrEqual(40);
    expect(differences).toEqual(DEPLOYMENT_CONFIG_DIFFERENCES);
    expect(1 - differences.length / configs).toBeGreaterThanOrEqual(0.9);
  });

  it('explains every deliberate difference in the rule docs', () => {
    const ids = ['statefulset-service-name', 'net-raw-not-dropped', 'network-policy-selects-nothing', 'network-policy-missing', 'hpa-min-replicas-below-two', 'replicas-below-two', 'job-ttl-missing'];
    for (const id of ids) expect(ALL_RULES.find((r) => r.id === id)?.differences, id).toBeTruthy();
  });
});
