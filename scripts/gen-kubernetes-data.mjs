// Build-time generator for the Kubernetes API data the extension ships (never fetched at run time).
// Reads the declarations of `kubernetes-models` (the newest Kubernetes API a registry package carries) and of
// `kubernetes-types` 1.30 (the alpha API versions the former leaves out), whose JSDoc carries the API's own field
// descriptions, with the TypeScript compiler API (readers: scripts/kubernetes-api-sources.mjs); compares them with the
// API data of older releases (more registry packages, installed under aliases) to learn since when each field exists;
// and writes into dist/kubernetes/:
//   fields.json  field docs: every type's fields with their type, description, required/read-only flags and enum
//                values, plus which type each apiVersion/kind is (read by src/core/schema/apiData.ts)
//   schema.json  a JSON schema (draft-07) with one definition per API type (and per custom resource type we document)
//                but no descriptions (the language server adds them from fields.json when it loads the schema), for
//                yaml-language-server's validation and completion
//   history.json the first release of each field and apiVersion added within the releases compared, and the
//                maturity (alpha/beta, feature gate) the descriptions state
// Usage: node scripts/gen-kubernetes-data.mjs [rootDir]   (scripts/build.mjs runs it)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { clientNodeClassOf, packageDir, packageVersion, readClientNodeFields, readKubernetesModels, readKubernetesTypes } from './kubernetes-api-sources.mjs';
import { stringTable } from './stringTable.mjs';

const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
const require = createRequire(path.join(root, 'package.json'));
const ts = require('typescript');
const outDir = path.join(root, 'dist', 'kubernetes');

// Scalar aliases the declarations use for values with a wire format of their own.
const ALIASES = {
  'api.resource.Quantity': 'quantity', 'meta.v1.Time': 'time', 'meta.v1.MicroTime': 'time',
  // A CRD schema's `items` is one schema: the API server rejects the array (tuple) form in CRDs.
  'apiextensions.v1.JSONSchemaPropsOrArray': 'apiextensions.v1.JSONSchemaProps',
};

