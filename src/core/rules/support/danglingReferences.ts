import type { K8sObject } from '../../model/k8sObject';
import { referencesOf, type Reference } from '../../model/references';
import { at, child, listItems, scalarString, type ScalarNode } from '../../model/tree';
import { nearestNames } from '../../text/editDistance';
import { defineRule, type Rule, type RuleContext } from '../rule';
import { kindSurelyNear, namedNear, ofKindNear, sharedAnswer } from './crossObject';

/**
 * References by name (model/references.ts) to a ConfigMap, Secret, PersistentVolumeClaim, ServiceAccount, Role,
 * ClusterRole or Service that no object of the linted set defines. The other references have their own rules
 * (hpa-target-missing, statefulset-service-name, ingress-backend-missing), and `calls` are guesses, never findings.
 *
 * Quiet when the reference is optional, when the name is the cluster's own (the `default` ServiceAccount, the
 * `kube-root-ca.crt` ConfigMap, the built-in ClusterRoles and kube-system Roles), when something in the set produces it (a Kustomize
 * configMapGenerator/secretGenerator, a SealedSecret, an ExternalSecret's target, a cert-manager Certificate's
 * secretName, a Role granting access to it by `resourceNames`: the app manages it at run time), and when its name or namespace is only known at plan time.
 *
 * Whether the set holds the whole app: the default rule judges a reference only when the set defines at least one
 * object of the referenced kind surely in the referrer's namespace (the app's ConfigMaps live here, so one missing is
 * a typo or an omission); a set without any is taken to be part of an app whose other objects live elsewhere. The
 * strict rule (off by default; `rules: { reference-missing-strict: on }` in .cnc.yaml) judges every reference, for
 * repositories that hold everything they deploy.
 */

const CHECKED_KINDS = new Set(['ConfigMap', 'Secret', 'PersistentVolumeClaim', 'ServiceAccount', 'Role', 'ClusterRole', 'Service']);
const GATEWAY_ROUTES = new Set(['HTTPRoute', 'GRPCRoute', 'TCPRoute', 'TLSRoute', 'UDPRoute']);

/** Names the cluster defines by itself. */
function builtIn(kind: string, name: string): boolean {
  if (kind === 'ServiceAccount') return name === 'default';
  if (kind === 'ConfigMap') return name === 'kube-root-ca.crt';
  if (kind === 'ClusterRole') return name.startsWith('system:') || ['cluster-admin', 'admin', 'edit', 'view'].includes(name);
  if (kind === 'Role') return name.startsWith('system:') || name === 'extension-apiserver-authentication-reader';
  if (kind === 'Service') return name === 'kubernetes';
  return false;
}

/** Whether a finding is ours: the other rules already judge the references they are about. */
function judged(object: K8sObject, ref: Reference): boolean {
  if (ref.guess || ref.optional || !CHECKED_KINDS.has(ref.kind)) return false;
  if (ref.edge === 'routes-to') return object.kind !== undefined && GATEWAY_ROUTES.has(object.kind);
  return ref.edge !== 'scales' && ref.edge !== 'governs';
}

/** Names of `kind` that objects of the set produce (generators, secret controllers), by producing kind. */
const PRODUCERS: { kind: string; produces: 'ConfigMap' | 'Secret'; names(object: K8sObject): (string | undefined)[] }[] = [
  { kind: 'Kustomization', produces: 'ConfigMap', names: (o) => listItems(child(o.root, 'configMapGenerator')).map((g) => scalarString(child(g, 'name'))) },
  { kind: 'Kustomization', produces: 'Secret', names: (o) => listItems(child(o.root, 'secretGenerator')).map((g) => scalarString(child(g, 'name'))) },
  { kind: 'SealedSecret', produces: 'Secret', names: (o) => [scalarString(at(o.root, 'spec', 'template', 'metadata', 'name')) ?? o.name] },
  { kind: 'ExternalSecret', produces: 'Secret', names: (o) => [scalarString(at(o.root, 'spec', 'target', 'name')) ?? o.name] },
  { kind: 'Certificate', produces: 'Secret', names: (o) => [scalarString(at(o.root, 'spec', 'secretName'))] },
  // An app that grants itself access to a Secret or ConfigMap by name manages it at run time (Argo CD's init
  // container creates the argocd-redis Secret so).
  ...(['Role', 'ClusterRole'] as const).flatMap((kind) => ([['Secret', 'secrets'], ['ConfigMap', 'configmaps']] as const).map(([produces, resource]) => ({
    kind, produces, names: (o: K8sObject) => grantedNames(o, resource),
  }))),
];

