// Generates dist/crds/fields.json: field docs of the common custom resources (Gateway API, cert-manager, Prometheus
// operator, Argo, Flux, Istio, KEDA, Karpenter, External Secrets, Sealed Secrets, Knative), read at build time from
// the @kubernetes-models/* packages' declarations (one .d.ts per kind or type, JSDoc descriptions, inline object
// types for nested fields). Same format as dist/kubernetes/fields.json (src/core/schema/builtInData.ts reads both);
// type ids start with `crd.` so they never clash with built-in ones. Usage: node scripts/gen-crd-data.mjs [root]
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { packageDir, packageVersion } from './kubernetes-api-sources.mjs';
import { stringTable } from './stringTable.mjs';

const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
const require = createRequire(path.join(root, 'package.json'));
const ts = require('typescript');
const outDir = path.join(root, 'dist', 'crds');

/** The packages read, with the project whose CRDs they carry (README credits these). */
const CRD_PACKAGES = [
  // package, project, the project's API reference, the licence of the project's CRDs (the package itself is MIT)
  ['@kubernetes-models/gateway-api', 'Gateway API', 'https://gateway-api.sigs.k8s.io/reference/spec/', 'Apache-2.0'],
  ['@kubernetes-models/cert-manager', 'cert-manager', 'https://cert-manager.io/docs/reference/api-docs/', 'Apache-2.0'],
  ['@kubernetes-models/prometheus-operator', 'Prometheus operator', 'https://prometheus-operator.dev/docs/api-reference/api/', 'Apache-2.0'],
  ['@kubernetes-models/argo-cd', 'Argo CD', 'https://argo-cd.readthedocs.io/en/stable/operator-manual/declarative-setup/', 'Apache-2.0'],
  ['@kubernetes-models/argo-rollouts', 'Argo Rollouts', 'https://argo-rollouts.readthedocs.io/en/stable/features/specification/', 'Apache-2.0'],
  ['@kubernetes-models/argo-workflows', 'Argo Workflows', 'https://argo-workflows.readthedocs.io/en/latest/fields/', 'Apache-2.0'],
  ['@kubernetes-models/flux-cd', 'Flux', 'https://fluxcd.io/flux/components/', 'Apache-2.0'],
  ['@kubernetes-models/istio', 'Istio', 'https://istio.io/latest/docs/reference/config/', 'Apache-2.0'],
  ['@kubernetes-models/keda', 'KEDA', 'https://keda.sh/docs/latest/reference/scaledobject-spec/', 'Apache-2.0'],
  ['@kubernetes-models/karpenter', 'Karpenter', 'https://karpenter.sh/docs/concepts/', 'Apache-2.0'],
  ['@kubernetes-models/external-secrets', 'External Secrets', 'https://external-secrets.io/latest/api/spec/', 'Apache-2.0'],
  ['@kubernetes-models/sealed-secrets', 'Sealed Secrets', 'https://github.com/bitnami-labs/sealed-secrets#readme', 'Apache-2.0'],
  ['@kubernetes-models/knative', 'Knative', 'https://knative.dev/docs/reference/api/', 'Apache-2.0'],
];

// Scalar aliases the declarations use for values with a wire format of their own (as gen-kubernetes-data.mjs).
const ALIASES = { 'api.resource.Quantity': 'quantity', 'meta.v1.Time': 'time', 'meta.v1.MicroTime': 'time', 'util.intstr.IntOrString': 'int-or-string' };

const docOf = (node) => (ts.getJSDocCommentsAndTags(node) ?? [])
  .filter(ts.isJSDoc).map((d) => (typeof d.comment === 'string' ? d.comment : ts.getTextOfJSDocComment(d.comment) ?? '')).join('\n')
  .replace(/\n +/g, '\n').trim();

function declarationFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const f = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : declarationFiles(f);
    return e.name.endsWith('.d.ts') && e.name !== 'index.d.ts' ? [f] : [];
  });
}

/** `v1/Pod` (kubernetes-models), `apis/meta/v1/ObjectMeta` (apimachinery) → our built-in type ids. */
function builtInIdOf(from) {
  const machinery = /^@kubernetes-models\/apimachinery\/(?:apis\/)?(.+?)(?:\.js)?$/.exec(from);
  if (machinery) return machinery[1].split('/').join('.');
  const models = /^kubernetes-models\/(.+?)(?:\.js)?$/.exec(from);
  if (!models) return undefined;
  const parts = models[1].split('/');
  if (parts[0] === 'apimachinery') return `${parts.slice(3).join('.')}`;
  return parts.length === 2 ? `core.${parts.join('.')}` : `${parts[0].split('.')[0]}.${parts.slice(1).join('.')}`;
}