// The declarations type these fields as plain strings; the API accepts only these values (its +enum types). Kept
// here, short and checked against the API reference, so schema validation can flag a misspelt value and completion
// can offer the valid ones. Keys are TYPE.field with the type's qualified id.
const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
const PROFILE_TYPES = ['RuntimeDefault', 'Localhost', 'Unconfined'];
const ENUMS = {
  'core.v1.ServiceSpec.type': ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'],
  'core.v1.ServiceSpec.externalTrafficPolicy': ['Cluster', 'Local'],
  'core.v1.ServiceSpec.internalTrafficPolicy': ['Cluster', 'Local'],
  'core.v1.ServiceSpec.sessionAffinity': ['None', 'ClientIP'],
  'core.v1.ServiceSpec.ipFamilyPolicy': ['SingleStack', 'PreferDualStack', 'RequireDualStack'],
  'core.v1.ServicePort.protocol': PROTOCOLS,
  'core.v1.ContainerPort.protocol': PROTOCOLS,
  'core.v1.Container.imagePullPolicy': ['Always', 'IfNotPresent', 'Never'],
  'core.v1.Container.terminationMessagePolicy': ['File', 'FallbackToLogsOnError'],
  'core.v1.Container.restartPolicy': ['Always'],
  'core.v1.EphemeralContainer.imagePullPolicy': ['Always', 'IfNotPresent', 'Never'],
  'core.v1.PodSpec.restartPolicy': ['Always', 'OnFailure', 'Never'],
  'core.v1.PodSpec.dnsPolicy': ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'],
  'core.v1.PodSpec.preemptionPolicy': ['PreemptLowerPriority', 'Never'],
  'core.v1.PodSecurityContext.fsGroupChangePolicy': ['OnRootMismatch', 'Always'],
  'core.v1.SecurityContext.procMount': ['Default', 'Unmasked'],
  'core.v1.SeccompProfile.type': PROFILE_TYPES,
  'core.v1.AppArmorProfile.type': PROFILE_TYPES,
  'core.v1.HTTPGetAction.scheme': ['HTTP', 'HTTPS'],
  'core.v1.Toleration.operator': ['Exists', 'Equal'],
  'core.v1.Toleration.effect': ['NoSchedule', 'PreferNoSchedule', 'NoExecute'],
  'core.v1.Taint.effect': ['NoSchedule', 'PreferNoSchedule', 'NoExecute'],
  'core.v1.NodeSelectorRequirement.operator': ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'],
  'core.v1.TopologySpreadConstraint.whenUnsatisfiable': ['DoNotSchedule', 'ScheduleAnyway'],
  'core.v1.TopologySpreadConstraint.nodeAffinityPolicy': ['Honor', 'Ignore'],
  'core.v1.TopologySpreadConstraint.nodeTaintsPolicy': ['Honor', 'Ignore'],
  'core.v1.PersistentVolumeClaimSpec.accessModes[]': ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'],
  'core.v1.PersistentVolumeSpec.accessModes[]': ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'],
  'core.v1.PersistentVolumeClaimSpec.volumeMode': ['Filesystem', 'Block'],
  'core.v1.PersistentVolumeSpec.volumeMode': ['Filesystem', 'Block'],
  'core.v1.PersistentVolumeSpec.persistentVolumeReclaimPolicy': ['Retain', 'Delete', 'Recycle'],
  'core.v1.HostPathVolumeSource.type': ['', 'DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice'],
  'core.v1.VolumeMount.mountPropagation': ['None', 'HostToContainer', 'Bidirectional'],
  'apps.v1.DeploymentStrategy.type': ['RollingUpdate', 'Recreate'],
  'apps.v1.StatefulSetUpdateStrategy.type': ['RollingUpdate', 'OnDelete'],
  'apps.v1.DaemonSetUpdateStrategy.type': ['RollingUpdate', 'OnDelete'],
  'apps.v1.StatefulSetSpec.podManagementPolicy': ['OrderedReady', 'Parallel'],
  'apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy.whenDeleted': ['Retain', 'Delete'],
  'apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy.whenScaled': ['Retain', 'Delete'],
  'batch.v1.CronJobSpec.concurrencyPolicy': ['Allow', 'Forbid', 'Replace'],
  'batch.v1.JobSpec.completionMode': ['NonIndexed', 'Indexed'],
  'batch.v1.JobSpec.podReplacementPolicy': ['TerminatingOrFailed', 'Failed'],
  'networking.v1.HTTPIngressPath.pathType': ['Exact', 'Prefix', 'ImplementationSpecific'],
  'networking.v1.NetworkPolicySpec.policyTypes[]': ['Ingress', 'Egress'],
  'networking.v1.NetworkPolicyPort.protocol': PROTOCOLS,
  'policy.v1.PodDisruptionBudgetSpec.unhealthyPodEvictionPolicy': ['IfHealthyBudget', 'AlwaysAllow'],
  'storage.v1.StorageClass.reclaimPolicy': ['Retain', 'Delete', 'Recycle'],
  'storage.v1.StorageClass.volumeBindingMode': ['Immediate', 'WaitForFirstConsumer'],
  'autoscaling.v2.MetricSpec.type': ['Object', 'Pods', 'Resource', 'ContainerResource', 'External'],
  'autoscaling.v2.MetricTarget.type': ['Utilization', 'Value', 'AverageValue'],
  'autoscaling.v2.HPAScalingRules.selectPolicy': ['Max', 'Min', 'Disabled'],
  'autoscaling.v2.HPAScalingPolicy.type': ['Pods', 'Percent'],
  'apiextensions.v1.CustomResourceDefinitionSpec.scope': ['Namespaced', 'Cluster'],
  'admissionregistration.v1.ValidatingWebhook.failurePolicy': ['Ignore', 'Fail'],
  'admissionregistration.v1.MutatingWebhook.failurePolicy': ['Ignore', 'Fail'],
  'admissionregistration.v1.ValidatingWebhook.sideEffects': ['None', 'NoneOnDryRun', 'Some', 'Unknown'],
  'admissionregistration.v1.MutatingWebhook.sideEffects': ['None', 'NoneOnDryRun', 'Some', 'Unknown'],
  'admissionregistration.v1.ValidatingWebhook.matchPolicy': ['Exact', 'Equivalent'],
  'admissionregistration.v1.MutatingWebhook.matchPolicy': ['Exact', 'Equivalent'],
  'admissionregistration.v1.MutatingWebhook.reinvocationPolicy': ['Never', 'IfNeeded'],
};

