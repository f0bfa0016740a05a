import fs from 'node:fs';
import path from 'node:path';
import type { FieldSpec, TypeSpec } from './apiTypes';

/** What scripts/gen-kubernetes-data.mjs writes to dist/kubernetes/fields.json. */
interface FieldsFile {
  format: 1;
  kubernetes: string;
  strings: string[];
  /** type id → name, description (string index), fields: [type, description index, flags (1 required, 2 read-only), enum?] */
  types: Record<string, { n: string; d: number; p: Record<string, [string, number, number, string[]?]> }>;
  /** apiVersion → kind → type id */
  kinds: Record<string, Record<string, string>>;
}

export interface BuiltInData {
  kubernetesVersion: string;
  type(id: string): TypeSpec | undefined;
  typeIds(): string[];
  /** The type of a kind at exactly this apiVersion. */
  kindType(apiVersion: string, kind: string): string | undefined;
  /** Every apiVersion that serves a kind, stable versions first. */
  versionsOf(kind: string, group: string): string[];
  kinds(): { apiVersion: string; kind: string; typeId: string }[];
}

export const DATA_DIR_NAME = 'kubernetes';
export const FIELDS_FILE = 'fields.json';
export const SCHEMA_FILE = 'schema.json';

let explicitDir: string | undefined;
let loaded: BuiltInData | undefined;
/** Set once the data was looked for and is not there, so lookups answer `undefined` without searching again. */
let unavailable = false;

/**
 * Tells where dist/kubernetes is when the default search (beside the running bundle) cannot find it.
 * @public scripts/gen-kubernetes-data.mjs imports it through an esbuild bundle knip cannot follow.
 */
export function setKubernetesDataDir(dir: string): void {
  explicitDir = dir;
  loaded = undefined;
  catalog = undefined;
  unavailable = false;
}

/**
 * dist/kubernetes beside the running code: dist/server/main.js and dist/cli/cnc.js find ../kubernetes, tests and the
 * benchmark (run from src/ or bench/out/) find <root>/dist/kubernetes.
 */
export function kubernetesDataDir(): string {
  explicitDir ??= searchDataDir();
  if (explicitDir) return explicitDir;
  throw new Error(`Kubernetes API data (${DATA_DIR_NAME}/${FIELDS_FILE}) not found near ${__dirname}; run npm run build.`);
}

function searchDataDir(): string | undefined {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    for (const candidate of [path.join(dir, DATA_DIR_NAME), path.join(dir, 'dist', DATA_DIR_NAME)]) {
      if (fs.existsSync(path.join(candidate, FIELDS_FILE))) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

/**
 * The API data when it is there; undefined when it is not (a development tree that has not been built), decided
 * once. Lookups (kinds, fields, docs) use this and answer "unknown"; what cannot work without the data (the JSON
 * schema) uses `builtInData`, which says what is missing.
 */
export function availableBuiltInData(): BuiltInData | undefined {
  if (loaded) return loaded;
  if (unavailable) return undefined;
  const dir = explicitDir ?? searchDataDir();
  if (!dir || !fs.existsSync(path.join(dir, FIELDS_FILE))) {
    unavailable = true;
    return undefined;
  }
  return builtInData();
}

/** Loads dist/kubernetes/fields.json once per process; types are decoded on first use. */
export function builtInData(): BuiltInData {
  if (loaded) return loaded;
  const file = path.join(kubernetesDataDir(), FIELDS_FILE);
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as FieldsFile;
  if (raw.format !== 1) throw new Error(`Unsupported Kubernetes data format in ${file}; rebuild with npm run build.`);
  loaded = fromFieldsFile(raw, false);
  return loaded;
}

/** A project whose CRDs the bundled catalog carries (dist/crds/fields.json, scripts/gen-crd-data.mjs). */
export interface CrdCatalogSource { package: string; version: string; license: string; upstreamLicense: string; project: string; docs: string; groups: string[] }

let catalog: (BuiltInData & { sources: CrdCatalogSource[] }) | null | undefined;

/**
 * The bundled catalog of common custom resources (dist/crds beside dist/kubernetes), same format as the built-in
 * data; undefined when it is not there (a tree built before the catalog existed), decided once.
 */
export function crdCatalog(): (BuiltInData & { sources: CrdCatalogSource[] }) | undefined {
  if (catalog !== undefined) return catalog ?? undefined;
  catalog = null;
  if (!availableBuiltInData()) return undefined;
  const file = path.join(kubernetesDataDir(), '..', CRD_DATA_DIR_NAME, FIELDS_FILE);
  if (!fs.existsSync(file)) return undefined;
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as FieldsFile & { sources?: CrdCatalogSource[] };
  if (raw.format !== 1) throw new Error(`Unsupported custom resource catalog format in ${file}; rebuild with npm run build.`);
  catalog = { ...fromFieldsFile(raw, true), sources: raw.sources ?? [] };
  return catalog;
}

export const CRD_DATA_DIR_NAME = 'crds';

function fromFieldsFile(raw: FieldsFile, custom: boolean): BuiltInData {
  const text = (i: number) => (i >= 0 ? raw.strings[i] ?? '' : '');
  const decoded = new Map<string, TypeSpec>();
  const type = (id: string): TypeSpec | undefined => {
    const cached = decoded.get(id);
    if (cached) return cached;
    const t = raw.types[id];
    if (!t) return undefined;
    const fields = new Map<string, FieldSpec>();
    const spec: TypeSpec = {
      // The catalog's CRDs may be older than the cluster's: keys it does not know are allowed (types still checked).
      id, name: t.n, description: text(t.d), custom, ...(custom ? { open: true } : {}),
      field(name) {
        let f = fields.get(name);
        if (f) return f;
        const entry = Object.prototype.hasOwnProperty.call(t.p, name) ? t.p[name] : undefined;
        if (!entry) return undefined;
        const [fieldType, description, flags, values] = entry;
        f = { type: fieldType, description: text(description), required: (flags & 1) !== 0, readOnly: (flags & 2) !== 0, ...(values ? { enum: values } : {}) };
        fields.set(name, f);
        return f;
      },
      fieldNames: () => Object.keys(t.p),
    };
    decoded.set(id, spec);
    return spec;
  };
  const stability = (v: string) => (/alpha/.test(v) ? 2 : /beta/.test(v) ? 1 : 0);
  return {
    kubernetesVersion: raw.kubernetes,
    type,
    typeIds: () => Object.keys(raw.types),
    kindType: (apiVersion, kind) => {
      const byKind = Object.prototype.hasOwnProperty.call(raw.kinds, apiVersion) ? raw.kinds[apiVersion] : undefined;
      return byKind && Object.prototype.hasOwnProperty.call(byKind, kind) ? byKind[kind] : undefined;
    },
    versionsOf: (kind, group) => Object.keys(raw.kinds)
      .filter((v) => (v.includes('/') ? v.slice(0, v.indexOf('/')) : '') === group && raw.kinds[v]?.[kind])
      .sort((a, b) => stability(a) - stability(b) || b.localeCompare(a)),
    kinds: () => Object.entries(raw.kinds).flatMap(([apiVersion, kinds]) => Object.entries(kinds).map(([kind, typeId]) => ({ apiVersion, kind, typeId }))),
  };
}