const types = {};
const kinds = {};
const sources = [];
const resolveAlias = (type) => type.replace(/^((?:\[\]|\{\})*)(.*)$/, (_m, prefix, rest) => prefix + (ALIASES[rest] ?? rest));

for (const [name, project, docs, upstreamLicense] of CRD_PACKAGES) {
  const dir = packageDir(name, root);
  const groups = new Set();
  const pending = [];
  for (const file of declarationFiles(dir)) {
    const relative = path.relative(dir, file).replace(/\.d\.ts$/, '');
    const fileId = `crd.${relative.split(path.sep).join('.')}`;
    const base = path.basename(relative);
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const imports = new Map();
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement)) continue;
      const from = statement.moduleSpecifier.text;
      const target = from.startsWith('.')
        ? `crd.${path.relative(dir, path.resolve(path.dirname(file), from.replace(/\.js$/, ''))).split(path.sep).join('.')}`
        : builtInIdOf(from);
      if (target) for (const element of statement.importClause?.namedBindings?.elements ?? []) imports.set(element.name.text, target);
    }
    // Nested inline object types become types of their own: `<owner id>.<Field>`.
    const typeOf = (node, ownerId, ownerName, field) => {
      if (!node) return { type: 'any' };
      switch (node.kind) {
        case ts.SyntaxKind.StringKeyword: return { type: 'string' };
        case ts.SyntaxKind.NumberKeyword: return { type: 'number' };
        case ts.SyntaxKind.BooleanKeyword: return { type: 'boolean' };
        case ts.SyntaxKind.AnyKeyword: case ts.SyntaxKind.UnknownKeyword: case ts.SyntaxKind.ObjectKeyword: return { type: 'any' };
      }
      if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) return { type: `=${node.literal.text}` };
      if (ts.isParenthesizedTypeNode(node)) return typeOf(node.type, ownerId, ownerName, field);
      if (ts.isArrayTypeNode(node)) return list(typeOf(node.elementType, ownerId, ownerName, field));
      // A oneOf schema is written `{...} & (Exclude<{...}, ...> | {...})`: every branch's keys are fields (optional).
      if (ts.isIntersectionTypeNode(node) || (ts.isUnionTypeNode(node) && node.types.some((t) => ts.isTypeLiteralNode(t) && t.members.some(ts.isPropertySignature)))) {
        const id = `${ownerId}.${field}`;
        declare(id, `${ownerName}${field[0].toUpperCase()}${field.slice(1)}`, '', literalMembers(node, ts.isUnionTypeNode(node)));
        return { type: id };
      }
      if (ts.isUnionTypeNode(node)) {
        const members = node.types.filter((t) => !(ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword));
        const literals = members.every((t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal));
        if (literals && members.length > 1) return { type: 'string', enum: members.map((t) => t.literal.text) };
        if (members.length === 1) return typeOf(members[0], ownerId, ownerName, field);
        const parts = members.map((t) => typeOf(t, ownerId, ownerName, field).type).sort();
        if (parts.join('|') === 'number|string') return { type: 'int-or-string' };
        return { type: 'any' };
      }
      if (ts.isTypeLiteralNode(node)) {
        const index = node.members.find(ts.isIndexSignatureDeclaration);
        if (index) return { type: `{}${typeOf(index.type, ownerId, ownerName, field).type}` };
        if (!node.members.some(ts.isPropertySignature)) return { type: 'object' };
        const id = `${ownerId}.${field}`;
        const typeName = `${ownerName}${field[0].toUpperCase()}${field.slice(1)}`;
        declare(id, typeName, '', node.members);
        return { type: id };
      }
      if (ts.isTypeReferenceNode(node)) {
        const ref = node.typeName.getText(source);
        if (ref === 'Array' && node.typeArguments?.length === 1) return list(typeOf(node.typeArguments[0], ownerId, ownerName, field));
        if (ref === 'Record' && node.typeArguments?.length === 2) return { type: `{}${typeOf(node.typeArguments[1], ownerId, ownerName, field).type}` };
        const imported = imports.get(ref);
        if (imported) return { type: imported };
        // A type of this file: its main interface `I<file name>`, or a local one.
        return { type: ref === `I${base}` ? fileId : `${fileId}.${ref.replace(/^I/, '')}` };
      }
      return { type: 'any' };
    };
    const literalMembers = (node, optional) => {
      if (ts.isTypeLiteralNode(node)) return node.members.filter(ts.isPropertySignature).map((member) => ({ member, optional }));
      if (ts.isParenthesizedTypeNode(node)) return literalMembers(node.type, optional);
      if (ts.isIntersectionTypeNode(node)) return node.types.flatMap((t) => literalMembers(t, optional));
      if (ts.isUnionTypeNode(node)) return node.types.flatMap((t) => literalMembers(t, true));
      if (ts.isTypeReferenceNode(node) && node.typeName.getText(source) === 'Exclude' && node.typeArguments?.length) return literalMembers(node.typeArguments[0], true);
      return [];
    };
    const list = (item) => ({ type: `[]${item.type}`, ...(item.enum ? { enum: item.enum } : {}) });
    /** `members`: property signatures, or `{ member, optional }` (a oneOf branch's keys are never required). */
    const declare = (id, typeName, doc, members) => {
      const props = [];
      for (const item of members) {
        const member = item.member ?? item;
        if (!ts.isPropertySignature(member)) continue;
        const field = ts.isStringLiteral(member.name) ? member.name.text : member.name.getText(source);
        if (props.some((p) => p.name === field)) continue;
        const { type, enum: values } = typeOf(member.type, id, typeName, field);
        props.push({ name: field, type, doc: docOf(member), required: !member.questionToken && !item.optional, ...(values ? { enum: values } : {}) });
      }
      pending.push({ id, name: typeName, doc, props });
    };
    for (const statement of source.statements) {
      if (ts.isInterfaceDeclaration(statement)) {
        const local = statement.name.text.replace(/^I/, '');
        const id = statement.name.text === `I${base}` ? fileId : `${fileId}.${local}`;
        declare(id, local === base ? base : local, docOf(statement), statement.members);
      } else if (ts.isTypeAliasDeclaration(statement) && statement.name.text === `I${base}`) {
        pending.push({ id: fileId, name: base, doc: docOf(statement), alias: typeOf(statement.type, fileId, base, 'value').type });
      }
    }
  }
  for (const t of pending) {
    types[t.id] = t;
    const kind = t.props?.find((p) => p.name === 'kind')?.type;
    const apiVersion = t.props?.find((p) => p.name === 'apiVersion')?.type;
    if (!kind?.startsWith('=') || !apiVersion?.startsWith('=') || !apiVersion.includes('/') || kind.endsWith('List')) continue;
    (kinds[apiVersion.slice(1)] ??= {})[kind.slice(1)] = t.id;
    groups.add(apiVersion.slice(1, apiVersion.indexOf('/')));
  }
  const license = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).license;
  sources.push({ package: name, version: packageVersion(dir), license, upstreamLicense, project, docs, groups: [...groups].sort() });
}