// Fields the declarations leave out: in kubernetes-types 1.30 a field whose API description contains `*/` (as in
// `*/scale`) is dropped together with the field after it. Restored here with the API's types; descriptions ours.
const RESOURCES_DOC = 'Resources the rule applies to, lower-case and plural (`pods`, `deployments`); `pods/status` names a subresource, `*` every resource and `*/scale` the scale subresource of every resource.';
const SCOPE_DOC = 'Which resources the rule matches by scope: `Cluster` (cluster-scoped only), `Namespaced` (namespaced only) or `*` (both, the default).';
const SCOPES = ['*', 'Cluster', 'Namespaced'];
const MISSING_FIELDS = {
  'admissionregistration.v1.RuleWithOperations': { resources: ['[]string', RESOURCES_DOC], scope: ['string', SCOPE_DOC, SCOPES] },
  'admissionregistration.v1.NamedRuleWithOperations': { resources: ['[]string', RESOURCES_DOC], scope: ['string', SCOPE_DOC, SCOPES] },
  'admissionregistration.v1beta1.NamedRuleWithOperations': { resources: ['[]string', RESOURCES_DOC], scope: ['string', SCOPE_DOC, SCOPES] },
  'admissionregistration.v1alpha1.NamedRuleWithOperations': { resources: ['[]string', RESOURCES_DOC], scope: ['string', SCOPE_DOC, SCOPES] },
  // The `x-kubernetes-*` extensions of a CRD schema are missing from JSONSchemaProps altogether.
  'apiextensions.v1.JSONSchemaProps': {
    'x-kubernetes-embedded-resource': ['boolean', 'The value is a whole Kubernetes object: its apiVersion, kind and metadata are validated like any object\'s.'],
    'x-kubernetes-int-or-string': ['boolean', 'The value may be an integer or a string (a port number or name, a count or a percentage).'],
    'x-kubernetes-list-map-keys': ['[]string', 'With `x-kubernetes-list-type: map`: the item fields that identify an item; server-side apply merges items by them.'],
    'x-kubernetes-list-type': ['string', 'How server-side apply treats the list: `atomic` (replaced as a whole, the default), `set` (unique scalar items, merged) or `map` (items merged by x-kubernetes-list-map-keys).', ['atomic', 'set', 'map']],
    'x-kubernetes-map-type': ['string', 'How server-side apply treats the object: `granular` (field by field, the default) or `atomic` (replaced as a whole).', ['granular', 'atomic']],
    'x-kubernetes-preserve-unknown-fields': ['boolean', 'Keep fields this schema does not list instead of pruning them when the object is stored.'],
    'x-kubernetes-validations': ['[]apiextensions.v1.ValidationRule', 'CEL rules the API server checks on this value (`rule`, `message`), beyond what the schema can say.'],
  },
  'authorization.v1.ResourceRule': {
    resources: ['[]string', 'Resources the rule covers in the listed API groups; `*` means all of them and `*/foo` the subresource `foo` of all of them.'],
    verbs: ['[]string', 'API verbs allowed on those resources (`get`, `list`, `watch`, `create`, `update`, `patch`, `delete`); `*` means all.', undefined, true],
  },
};

