import type { K8sObject } from '../../model/k8sObject';
import { at, child, type ScalarNode } from '../../model/tree';
import { compareKubernetesVersions } from '../../model/kubernetesVersion';
import { defineRule, type Fix, type Rule, type RuleContext, type RuleMetadata } from '../rule';
import { deprecationOf, type ApiDeprecation } from './deprecatedApis';
import { podLabels } from './podTemplate';

const WORKLOAD_KINDS = new Set(['Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet']);

/** The edits moving an object to the replacement apiVersion, when that yields a valid object; undefined otherwise. */
function migrationEdits(object: K8sObject, node: ScalarNode, deprecation: ApiDeprecation, context: RuleContext): Fix['edits'] | undefined {
  if (!deprecation.replacement) return undefined;
  if (deprecation.sameSchema) return context.editor.setScalar(node, deprecation.replacement);
  if (deprecation.replacement !== 'apps/v1' || !WORKLOAD_KINDS.has(object.kind ?? '')) return undefined;
  // apps/v1 requires a selector; the old versions defaulted it from the template labels, so writing those keeps behaviour.
  if (at(object.root, 'spec', 'selector')) return context.editor.setScalar(node, deprecation.replacement);
  const labels = podLabels(object);
  const spec = child(object.root, 'spec');
  if (!labels || Object.keys(labels).length === 0 || spec?.kind !== 'map') return undefined;
  return [...context.editor.setScalar(node, deprecation.replacement), ...context.editor.setIn(spec, ['selector', 'matchLabels'], labels)];
}

/**
 * The two apiVersion rules share one table: `removed` reports versions the target release no longer serves,
 * `deprecated` those it still serves but has marked for removal.
 */
export function apiVersionRule(stage: 'removed' | 'deprecated', meta: RuleMetadata): Rule {
  return defineRule<{ node: ScalarNode; deprecation: ApiDeprecation; object: K8sObject }>({
    ...meta,
    target: 'object',
    check(object, context) {
      const deprecation = deprecationOf(object.apiVersion, object.kind);
      const node = child(object.root, 'apiVersion');
      if (!deprecation || node?.kind !== 'scalar') return [];
      const target = context.kubernetesVersion;
      const removed = compareKubernetesVersions(target, deprecation.removedIn) >= 0;
      const deprecated = !removed && compareKubernetesVersions(target, deprecation.deprecatedIn) >= 0;
      if ((stage === 'removed' && !removed) || (stage === 'deprecated' && !deprecated)) return [];
      const instead = deprecation.replacement ? `use ${deprecation.replacement}` : 'it has no replacement';
      const message = stage === 'removed'
        ? `${object.kind} ${object.apiVersion} is not served since Kubernetes ${deprecation.removedIn} (target ${target}); ${instead}.`
        : `${object.kind} ${object.apiVersion} is deprecated since ${deprecation.deprecatedIn} and removed in ${deprecation.removedIn}; ${instead}.`;
      return [{ message: deprecation.migration ? `${message} Also: ${deprecation.migration}.` : message, span: node.span, data: { node, deprecation, object } }];
    },

    fix(finding, context) {
      if (!finding.data) return [];
      const { node, deprecation, object } = finding.data;
      const edits = migrationEdits(object, node, deprecation, context);
      return edits ? [{ title: `Move to ${deprecation.replacement}`, isPreferred: true, edits }] : [];
    },
  });
}
