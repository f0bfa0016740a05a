import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lintFile } from '../../src/core/lint/lint';
import { containersOf, podSpecOf } from '../../src/core/model/podSpecs';
import type { K8sObject } from '../../src/core/model/k8sObject';
import { at, type ValueNode } from '../../src/core/model/tree';
import { ALL_RULES } from '../../src/core/rules';
import { TERRAFORM_RULES } from '../../src/core/rules/terraform';
import { parseTerraform } from '../../src/core/terraform/parseTerraform';
import { initTerraform } from '../../src/core/terraform/runtime';

const root = path.resolve(__dirname, '..', '..');
const fixtures = path.join(__dirname, 'fixtures', 'terraform');
const OBJECT_RULES = ALL_RULES.filter((r) => !TERRAFORM_RULES.includes(r));

beforeAll(() => initTerraform({ packageRoot: root }));

/** A tree as plain JSON; unknown values as `<unknown: reason>`. */
function plain(node: ValueNode | undefined): unknown {
  if (!node) return undefined;
  if (node.kind === 'map') return Object.fromEntries(node.entries.map((e) => [e.key, plain(e.value)]));
  if (node.kind === 'list') return node.items.map(plain);
  if (node.kind === 'scalar') return node.value;
  return `<unknown: ${node.reason}>`;
}

function only(text: string): K8sObject {
  const file = parseTerraform(text);
  expect(file.problems).toEqual([]);
  expect(file.objects).toHaveLength(1);
  return file.objects[0]!;
}