// Fields the API documents nowhere (mostly the JSON-schema vocabulary of CRDs), described in our own words.
const OWN_DESCRIPTIONS = {
  'networking.v1.IngressRule.http': 'HTTP routing for this host: a list of paths, each sending matching requests to a backend Service port.',
  'core.v1.PodDNSConfigOption.value': 'Value of the resolver option, for options that take one (`ndots: "2"`).',
  'certificates.v1.CertificateSigningRequest.metadata': "The object's name, labels and annotations.",
  'apiextensions.v1.ExternalDocumentation.description': 'What the linked documentation covers.',
  'apiextensions.v1.ExternalDocumentation.url': 'Where the documentation is.',
  'apiextensions.v1.JSONSchemaProps.type': 'JSON type of the value: `object`, `array`, `string`, `integer`, `number` or `boolean`.',
  'apiextensions.v1.JSONSchemaProps.properties': 'Schema of each known key of an object.',
  'apiextensions.v1.JSONSchemaProps.required': 'Keys an object must have.',
  'apiextensions.v1.JSONSchemaProps.description': 'Text explaining the value; `kubectl explain` shows it.',
  'apiextensions.v1.JSONSchemaProps.items': 'Schema of the items of an array.',
  'apiextensions.v1.JSONSchemaProps.additionalProperties': 'Schema of the values of keys not listed in properties (a map), or false to forbid other keys.',
  'apiextensions.v1.JSONSchemaProps.enum': 'The only values allowed.',
  'apiextensions.v1.JSONSchemaProps.pattern': 'Regular expression a string must match.',
  'apiextensions.v1.JSONSchemaProps.minimum': 'Smallest number allowed.',
  'apiextensions.v1.JSONSchemaProps.maximum': 'Largest number allowed.',
  'apiextensions.v1.JSONSchemaProps.exclusiveMinimum': 'Whether minimum itself is excluded.',
  'apiextensions.v1.JSONSchemaProps.exclusiveMaximum': 'Whether maximum itself is excluded.',
  'apiextensions.v1.JSONSchemaProps.minLength': 'Shortest string allowed.',
  'apiextensions.v1.JSONSchemaProps.maxLength': 'Longest string allowed.',
  'apiextensions.v1.JSONSchemaProps.minItems': 'Fewest array items allowed.',
  'apiextensions.v1.JSONSchemaProps.maxItems': 'Most array items allowed.',
  'apiextensions.v1.JSONSchemaProps.uniqueItems': 'Whether array items must all differ (not allowed in CRD schemas; use x-kubernetes-list-type: set).',
  'apiextensions.v1.JSONSchemaProps.minProperties': 'Fewest keys an object may have.',
  'apiextensions.v1.JSONSchemaProps.maxProperties': 'Most keys an object may have.',
  'apiextensions.v1.JSONSchemaProps.multipleOf': 'The number must be a multiple of this.',
  'apiextensions.v1.JSONSchemaProps.nullable': 'Whether null is accepted (and kept) as the value.',
  'apiextensions.v1.JSONSchemaProps.allOf': 'The value must match every one of these schemas.',
  'apiextensions.v1.JSONSchemaProps.anyOf': 'The value must match at least one of these schemas.',
  'apiextensions.v1.JSONSchemaProps.oneOf': 'The value must match exactly one of these schemas.',
  'apiextensions.v1.JSONSchemaProps.not': 'The value must not match this schema.',
  'apiextensions.v1.JSONSchemaProps.title': 'Short title of the value.',
  'apiextensions.v1.JSONSchemaProps.example': 'An example value, for documentation.',
  'apiextensions.v1.JSONSchemaProps.externalDocs': 'Link to further documentation.',
  'apiextensions.v1.JSONSchemaProps.patternProperties': 'Schemas of keys matching regular expressions.',
  'apiextensions.v1.JSONSchemaProps.definitions': 'Named schemas (not allowed in CRD schemas, which cannot use $ref).',
  'apiextensions.v1.JSONSchemaProps.dependencies': 'Keys or schemas required when a given key is present.',
  'apiextensions.v1.JSONSchemaProps.additionalItems': 'Schema of array items beyond those listed in items (not allowed in CRD schemas).',
  'apiextensions.v1.JSONSchemaProps.$ref': 'Reference to another schema (not allowed in CRD schemas).',
  'apiextensions.v1.JSONSchemaProps.$schema': 'JSON Schema dialect (not allowed in CRD schemas).',
  'apiextensions.v1.JSONSchemaProps.id': 'Schema id (not allowed in CRD schemas).',
};
// Which Kubernetes release each kubernetes-models minor carries (its CHANGELOG: 5.0.0 "Update to Kubernetes v1.36.0",
// 4.5.0 "Update schema version to v1.33.0"); the package itself does not say.
const MODELS_RELEASES = { '5.1': '1.36', '5.0': '1.36', '4.5': '1.33' };
const modelsRelease = (dir) => {
  const version = packageVersion(dir);
  const release = MODELS_RELEASES[version.split('.').slice(0, 2).join('.')];
  if (!release) throw new Error(`gen-kubernetes-data: which Kubernetes release does kubernetes-models ${version} carry? Add it to MODELS_RELEASES (from its CHANGELOG).`);
  return release;
};

