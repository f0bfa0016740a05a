// Readers of the Kubernetes API data that registry packages carry, for scripts/gen-kubernetes-data.mjs (build time
// only). Each reader returns the same shape, keyed by our type ids (`core.v1.Container`, `apps.v1.DeploymentSpec`,
// `meta.v1.ObjectMeta`, `api.resource.Quantity`: the Go package path, without `api/` and `.k8s.io`):
//   Map<id, { id, name, doc, props?: [{ name, type, doc, required, readonly, enum? }], alias? }>
// - kubernetes-types (one .d.ts per group/version, JSDoc descriptions; one npm version per Kubernetes minor up to 1.30)
// - kubernetes-models (one .d.ts per type, JSDoc descriptions, string-literal unions for the API's enums; 5.x carries
//   Kubernetes 1.36.0, 4.5.x 1.33.0) with its @kubernetes-models/apimachinery
// - @kubernetes/client-node (one class per type, field names only: used to tell which release has which field)
import fs from 'node:fs';
import path from 'node:path';

/** The directory of package `name` as Node would find it from `fromDir` (nested node_modules first). */
export function packageDir(name, fromDir) {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`kubernetes-api-sources: package ${name} not found from ${fromDir}`);
  }
}

export const packageVersion = (dir) => JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;

function declarationFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const f = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === '_schemas' ? [] : declarationFiles(f);
    return e.name.endsWith('.d.ts') && e.name !== 'index.d.ts' ? [f] : [];
  });
}

/**
 * Type expressions (see src/core/schema/apiTypes.ts). `ref(name)` resolves a referenced type name to a type id.
 * A union of string literals is a string with those values (kubernetes-models writes the API's enums so).
 */
function typeReader(ts, source, ref) {
  const typeOf = (node) => {
    if (!node) return { type: 'any' };
    switch (node.kind) {
      case ts.SyntaxKind.StringKeyword: return { type: 'string' };
      case ts.SyntaxKind.NumberKeyword: return { type: 'number' };
      case ts.SyntaxKind.BooleanKeyword: return { type: 'boolean' };
      case ts.SyntaxKind.AnyKeyword: case ts.SyntaxKind.UnknownKeyword: return { type: 'any' };
    }
    if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) return { type: `=${node.literal.text}` };
    if (ts.isArrayTypeNode(node)) return list(typeOf(node.elementType));
    if (ts.isParenthesizedTypeNode(node)) return typeOf(node.type);
    if (ts.isUnionTypeNode(node)) {
      const literals = node.types.every((t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal));
      if (literals && node.types.length > 1) return { type: 'string', enum: node.types.map((t) => t.literal.text) };
      const parts = node.types.map((t) => typeOf(t).type).sort();
      if (parts.join('|') === 'number|string') return { type: 'int-or-string' };
      return { type: parts.includes('boolean') && parts.length === 2 ? parts.find((p) => p !== 'boolean') + '|boolean' : 'any' };
    }
    if (ts.isTypeLiteralNode(node)) {
      const index = node.members.find(ts.isIndexSignatureDeclaration);
      return { type: index ? `{}${typeOf(index.type).type}` : 'object' };
    }
    if (ts.isTypeReferenceNode(node)) {
      const name = node.typeName.getText(source);
      if (name === 'Array' && node.typeArguments?.length === 1) return list(typeOf(node.typeArguments[0]));
      if (name === 'JSON') return { type: 'any' };
      return { type: ref(name) };
    }
    return { type: 'any' };
  };
  const list = (item) => ({ type: `[]${item.type}`, ...(item.enum ? { enum: item.enum } : {}) });
  return typeOf;
}

const docOf = (ts, node) => (ts.getJSDocCommentsAndTags(node) ?? [])
  .filter(ts.isJSDoc).map((d) => (typeof d.comment === 'string' ? d.comment : ts.getTextOfJSDocComment(d.comment) ?? '')).join('\n').trim();

function propsOf(ts, source, declaration, typeOf) {
  const props = [];
  for (const member of declaration.members) {
    if (!ts.isPropertySignature(member)) continue;
    const name = ts.isStringLiteral(member.name) ? member.name.text : member.name.getText(source);
    const readonly = member.modifiers?.some((m) => m.kind === ts.SyntaxKind.ReadonlyKeyword) ?? false;
    const { type, enum: values } = typeOf(member.type);
    props.push({ name, type, doc: docOf(ts, member), required: !member.questionToken, readonly, ...(values ? { enum: values } : {}) });
  }
  return props;
}