// Aliases (`IFoo = string`) are inlined into the fields that use them.
const aliasOf = (type, seen = 0) => {
  const [, prefix, rest] = /^((?:\[\]|\{\})*)(.*)$/.exec(type);
  const target = types[rest];
  if (target?.alias && seen < 8) return prefix + aliasOf(target.alias, seen + 1);
  return prefix + resolveAlias(rest);
};

const { strings, str } = stringTable();
const fieldTypes = {};
let fieldCount = 0;
for (const t of Object.values(types)) {
  if (!t.props) continue;
  const props = {};
  for (const p of t.props) {
    const entry = [aliasOf(p.type), str(p.doc), p.required ? 1 : 0];
    if (p.enum) entry.push(p.enum);
    props[p.name] = entry;
    fieldCount++;
  }
  fieldTypes[t.id] = { n: t.name, d: str(t.doc), p: props };
}

fs.mkdirSync(outDir, { recursive: true });
const json = JSON.stringify({ format: 1, kubernetes: '', sources, strings, types: fieldTypes, kinds });
fs.writeFileSync(path.join(outDir, 'fields.json'), json);
const kindCount = Object.values(kinds).reduce((n, k) => n + Object.keys(k).length, 0);
console.log(`gen-crd-data: ${sources.length} packages, ${kindCount} kinds, ${Object.keys(fieldTypes).length} types, ${fieldCount} fields; fields.json ${(Buffer.byteLength(json) / 1024).toFixed(0)} KB`);