// The newest API: kubernetes-models. kubernetes-types 1.30 adds what that package leaves out (it carries only what a
// default cluster serves: no alpha API versions) and the descriptions it lacks.
const modelsDir = packageDir('kubernetes-models', root);
const newestRelease = modelsRelease(modelsDir);
const newest = readKubernetesModels(ts, modelsDir, ALIASES);
const typesDir = packageDir('kubernetes-types', root);
const olderTypes = readKubernetesTypes(ts, typesDir, ALIASES);
const types = new Map(newest);
for (const [id, t] of olderTypes) {
  const current = types.get(id);
  if (!current) { types.set(id, t); continue; }
  if (!current.doc && t.doc) current.doc = t.doc;
  for (const p of current.props ?? []) {
    const before = t.props?.find((o) => o.name === p.name);
    if (!p.doc && before?.doc) p.doc = before.doc;
  }
}

// kubernetes-models also carries the beta API versions removed long ago (it merges the API data of old releases):
// they are left out, as kubernetes-types 1.30 left them out, so a removed version is still described by the version
// that replaced it (and reported by api-version-removed). Then only the types the remaining kinds use stay.
const kindOfType = (t) => {
  const kind = t.props?.find((p) => p.name === 'kind')?.type;
  const apiVersion = t.props?.find((p) => p.name === 'apiVersion')?.type;
  return kind?.startsWith('=') && apiVersion?.startsWith('=') ? { apiVersion: apiVersion.slice(1), kind: kind.slice(1) } : undefined;
};
const oldKinds = new Set([...olderTypes.values()].map(kindOfType).filter(Boolean).map((k) => `${k.apiVersion} ${k.kind}`));
for (const [id, t] of newest) {
  const k = kindOfType(t);
  if (k && /\/v\d+(alpha|beta)\d+$/.test(k.apiVersion) && !oldKinds.has(`${k.apiVersion} ${k.kind}`)) types.delete(id);
}
{
  const reachable = new Set();
  const visit = (id) => {
    if (reachable.has(id) || !types.has(id)) return;
    reachable.add(id);
    const t = types.get(id);
    for (const ref of [t.alias, ...(t.props ?? []).map((p) => p.type)]) if (ref) visit(ref.replace(/^(\[\]|\{\})+/, '').replace(/\|boolean$/, ''));
  };
  for (const [id, t] of types) if (kindOfType(t) || olderTypes.has(id)) visit(id);
  for (const id of [...types.keys()]) if (!reachable.has(id)) { types.delete(id); newest.delete(id); }
}

// kubernetes-models appends "Possible enum values:" and one line per value to a description; the values become the
// field's enum, so only the lines that explain a value stay.
for (const t of types.values()) {
  for (const p of t.props ?? []) {
    p.doc = p.doc.split('\n').filter((line) => !/^\s*- `"[^"]*"`\s*$/.test(line)).join('\n').replace(/\n*Possible enum values:\s*$/, '').trim();
  }
}

