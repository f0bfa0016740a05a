import type { ValueNode } from '../model/tree';
import { parseYaml } from '../yaml/parseYaml';
import { crdCatalog } from './builtInData';
import type { TypeSpec } from './apiTypes';
import { crdSchemas, type CrdKindSchema, type CrdSchemas } from './crdSchema';

/**
 * The CustomResourceDefinitions of the workspace (the server's workspace folders, the paths `cnc lint` is given),
 * file by file: their kinds resolve like built-in ones (src/core/schema/catalog.ts). When two files define the same
 * kind, the first file (by path) wins and both are told so (the crd-schema-unusable check).
 */
interface FileCrds { readings: CrdSchemas[] }

const byFile = new Map<string, FileCrds>();
/** The text each file's CRDs were last read from. */
const textByFile = new Map<string, string>();
/** Bumped on every change, so readers (the schema service) know to reconfigure. */
let generation = 0;
/** Per reading, so a changed CRD gets new type ids (see crdSchemas' idPrefix). */
let readingCount = 0;
let kindIndex: Map<string, { schema: CrdKindSchema; file: string }[]> | undefined;
let typeIndex: Map<string, TypeSpec> | undefined;

/**
 * Sets the CRDs of one file from its documents' trees (replacing what the file had); a file with none is forgotten.
 * Returns whether anything changed (a file that neither had nor has CRDs changes nothing).
 */
export function setWorkspaceCrds(file: string, documents: (ValueNode | undefined)[]): boolean {
  const readings = documents.flatMap((d) => crdSchemas(d, `ws${readingCount + 1}.`) ?? []);
  if (readings.length) readingCount++;
  if (!readings.length && !byFile.has(file)) return false;
  if (readings.length) byFile.set(file, { readings });
  else { byFile.delete(file); textByFile.delete(file); }
  generation++;
  kindIndex = undefined;
  typeIndex = undefined;
  return true;
}

/** Sets the CRDs of one file from its text (a file that mentions no CustomResourceDefinition is not parsed). */
export function setWorkspaceCrdText(file: string, text: string): boolean {
  if (!/kind:\s*["']?CustomResourceDefinition/.test(text)) return setWorkspaceCrds(file, []);
  // The same text again (a save, a re-read): nothing changed, keep the type ids (and what is cached for them).
  if (textByFile.get(file) === text) return false;
  textByFile.set(file, text);
  return setWorkspaceCrds(file, parseYaml(text).documents.map((d) => d.tree));
}


export function forgetWorkspaceCrds(file: string): boolean {
  return setWorkspaceCrds(file, []);
}

export function workspaceCrdGeneration(): number {
  return generation;
}

const kindKey = (group: string, kind: string) => `${group}/${kind}`;

function kinds(): Map<string, { schema: CrdKindSchema; file: string }[]> {
  if (kindIndex) return kindIndex;
  kindIndex = new Map();
  for (const file of [...byFile.keys()].sort()) {
    for (const reading of byFile.get(file)!.readings) {
      if (!reading.kind?.versions.length) continue;
      const key = kindKey(reading.kind.group, reading.kind.kind);
      kindIndex.set(key, [...(kindIndex.get(key) ?? []), { schema: reading.kind, file }]);
    }
  }
  return kindIndex;
}

/** The workspace's schema of group/kind: the root type of `version`, or of the first served version. */
export function workspaceKind(group: string, kind: string, version: string): { typeId: string; exactVersion: boolean; describedVersion: string; file: string } | undefined {
  const found = kinds().get(kindKey(group, kind))?.[0];
  if (!found) return undefined;
  const exact = found.schema.versions.find((v) => v.name === version);
  const described = exact ?? found.schema.versions[0]!;
  return { typeId: described.typeId, exactVersion: exact !== undefined, describedVersion: `${group}/${described.name}`, file: found.file };
}

export function workspaceType(id: string): TypeSpec | undefined {
  if (!id.startsWith('ws')) return undefined;
  if (!typeIndex) {
    typeIndex = new Map();
    for (const { readings } of byFile.values()) for (const r of readings) for (const [typeId, type] of r.types) typeIndex.set(typeId, type);
  }
  return typeIndex.get(id);
}

/** Every kind version the workspace defines (the schema service registers one schema per root type). */
export function workspaceKinds(): { apiVersion: string; kind: string; typeId: string }[] {
  return [...kinds().values()].flatMap(([first]) => first!.schema.versions.map((v) => ({ apiVersion: `${first!.schema.group}/${v.name}`, kind: first!.schema.kind, typeId: v.typeId })));
}

/** The root types of the custom resource kinds with a schema: the bundled catalog's and the workspace CRDs'. */
export function crdSchemaKeys(): string[] {
  return [...(crdCatalog()?.kinds().map((k) => k.typeId) ?? []), ...workspaceKinds().map((k) => k.typeId)];
}

/** Changes whenever crdSchemaKeys may answer differently (a workspace CRD was added, changed or removed). */
export function crdSchemaGeneration(): number {
  return workspaceCrdGeneration();
}

/** The workspace files whose CRDs define group/kind, the one used first. */
export function workspaceCrdFiles(group: string, kind: string): string[] {
  return (kinds().get(kindKey(group, kind)) ?? []).map((k) => k.file);
}