/** kubernetes-types: `core/v1.d.ts` holds every type of core/v1; imports name the other group/version files. */
export function readKubernetesTypes(ts, typesDir, aliases = {}) {
  const types = new Map();
  for (const file of declarationFiles(typesDir)) {
    const moduleId = path.relative(typesDir, file).replace(/\.d\.ts$/, '').split(path.sep).join('.');
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const imports = new Map();
    const typeOf = typeReader(ts, source, (name) => imports.get(name) ?? `${moduleId}.${name}`);
    for (const statement of source.statements) {
      if (ts.isImportDeclaration(statement)) {
        const target = path.relative(typesDir, path.resolve(path.dirname(file), statement.moduleSpecifier.text)).split(path.sep).join('.');
        for (const element of statement.importClause?.namedBindings?.elements ?? []) imports.set(element.name.text, `${target}.${element.name.text}`);
      } else if (ts.isInterfaceDeclaration(statement)) {
        const id = `${moduleId}.${statement.name.text}`;
        types.set(id, { id, name: statement.name.text, doc: docOf(ts, statement), props: propsOf(ts, source, statement, typeOf) });
      } else if (ts.isTypeAliasDeclaration(statement)) {
        const id = `${moduleId}.${statement.name.text}`;
        types.set(id, { id, name: statement.name.text, doc: docOf(ts, statement), alias: aliases[id] ?? typeOf(statement.type).type });
      }
    }
  }
  return types;
}

/** `apps/v1/Deployment`, `v1/Pod`, `rbac.authorization.k8s.io/v1/Role` → our group: `apps`, `core`, `rbac`. */
const GROUP_IDS = { 'internal.apiserver.k8s.io': 'apiserverinternal' };
function modelsModuleId(relative) {
  const parts = relative.split(/[\\/]/);
  if (parts.length === 1) return `core.${parts[0]}`;
  return `${GROUP_IDS[parts[0]] ?? parts[0].split('.')[0]}.${parts[1]}`;
}

/** kubernetes-models: one file per type (`I<Name>`), imports by relative path or into @kubernetes-models/apimachinery. */
export function readKubernetesModels(ts, modelsDir, aliases = {}) {
  const apimachineryDir = packageDir('@kubernetes-models/apimachinery', modelsDir);
  const idOfFile = (file) => {
    const inMachinery = !path.relative(apimachineryDir, file).startsWith('..');
    const relative = path.relative(inMachinery ? apimachineryDir : modelsDir, file).replace(/(\.d\.ts|\.js)$/, '');
    const name = path.basename(relative);
    const dir = path.dirname(relative);
    return inMachinery ? `${dir.replace(/^apis[\\/]/, '').split(/[\\/]/).join('.')}.${name}` : `${modelsModuleId(dir)}.${name}`;
  };
  const types = new Map();
  const files = [...declarationFiles(modelsDir), ...declarationFiles(apimachineryDir)];
  for (const file of files) {
    const id = idOfFile(file);
    const name = id.slice(id.lastIndexOf('.') + 1);
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const imports = new Map();
    const typeOf = typeReader(ts, source, (ref) => imports.get(ref) ?? (ref.startsWith('I') ? `${id.slice(0, id.lastIndexOf('.'))}.${ref.slice(1)}` : ref));
    for (const statement of source.statements) {
      if (ts.isImportDeclaration(statement)) {
        const from = statement.moduleSpecifier.text;
        let target;
        if (from.startsWith('.')) target = path.resolve(path.dirname(file), from.replace(/\.js$/, ''));
        else if (from.startsWith('@kubernetes-models/apimachinery/')) target = path.join(apimachineryDir, from.slice('@kubernetes-models/apimachinery/'.length).replace(/\.js$/, ''));
        else continue;
        for (const element of statement.importClause?.namedBindings?.elements ?? []) imports.set(element.name.text, idOfFile(target));
      } else if (ts.isInterfaceDeclaration(statement) && statement.name.text === `I${name}`) {
        types.set(id, { id, name, doc: docOf(ts, statement), props: propsOf(ts, source, statement, typeOf) });
      } else if (ts.isTypeAliasDeclaration(statement) && statement.name.text === `I${name}`) {
        types.set(id, { id, name, doc: docOf(ts, statement), alias: aliases[id] ?? typeOf(statement.type).type });
      }
    }
  }
  return types;
}

/**
 * @kubernetes/client-node: class name → the JSON names of its fields, and the Kubernetes release its models were
 * generated from (their header says `OpenAPI spec version: v1.34.0`).
 */
export function readClientNodeFields(clientDir) {
  const modelsDir = path.join(clientDir, 'dist', 'gen', 'models');
  const classes = new Map();
  let release;
  for (const name of fs.readdirSync(modelsDir)) {
    if (!name.endsWith('.js') || name === 'all.js' || name === 'ObjectSerializer.js') continue;
    const text = fs.readFileSync(path.join(modelsDir, name), 'utf8');
    if (!text.includes('attributeTypeMap')) continue;
    classes.set(name.slice(0, -3), new Set([...text.matchAll(/"baseName": "([^"]+)"/g)].map((m) => m[1])));
    release ??= /OpenAPI spec version: v?(\d+\.\d+)/.exec(fs.readFileSync(path.join(modelsDir, name.replace(/\.js$/, '.d.ts')), 'utf8'))?.[1];
  }
  if (!release) throw new Error(`kubernetes-api-sources: no Kubernetes release named in ${modelsDir}`);
  return { release, classes };
}

/** The client-node class of one of our type ids: `core.v1.PodSpec` → V1PodSpec, `events.v1.Event` → EventsV1Event. */
export function clientNodeClassOf(id, classes) {
  const [group, version, ...rest] = id.split('.');
  const name = rest.join('.');
  const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
  return [`${cap(group)}${cap(version)}${name}`, `${cap(version)}${name}`].find((c) => classes.has(c));
}