for (const [id, fields] of Object.entries(MISSING_FIELDS)) {
  const t = types.get(id);
  if (!t?.props) throw new Error(`gen-kubernetes-data: ${id} is not a declared type`);
  for (const [name, [type, doc, , required]] of Object.entries(fields)) {
    // Declared by the newer package: keep its type, and our description where it has none.
    const declared = t.props.find((p) => p.name === name);
    if (declared) { declared.doc ||= doc; continue; }
    t.props.push({ name, type, doc, required: !!required, readonly: false });
  }
  t.props.sort((a, b) => a.name.localeCompare(b.name));
}
for (const [key, doc] of Object.entries(OWN_DESCRIPTIONS)) {
  const [, id, name] = /^(.*)\.([^.]+)$/.exec(key);
  const prop = types.get(id)?.props?.find((p) => p.name === name);
  if (!prop) throw new Error(`gen-kubernetes-data: ${key} is not a declared field`);
  prop.doc ||= doc;
}

// Field and apiVersion history: which release first has each field, from the API data of older releases carried by
// other registry packages (oldest first). A release with no package is skipped, so a field first seen in 1.32 data but
// missing from 1.30 data is known only to be "after 1.30" (src/core/schema/fieldHistory.ts turns that into a message).
const HISTORY_SOURCES = [
  { package: 'kubernetes-types-1.29', format: 'types' },
  { package: 'kubernetes-types', format: 'types' },
  { package: 'kubernetes-client-1.32', format: 'client-node' },
  { package: 'kubernetes-models-1.33', format: 'models' },
  { package: 'kubernetes-client-1.34', format: 'client-node' },
];
const history = HISTORY_SOURCES.map((source) => {
  const dir = packageDir(source.package, root);
  if (source.format === 'client-node') {
    const { release, classes } = readClientNodeFields(dir);
    return { ...source, release, fieldsOf: (id) => { const c = clientNodeClassOf(id, classes); return c ? classes.get(c) : undefined; } };
  }
  const data = source.format === 'types' ? (dir === typesDir ? olderTypes : readKubernetesTypes(ts, dir, ALIASES)) : readKubernetesModels(ts, dir, ALIASES);
  const release = source.format === 'types' ? packageVersion(dir).split('.').slice(0, 2).join('.') : modelsRelease(dir);
  // kubernetes-models carries only the API versions a default cluster serves: its missing alpha/beta kinds say nothing.
  const kindsOf = new Set([...data.values()].flatMap((t) => {
    const kind = t.props?.find((p) => p.name === 'kind')?.type;
    const apiVersion = t.props?.find((p) => p.name === 'apiVersion')?.type;
    return kind?.startsWith('=') && apiVersion?.startsWith('=') ? [`${apiVersion.slice(1)} ${kind.slice(1)}`] : [];
  }));
  return { ...source, release, kindsOf, allVersions: source.format === 'types', fieldsOf: (id) => { const t = data.get(id); return t?.props ? new Set(t.props.map((p) => p.name)) : undefined; } };
}).concat([{ release: newestRelease, newest: true, allVersions: false, fieldsOf: (id) => new Set(newest.get(id)?.props?.map((p) => p.name) ?? []) }]);
const minorOf = (release) => Number(release.split('.')[1]);
for (let i = 1; i < history.length; i++) {
  if (minorOf(history[i].release) <= minorOf(history[i - 1].release)) throw new Error(`gen-kubernetes-data: history sources out of order at ${history[i].package ?? 'kubernetes-models'} (${history[i].release})`);
}