function grantedNames(role: K8sObject, resource: string): (string | undefined)[] {
  return listItems(child(role.root, 'rules'))
    .filter((rule) => listItems(child(rule, 'resources')).some((r) => scalarString(r) === resource))
    .flatMap((rule) => listItems(child(rule, 'resourceNames')).map(scalarString));
}

function produced(context: RuleContext, kind: string, name: string, near: K8sObject): boolean {
  return PRODUCERS.some((p) => p.produces === kind && [...ofKindNear(context, p.kind, near)].some((o) => p.names(o).includes(name)));
}

/** Names of the objects of `kind` near `near`, for "did you mean" (asked once per kind and namespace). */
function namesNear(context: RuleContext, kind: string, near: K8sObject): string[] {
  return sharedAnswer(context, `names-near:${kind}:${near.namespace ?? ''}`, () => {
    const names = new Set<string>();
    for (const o of ofKindNear(context, kind, near)) if (o.name) names.add(o.name);
    return [...names];
  });
}

interface DanglingSpec { id: string; strict: boolean; title: string; enabledByDefault: boolean }

export function danglingReferenceRule(spec: DanglingSpec): Rule {
  return defineRule<{ node: ScalarNode; suggestions: string[] }>({
    id: spec.id,
    target: 'object',
    title: spec.title,
    severity: 'warning',
    enabledByDefault: spec.enabledByDefault,
    reports: 'absence',
    concept: 'kubernetes-namespace',
    rationale:
      'Pods, bindings and routes find the ConfigMaps, Secrets, claims, service accounts, roles and Services they name ' +
      'in their own namespace at run time. A name that nothing defines keeps a Pod from starting (a missing volume ' +
      'source, env source, claim or service account), leaves a binding granting nothing, or a route with no backend.',
    remediation: 'Define the object, correct the name (a near miss is offered as a fix), or mark the reference `optional: true` when it may be absent.',
    equivalents: { kubeLinter: ['non-existent-service-account'] },
    differences: spec.strict
      ? 'Judges every reference of the linted files, as if they held the whole app.'
      : 'Judged only when the linted files define at least one object of the referenced kind in the same namespace; ' +
        'enable reference-missing-strict to judge every reference.',

    check(object, context) {
      const out = [];
      for (const ref of referencesOf(object)) {
        if (!judged(object, ref) || ref.node.kind !== 'scalar' || builtIn(ref.kind, ref.name)) continue;
        // A reference into another namespace than the object's own cannot be checked against objects "near" it.
        if (ref.namespace !== undefined && ref.namespace !== object.namespace) continue;
        if (namedNear(context, ref.kind, ref.name, object) || namedNear(context, ref.kind, undefined, object)) continue;
        if (!spec.strict && !kindSurelyNear(context, ref.kind, object)) continue;
        if (produced(context, ref.kind, ref.name, object)) continue;
        const suggestions = nearestNames(ref.name, namesNear(context, ref.kind, object)).slice(0, 3);
        const hint = suggestions.length ? ` Did you mean "${suggestions[0]}"?` : '';
        out.push({ message: `${ref.kind} "${ref.name}" (${ref.edge}: ${ref.detail}) is not defined in the linted files.${hint}`, span: ref.node.span, data: { node: ref.node, suggestions } });
      }
      return out;
    },

    fix(finding, context) {
      const data = finding.data;
      if (!data) return [];
      return data.suggestions.map((name, i) => ({ title: `Change to "${name}"`, isPreferred: i === 0 && data.suggestions.length === 1, edits: context.editor.setScalar(data.node, name) }));
    },
  });
}
