// Build-time generator for the Kubernetes API data the extension ships (never fetched at run time).
// Reads the declarations of the `kubernetes-types` package (one .d.ts per API group/version; their JSDoc carries the
// API's own field descriptions) with the TypeScript compiler API and writes into dist/kubernetes/:
//   fields.json  field docs: every type's fields with their type, description, required/read-only flags and enum
//                values, plus which type each apiVersion/kind is (read by src/core/schema/apiData.ts)
//   schema.json  a JSON schema (draft-07) with one definition per API type (and per custom resource type we document)
//                but no descriptions (the language server adds them from fields.json when it loads the schema), for
//                yaml-language-server's validation and completion
// Usage: node scripts/gen-kubernetes-data.mjs [rootDir]   (scripts/build.mjs runs it)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
const require = createRequire(path.join(root, 'package.json'));
const ts = require('typescript');
const typesDir = path.dirname(require.resolve('kubernetes-types/package.json'));
const typesVersion = JSON.parse(fs.readFileSync(path.join(typesDir, 'package.json'), 'utf8')).version;
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

/** One .d.ts file → its types: `{ id, name, doc, props: [{ name, type, doc, required, readonly }] }`. */
function readDeclarations(file, moduleId) {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const imports = new Map();
  const types = [];
  const docOf = (node) => (ts.getJSDocCommentsAndTags(node) ?? [])
    .filter(ts.isJSDoc).map((d) => (typeof d.comment === 'string' ? d.comment : ts.getTextOfJSDocComment(d.comment) ?? '')).join('\n').trim();
  const typeOf = (node) => {
    if (!node) return 'any';
    switch (node.kind) {
      case ts.SyntaxKind.StringKeyword: return 'string';
      case ts.SyntaxKind.NumberKeyword: return 'number';
      case ts.SyntaxKind.BooleanKeyword: return 'boolean';
      case ts.SyntaxKind.AnyKeyword: case ts.SyntaxKind.UnknownKeyword: return 'any';
    }
    if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) return `=${node.literal.text}`;
    if (ts.isArrayTypeNode(node)) return `[]${typeOf(node.elementType)}`;
    if (ts.isParenthesizedTypeNode(node)) return typeOf(node.type);
    if (ts.isUnionTypeNode(node)) {
      const parts = node.types.map(typeOf).sort();
      if (parts.join('|') === 'number|string') return 'int-or-string';
      return parts.includes('boolean') && parts.length === 2 ? parts.find((p) => p !== 'boolean') + '|boolean' : 'any';
    }
    if (ts.isTypeLiteralNode(node)) {
      const index = node.members.find(ts.isIndexSignatureDeclaration);
      return index ? `{}${typeOf(index.type)}` : 'object';
    }
    if (ts.isTypeReferenceNode(node)) {
      const name = node.typeName.getText(source);
      if (name === 'Array' && node.typeArguments?.length === 1) return `[]${typeOf(node.typeArguments[0])}`;
      if (name === 'JSON') return 'any';
      return imports.get(name) ?? `${moduleId}.${name}`;
    }
    return 'any';
  };
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const from = statement.moduleSpecifier.text;
      const target = path.relative(typesDir, path.resolve(path.dirname(file), from)).split(path.sep).join('.');
      for (const element of statement.importClause?.namedBindings?.elements ?? []) imports.set(element.name.text, `${target}.${element.name.text}`);
    } else if (ts.isInterfaceDeclaration(statement)) {
      const props = [];
      for (const member of statement.members) {
        if (!ts.isPropertySignature(member)) continue;
        const name = ts.isStringLiteral(member.name) ? member.name.text : member.name.getText(source);
        const readonly = member.modifiers?.some((m) => m.kind === ts.SyntaxKind.ReadonlyKeyword) ?? false;
        props.push({ name, type: typeOf(member.type), doc: docOf(member), required: !member.questionToken, readonly });
      }
      types.push({ id: `${moduleId}.${statement.name.text}`, name: statement.name.text, doc: docOf(statement), props });
    } else if (ts.isTypeAliasDeclaration(statement)) {
      const id = `${moduleId}.${statement.name.text}`;
      types.push({ id, name: statement.name.text, doc: docOf(statement), alias: ALIASES[id] ?? typeOf(statement.type) });
    }
  }
  return types;
}

function declarationFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const f = path.join(dir, e.name);
    if (e.isDirectory()) return declarationFiles(f);
    return e.name.endsWith('.d.ts') ? [f] : [];
  });
}

const types = new Map();
for (const file of declarationFiles(typesDir)) {
  const moduleId = path.relative(typesDir, file).replace(/\.d\.ts$/, '').split(path.sep).join('.');
  for (const t of readDeclarations(file, moduleId)) types.set(t.id, t);
}
for (const [id, fields] of Object.entries(MISSING_FIELDS)) {
  const t = types.get(id);
  if (!t?.props) throw new Error(`gen-kubernetes-data: ${id} is not a declared type`);
  for (const [name, [type, doc, , required]] of Object.entries(fields)) {
    if (t.props.some((p) => p.name === name)) throw new Error(`gen-kubernetes-data: ${id}.${name} is declared now; drop it from MISSING_FIELDS`);
    t.props.push({ name, type, doc, required: !!required, readonly: false });
  }
  t.props.sort((a, b) => a.name.localeCompare(b.name));
}
for (const [key, doc] of Object.entries(OWN_DESCRIPTIONS)) {
  const [, id, name] = /^(.*)\.([^.]+)$/.exec(key);
  const prop = types.get(id)?.props?.find((p) => p.name === name);
  if (!prop) throw new Error(`gen-kubernetes-data: ${key} is not a declared field`);
  if (prop.doc) throw new Error(`gen-kubernetes-data: ${key} has an API description now; drop it from OWN_DESCRIPTIONS`);
  prop.doc = doc;
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
const strings = [];
const stringIndex = new Map();
const str = (s) => {
  if (!s) return -1;
  let i = stringIndex.get(s);
  if (i === undefined) { i = strings.length; strings.push(s); stringIndex.set(s, i); }
  return i;
};
const enumOf = (typeId, prop) => ENUMS[`${typeId}.${prop.name}`] ?? ENUMS[`${typeId}.${prop.name}[]`] ?? MISSING_FIELDS[typeId]?.[prop.name]?.[2];
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
const fieldsJson = JSON.stringify({ format: 1, kubernetes: typesVersion, strings, types: fieldTypes, kinds });
fs.writeFileSync(path.join(outDir, 'fields.json'), fieldsJson);

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
console.log(`gen-kubernetes-data: kubernetes-types ${typesVersion}: ${kindCount} kinds, ${Object.keys(fieldTypes).length} types, ${fieldCount} fields; fields.json ${kb(fieldsJson)}, schema.json ${kb(schemaJson)}`);