/** [first release with it, newest release known without it] for a field the oldest source lacks; undefined if unknown. */
function fieldSince(typeId, name, allNames) {
  let lastAbsent;
  for (const source of history) {
    // kubernetes-types drops some fields (MISSING_FIELDS): its silence about them says nothing.
    if (source.format === 'types' && MISSING_FIELDS[typeId]?.[name]) continue;
    const names = source.fieldsOf(typeId);
    // A source that does not have the type, or whose type shares few fields with the newest (another type of the same
    // name), tells nothing.
    if (!names || names.size === 0 || [...names].filter((n) => allNames.has(n)).length * 2 < names.size) continue;
    if (names.has(name)) return lastAbsent ? [source.release, lastAbsent] : undefined;
    lastAbsent = source.release;
  }
  return undefined;
}

const oldGroups = new Set([...oldKinds].map((k) => k.split(' ')[0].replace(/\/?[^/]*$/, '')));
/** [first release serving it, newest release known not to] for an apiVersion/kind the oldest source lacks. */
function kindSince(apiVersion, kind, servedNow) {
  let lastAbsent;
  // Beta and alpha versions come and go (the apiVersion rules judge removals); kubernetes-types has no apiregistration.
  if (/v\d+(alpha|beta)\d+$/.test(apiVersion) || !oldGroups.has(apiVersion.replace(/\/?[^/]*$/, ''))) return undefined;
  for (const source of history) {
    if (!source.kindsOf && !source.newest) continue; // client-node's classes do not say which apiVersion serves them
    const served = source.kindsOf ? source.kindsOf.has(`${apiVersion} ${kind}`) : servedNow;
    if (served) return lastAbsent ? [source.release, lastAbsent] : undefined;
    lastAbsent = source.release;
  }
  return undefined;
}

/** The API's own wording of a field's maturity: "This is an alpha field and requires enabling the X feature gate." */
function stageOf(doc) {
  const stage = /\b(alpha|beta)(?:[- ]level)? (?:field|feature)\b|\bThis field is (alpha|beta)\b|\bis an? (alpha|beta)\b/i.exec(doc);
  const gate = /`?\b([A-Z][A-Za-z0-9]+)`? feature[- ]gate/.exec(doc)?.[1];
  const level = stage && (stage[1] ?? stage[2] ?? stage[3]).toLowerCase();
  return level || gate ? { ...(level ? { stage: level } : {}), ...(gate ? { gate } : {}) } : undefined;
}

// Type aliases are inlined (Quantity, Time, the JSONSchemaProps unions): fields point at scalars or object types only.
const resolveAlias = (type, depth = 0) => {
  if (depth > 5) return 'any';
  const prefix = /^(\[\]|\{\})/.exec(type)?.[0];
  if (prefix) return prefix + resolveAlias(type.slice(2), depth + 1);
  const target = types.get(type);
  return target?.alias ? resolveAlias(target.alias, depth + 1) : type;
};

// Kinds: interfaces whose `kind` is a string literal and whose `apiVersion` is one too.
const kinds = {};
for (const t of types.values()) {
  const kind = t.props?.find((p) => p.name === 'kind')?.type;
  const apiVersion = t.props?.find((p) => p.name === 'apiVersion')?.type;
  if (!kind?.startsWith('=') || !apiVersion?.startsWith('=')) continue;
  (kinds[apiVersion.slice(1)] ??= {})[kind.slice(1)] = t.id;
}

// fields.json: descriptions go into one string table (the apiVersion/kind/metadata texts repeat hundreds of times).
const { strings, str } = stringTable();
const enumOf = (typeId, prop) => ENUMS[`${typeId}.${prop.name}`] ?? ENUMS[`${typeId}.${prop.name}[]`] ?? MISSING_FIELDS[typeId]?.[prop.name]?.[2] ?? prop.enum;
const fieldTypes = {};
let fieldCount = 0;
for (const t of types.values()) {
  if (!t.props) continue;
  const props = {};
  for (const p of t.props) {
    const entry = [resolveAlias(p.type), str(p.doc), (p.required ? 1 : 0) | (p.readonly ? 2 : 0)];
    const values = enumOf(t.id, p);
    if (values) entry.push(values);
    props[p.name] = entry;
    fieldCount++;
  }
  fieldTypes[t.id] = { n: t.name, d: str(t.doc), p: props };
}
const unusedEnums = Object.keys(ENUMS).filter((k) => {
  const [, typeId, field] = /^(.*)\.([^.]+?)(\[\])?$/.exec(k) ?? [];
  return !fieldTypes[typeId]?.p[field];
});
if (unusedEnums.length) throw new Error(`gen-kubernetes-data: enum entries name no field: ${unusedEnums.join(', ')}`);

