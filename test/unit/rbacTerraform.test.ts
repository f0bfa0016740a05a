import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lintFile } from '../../src/core/lint/lint';
import { ruleById } from '../../src/core/rules';
import type { Rule } from '../../src/core/rules/rule';
import { plainValue } from '../../src/core/rules/support/values';
import { child } from '../../src/core/model/tree';
import { parseTerraform } from '../../src/core/terraform/parseTerraform';
import { initTerraform } from '../../src/core/terraform/runtime';

/**
 * The RBAC rules on hand-written `kubernetes_*` RBAC resources, the way the provider spells them (`rule`, `role_ref`
 * and `subject` blocks, unversioned and `_v1` types): what the normaliser makes of them, and where findings point.
 * (terraformWorkloadRules.test.ts runs the same rules on their YAML fixtures rewritten as HCL.)
 */
const root = path.resolve(__dirname, '..', '..');
beforeAll(() => initTerraform({ packageRoot: root }));

const TEXT = `resource "kubernetes_cluster_role" "ops" {
  metadata {
    name = "ops"
  }
  rule {
    api_groups = [""]
    resources  = ["pods", "secrets"]
    verbs      = ["*"]
  }
  rule {
    api_groups     = [""]
    resources      = ["secrets"]
    resource_names = ["db"]
    verbs          = ["get"]
  }
  dynamic "rule" {
    for_each = var.extra_rules
    content {
      api_groups = rule.value.api_groups
      resources  = rule.value.resources
      verbs      = rule.value.verbs
    }
  }
}

resource "kubernetes_role_v1" "reader" {
  metadata {
    name      = "reader"
    namespace = "ci"
  }
  rule {
    api_groups = [""]
    resources  = ["secrets"]
    verbs      = ["list", var.extra_verb]
  }
  rule {
    api_groups = ["apps"]
    resources  = ["*"]
    verbs      = var.verbs
  }
}

resource "kubernetes_cluster_role_binding" "ci" {
  metadata {
    name = "ci-admin"
  }
  role_ref {
    api_group = "rbac.authorization.k8s.io"
    kind      = "ClusterRole"
    name      = "cluster-admin"
  }
  subject {
    kind      = "ServiceAccount"
    name      = "deployer"
    namespace = "ci"
  }
}

resource "kubernetes_role_binding_v1" "team" {
  metadata {
    name      = "team"
    namespace = "team-a"
  }
  role_ref {
    api_group = "rbac.authorization.k8s.io"
    kind      = "ClusterRole"
    name      = var.role
  }
  subject {
    kind = "Group"
    name = "team-a"
  }
}
`;

const rule = (id: string): Rule => ruleById(id)!;

function findings(id: string): [string, string, string][] {
  const file = parseTerraform(TEXT);
  expect(file.problems).toEqual([]);
  return lintFile(file, { rules: [rule(id)] }).map((f) => [f.object.address, TEXT.slice(f.span.start, f.span.end), f.message]);
}

describe('RBAC resources in Terraform', () => {
  it('become Roles, ClusterRoles and bindings with rules, roleRef and subjects in API spelling', () => {
    const file = parseTerraform(TEXT);
    expect(file.objects.map((o) => [o.address, o.apiVersion, o.kind, o.name])).toEqual([
      ['kubernetes_cluster_role.ops', 'rbac.authorization.k8s.io/v1', 'ClusterRole', 'ops'],
      ['kubernetes_role_v1.reader', 'rbac.authorization.k8s.io/v1', 'Role', 'reader'],
      ['kubernetes_cluster_role_binding.ci', 'rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'ci-admin'],
      ['kubernetes_role_binding_v1.team', 'rbac.authorization.k8s.io/v1', 'RoleBinding', 'team'],
    ]);
    const [ops, reader, binding] = file.objects;
    // A dynamic block is one item only known at plan time; values Terraform computes are undefined here.
    expect(plainValue(child(ops!.root, 'rules')!)).toEqual([
      { apiGroups: [''], resources: ['pods', 'secrets'], verbs: ['*'] },
      { apiGroups: [''], resources: ['secrets'], resourceNames: ['db'], verbs: ['get'] },
      undefined,
    ]);
    expect(plainValue(child(reader!.root, 'rules')!)).toEqual([
      { apiGroups: [''], resources: ['secrets'], verbs: ['list', undefined] },
      { apiGroups: ['apps'], resources: ['*'], verbs: undefined },
    ]);
    expect(plainValue(child(binding!.root, 'roleRef')!)).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' });
    expect(plainValue(child(binding!.root, 'subjects')!)).toEqual([{ kind: 'ServiceAccount', name: 'deployer', namespace: 'ci' }]);
  });

  it('report each written "*" at the list item, and say what is granted', () => {
    expect(findings('rbac-wildcard')).toEqual([
      ['kubernetes_cluster_role.ops', '"*"', 'kubernetes_cluster_role.ops grants every verb ("*") on pods and secrets, including any verb added later.'],
      ['kubernetes_role_v1.reader', '"*"', 'kubernetes_role_v1.reader grants verbs known only at plan time on every resource ("*") in API group apps, including resources added later.'],
    ]);
  });

  it('report reading Secrets unless narrowed by resource_names, ignoring verbs only known at plan time', () => {
    expect(findings('rbac-secret-read')).toEqual([
      ['kubernetes_cluster_role.ops', '"secrets"', 'kubernetes_cluster_role.ops grants every verb ("*") on Secrets wherever it is bound (in every namespace through a ClusterRoleBinding): list and watch return every Secret with its data, not only the names.'],
      ['kubernetes_role_v1.reader', '"secrets"', 'kubernetes_role_v1.reader grants list on Secrets in namespace ci: list returns every Secret with its data, not only the names.'],
    ]);
  });

  it('report a cluster-admin role_ref at its name, and never a role_ref only known at plan time', () => {
    expect(findings('cluster-admin-binding')).toEqual([
      ['kubernetes_cluster_role_binding.ci', '"cluster-admin"', 'kubernetes_cluster_role_binding.ci gives ServiceAccount ci/deployer cluster-admin: every verb on every resource, in every namespace and cluster-wide.'],
    ]);
  });
});