describe('kubernetes_* resources as Kubernetes objects', () => {
  it('normalise the provider example Deployment to the API shape, with HCL spans', () => {
    const text = fs.readFileSync(path.join(fixtures, 'terraform-provider-kubernetes', 'examples', 'resources', 'deployment_v1', 'example_1.tf'), 'utf8');
    const file = parseTerraform(text);
    const [object] = file.objects;
    expect(object).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'terraform-example', language: 'terraform', address: 'kubernetes_deployment_v1.example', documentIndex: 0 });
    expect(plain(object!.root)).toEqual({
      apiVersion: 'apps/v1', kind: 'Deployment',
      metadata: { name: 'terraform-example', labels: { test: 'MyExampleApp' } },
      spec: {
        replicas: 3,
        selector: { matchLabels: { test: 'MyExampleApp' } },
        template: {
          metadata: { labels: { test: 'MyExampleApp' } },
          spec: {
            containers: [{
              image: 'nginx:1.21.6', name: 'example',
              resources: { limits: { cpu: '0.5', memory: '512Mi' }, requests: { cpu: '250m', memory: '50Mi' } },
              livenessProbe: { httpGet: { path: '/', port: 80, httpHeaders: [{ name: 'X-Custom-Header', value: 'Awesome' }] }, initialDelaySeconds: 3, periodSeconds: 3 },
            }],
          },
        },
      },
    });
    const [container] = containersOf(object!);
    const limits = container!.container.entries.find((e) => e.key === 'resources')!;
    expect(text.slice(limits.keySpan.start, limits.keySpan.end)).toBe('resources');
    const image = at(container!.container, 'image')!;
    expect(text.slice(image.span.start, image.span.end)).toBe('"nginx:1.21.6"');
    const containers = at(podSpecOf(object!), 'containers')!;
    expect(text.slice(containers.span.start, containers.span.start + 'container {'.length)).toBe('container {');
  });

  it('map the provider resource types, versioned and not, to kinds and API versions', () => {
    const cases: [string, string, string][] = [
      ['kubernetes_deployment', 'apps/v1', 'Deployment'], ['kubernetes_stateful_set_v1', 'apps/v1', 'StatefulSet'],
      ['kubernetes_daemonset', 'apps/v1', 'DaemonSet'], ['kubernetes_daemon_set_v1', 'apps/v1', 'DaemonSet'],
      ['kubernetes_job_v1', 'batch/v1', 'Job'], ['kubernetes_cron_job', 'batch/v1beta1', 'CronJob'], ['kubernetes_cron_job_v1', 'batch/v1', 'CronJob'],
      ['kubernetes_pod', 'v1', 'Pod'], ['kubernetes_service_v1', 'v1', 'Service'], ['kubernetes_ingress', 'networking.k8s.io/v1beta1', 'Ingress'],
      ['kubernetes_ingress_v1', 'networking.k8s.io/v1', 'Ingress'], ['kubernetes_config_map_v1', 'v1', 'ConfigMap'], ['kubernetes_secret', 'v1', 'Secret'],
      ['kubernetes_namespace_v1', 'v1', 'Namespace'], ['kubernetes_service_account', 'v1', 'ServiceAccount'],
      ['kubernetes_horizontal_pod_autoscaler_v2', 'autoscaling/v2', 'HorizontalPodAutoscaler'], ['kubernetes_pod_disruption_budget_v1', 'policy/v1', 'PodDisruptionBudget'],
      ['kubernetes_network_policy_v1', 'networking.k8s.io/v1', 'NetworkPolicy'], ['kubernetes_role_binding_v1', 'rbac.authorization.k8s.io/v1', 'RoleBinding'],
    ];
    for (const [type, apiVersion, kind] of cases) {
      expect(only(`resource "${type}" "x" {\n  metadata {\n    name = "x"\n    namespace = "ns"\n  }\n}\n`), type).toMatchObject({ apiVersion, kind, name: 'x', namespace: 'ns', address: `${type}.x` });
    }
    expect(parseTerraform('resource "kubernetes_labels" "x" {\n  api_version = "v1"\n  kind = "Pod"\n}\n').objects).toEqual([]);
  });

  it('turn repeated blocks into lists and nested blocks into objects, in every workload kind', () => {
    const cron = only(`resource "kubernetes_cron_job_v1" "backup" {
  metadata {
    name = "backup"
  }
  spec {
    schedule = "0 3 * * *"
    timezone = "Europe/Paris"
    job_template {
      metadata {}
      spec {
        backoff_limit = 2
        template {
          metadata {}
          spec {
            restart_policy = "OnFailure"
            host_pid       = false
            init_container {
              name  = "prepare"
              image = "busybox:1.36"
            }
            container {
              name    = "backup"
              image   = "restic/restic:0.16.4"
              command = ["restic", "backup", "/data"]
              env {
                name  = "A"
                value = "1"
              }
              env {
                name = "B"
                value_from {
                  secret_key_ref {
                    name = "s"
                    key  = "k"
                  }
                }
              }
              port {
                container_port = 8080
                name           = "http"
              }
              security_context {
                capabilities {
                  drop = ["ALL"]
                }
              }
              volume_mount {
                name       = "data"
                mount_path = "/data"
              }
            }
            volume {
              name = "data"
              persistent_volume_claim {
                claim_name = "data"
              }
            }
          }
        }
      }
    }
  }
}
`);
    expect(plain(at(cron.root, 'spec', 'timeZone'))).toBe('Europe/Paris');
    expect(plain(podSpecOf(cron))).toEqual({
      restartPolicy: 'OnFailure', hostPID: false,
      initContainers: [{ name: 'prepare', image: 'busybox:1.36' }],
      containers: [{
        name: 'backup', image: 'restic/restic:0.16.4', command: ['restic', 'backup', '/data'],
        env: [{ name: 'A', value: '1' }, { name: 'B', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }],
        ports: [{ containerPort: 8080, name: 'http' }],
        securityContext: { capabilities: { drop: ['ALL'] } },
        volumeMounts: [{ name: 'data', mountPath: '/data' }],
      }],
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }],
    });
    expect(containersOf(cron).map((c) => [c.list, c.name])).toEqual([['containers', 'backup'], ['initContainers', 'prepare']]);
  });

  it('know the context-dependent names: Service ports and selector, Ingress backends, NetworkPolicy rules, ServiceAccount secrets', () => {
    const service = only('resource "kubernetes_service_v1" "web" {\n  metadata {\n    name = "web"\n  }\n  spec {\n    selector = {\n      app = "web"\n    }\n    cluster_ip = "None"\n    port {\n      port        = 80\n      target_port = "http"\n    }\n    type = "ClusterIP"\n  }\n}\n');
    expect(plain(service.root)).toMatchObject({ spec: { selector: { app: 'web' }, clusterIP: 'None', ports: [{ port: 80, targetPort: 'http' }], type: 'ClusterIP' } });

    const ingress = only(`resource "kubernetes_ingress_v1" "web" {
  metadata {
    name = "web"
  }
  spec {
    ingress_class_name = "nginx"
    rule {
      host = "shop.example.com"
      http {
        path {
          path      = "/"
          path_type = "Prefix"
          backend {
            service {
              name = "web"
              port {
                number = 80
              }
            }
          }
        }
      }
    }
    tls {
      hosts       = ["shop.example.com"]
      secret_name = "shop-tls"
    }
  }
}
`);
    expect(plain(at(ingress.root, 'spec'))).toEqual({
      ingressClassName: 'nginx',
      rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }],
      tls: [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }],
    });

    const policy = only(`resource "kubernetes_network_policy_v1" "db" {
  metadata {
    name = "db"
  }
  spec {
    pod_selector {
      match_labels = {
        app = "db"
      }
    }
    ingress {
      from {
        pod_selector {
          match_labels = {
            app = "api"
          }
        }
      }
      from {
        ip_block {
          cidr   = "10.0.0.0/8"
          except = ["10.1.0.0/16"]
        }
      }
      ports {
        port     = "5432"
        protocol = "TCP"
      }
    }
    policy_types = ["Ingress"]
  }
}
`);
    expect(plain(at(policy.root, 'spec'))).toEqual({
      podSelector: { matchLabels: { app: 'db' } },
      ingress: [{ from: [{ podSelector: { matchLabels: { app: 'api' } } }, { ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }], ports: [{ port: '5432', protocol: 'TCP' }] }],
      policyTypes: ['Ingress'],
    });

    const account = only('resource "kubernetes_service_account_v1" "ci" {\n  metadata {\n    name = "ci"\n  }\n  secret {\n    name = "ci-token"\n  }\n  image_pull_secret {\n    name = "registry"\n  }\n  automount_service_account_token = false\n}\n');
    expect(plain(account.root)).toMatchObject({ secrets: [{ name: 'ci-token' }], imagePullSecrets: [{ name: 'registry' }], automountServiceAccountToken: false });

    const hpa = only('resource "kubernetes_horizontal_pod_autoscaler_v2" "web" {\n  metadata {\n    name = "web"\n  }\n  spec {\n    min_replicas = 2\n    max_replicas = 10\n    scale_target_ref {\n      api_version = "apps/v1"\n      kind        = "Deployment"\n      name        = "web"\n    }\n    metric {\n      type = "Resource"\n      resource {\n        name = "cpu"\n        target {\n          type                = "Utilization"\n          average_utilization = 70\n        }\n      }\n    }\n  }\n}\n');
    expect(plain(at(hpa.root, 'spec'))).toEqual({
      minReplicas: 2, maxReplicas: 10, scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
    });

    const configMap = only('resource "kubernetes_config_map_v1" "settings" {\n  metadata {\n    name = "settings"\n  }\n  data = {\n    "app.properties" = <<-EOT\n      level=debug\n    EOT\n  }\n}\n');
    expect(plain(configMap.root)).toMatchObject({ data: { 'app.properties': 'level=debug\n' } });
  });

  it('model what only Terraform knows as unknown: references, calls, dynamic blocks', () => {
    const object = only(`resource "kubernetes_deployment_v1" "web" {
  count = var.enabled ? 1 : 0
  metadata {
    name      = "web-\${var.env}"
    namespace = var.namespace
  }
  spec {
    replicas = var.replicas
    template {
      metadata {}
      spec {
        container {
          name  = "web"
          image = "\${var.registry}/web:1.0"
          resources {
            limits = var.limits
          }
          dynamic "env" {
            for_each = var.env
            content {
              name  = env.key
              value = env.value
            }
          }
        }
        dynamic "container" {
          for_each = var.sidecars
          content {
            name  = container.value.name
            image = container.value.image
          }
        }
        dynamic "security_context" {
          for_each = var.hardened ? [1] : []
          content {
            run_as_non_root = true
          }
        }
      }
    }
  }
  lifecycle {
    ignore_changes = [spec[0].replicas]
  }
}
`);
    expect(object.name).toBeUndefined();
    expect(object.namespace).toBeUndefined();
    const spec = plain(podSpecOf(object)) as Record<string, unknown>;
    expect(spec.containers).toEqual([
      { name: 'web', image: '<unknown: template `"${var.registry}/web:1.0"`>', resources: { limits: '<unknown: reference `var.limits`>' }, env: ['<unknown: dynamic "env" block>'] },
      '<unknown: dynamic "container" block>',
    ]);
    expect(spec.securityContext).toBe('<unknown: dynamic "security_context" block>');
    expect(plain(at(object.root, 'spec', 'replicas'))).toBe('<unknown: reference `var.replicas`>');
    // Terraform's own arguments are not fields of the object.
    expect(at(object.root, 'count')).toBeUndefined();
    expect(at(object.root, 'lifecycle')).toBeUndefined();
  });

  it('leave out resources that can never exist (count = 0, empty for_each)', () => {
    const file = parseTerraform('resource "kubernetes_pod_v1" "off" {\n  count = 0\n}\nresource "kubernetes_pod_v1" "none" {\n  for_each = {}\n}\nresource "kubernetes_pod_v1" "some" {\n  for_each = toset(["a"])\n}\n');
    expect(file.objects.map((o) => o.address)).toEqual(['kubernetes_pod_v1.some']);
  });

  it('read kubernetes_manifest objects, whose keys are already the API’s', () => {
    const object = only('resource "kubernetes_manifest" "app" {\n  manifest = {\n    apiVersion = "argoproj.io/v1alpha1"\n    kind       = "Application"\n    metadata = {\n      name = "guestbook"\n      namespace = "argocd"\n    }\n    spec = {\n      project = "default"\n    }\n  }\n}\n');
    expect(object).toMatchObject({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', name: 'guestbook', namespace: 'argocd', address: 'kubernetes_manifest.app' });
    expect(parseTerraform('resource "kubernetes_manifest" "x" {\n  manifest = yamldecode(file("x.yaml"))\n}\n').objects).toEqual([]);
  });

  it('keep other resources as Terraform blocks, not Kubernetes objects', () => {
    const file = parseTerraform('resource "aws_security_group" "web" {\n  ingress {\n    from_port = 22\n  }\n  ingress {\n    from_port = 443\n  }\n  dynamic "egress" {\n    for_each = var.egress\n    content {}\n  }\n  tags = {\n    Name = "web"\n  }\n}\n');
    expect(file.objects).toEqual([]);
    expect(plain(file.blocks[0]!.body)).toEqual({
      ingress: [{ from_port: 22 }, { from_port: 443 }], egress: ['<unknown: dynamic "egress" block>'], tags: { Name: 'web' },
    });
  });

  it('give no rule anything to report when every checked value is unknown', () => {
    const text = fs.readFileSync(path.join(__dirname, 'fixtures', 'terraform', 'all-unknown.tf'), 'utf8');
    const file = parseTerraform(text);
    expect(file.problems).toEqual([]);
    expect(file.objects).toHaveLength(3);
    expect(lintFile(file, { rules: OBJECT_RULES, allRules: true }).map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
  });
});