fs.mkdirSync(outDir, { recursive: true });
const fieldsJson = JSON.stringify({ format: 1, kubernetes: `${newestRelease}.0`, strings, types: fieldTypes, kinds });
fs.writeFileSync(path.join(outDir, 'fields.json'), fieldsJson);

// history.json (read by src/core/schema/fieldHistory.ts): since when each recent field and apiVersion exists, and the
// maturity its description states. `[since, after]`: first release whose data has it, newest release known without it
// (the release before `since` when every release in between has data).
const fieldSinceTable = {};
const stageTable = {};
for (const t of newest.values()) {
  if (!t.props) continue;
  const names = new Set(t.props.map((p) => p.name));
  for (const p of t.props) {
    const since = fieldSince(t.id, p.name, names);
    if (since) (fieldSinceTable[t.id] ??= {})[p.name] = since;
    // Old fields keep claims like "beta-level in 1.8": only recent or gated fields get their maturity recorded.
    const stage = stageOf(p.doc);
    if (stage && (since || stage.gate)) (stageTable[t.id] ??= {})[p.name] = [stage.stage ?? '', stage.gate ?? ''];
  }
}
const kindSinceTable = {};
for (const [apiVersion, byKind] of Object.entries(kinds)) {
  for (const kind of Object.keys(byKind)) {
    const since = kindSince(apiVersion, kind, newest.has(byKind[kind]));
    if (since) kindSinceTable[`${apiVersion} ${kind}`] = since;
  }
}
const historyJson = JSON.stringify({
  format: 1, newest: newestRelease, releases: history.map((h) => h.release), fields: fieldSinceTable, stages: stageTable, kinds: kindSinceTable,
});
fs.writeFileSync(path.join(outDir, 'history.json'), historyJson);

// schema.json is built from fields.json and our custom-resource docs by the product's own code
// (src/core/schema/jsonSchema.ts), so the type → JSON schema mapping has one home.
const { build } = require('esbuild');
const bundled = await build({
  stdin: { contents: "export { buildKubernetesJsonSchema } from './src/core/schema/jsonSchema'; export { setKubernetesDataDir } from './src/core/schema/builtInData';", resolveDir: root, loader: 'ts' },
  bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'warning',
});
const schemaModule = { exports: {} };
new Function('module', 'exports', 'require', '__dirname', bundled.outputFiles[0].text)(schemaModule, schemaModule.exports, require, outDir);
schemaModule.exports.setKubernetesDataDir(outDir);
const schemaJson = JSON.stringify(schemaModule.exports.buildKubernetesJsonSchema());
fs.writeFileSync(path.join(outDir, 'schema.json'), schemaJson);
const kindCount = Object.values(kinds).reduce((n, k) => n + Object.keys(k).length, 0);
const kb = (s) => `${(Buffer.byteLength(s) / 1024).toFixed(0)} KB`;
const recent = Object.values(fieldSinceTable).reduce((n, f) => n + Object.keys(f).length, 0);
console.log(`gen-kubernetes-data: kubernetes-models ${packageVersion(modelsDir)} (Kubernetes ${newestRelease}) + kubernetes-types ${packageVersion(typesDir)}: ${kindCount} kinds, ${Object.keys(fieldTypes).length} types, ${fieldCount} fields; history from ${history.map((h) => h.release).join(', ')}: ${recent} recent fields; fields.json ${kb(fieldsJson)}, schema.json ${kb(schemaJson)}, history.json ${kb(historyJson)}`);
