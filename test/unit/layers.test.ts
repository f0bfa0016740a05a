import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');

interface Layer { name: string; paths: string[] }

/**
 * The layers of ARCHITECTURE.md's diagram, top (used by all) to bottom (uses all): a word in the first column
 * starts a layer; every `src/…` path on a line belongs to the current layer. `src/core/rules/<id>.ts` stands for
 * its folder.
 */
function documentedLayers(): Layer[] {
  const text = fs.readFileSync(path.join(root, 'ARCHITECTURE.md'), 'utf8');
  const diagram = /```\n([\s\S]*?)```/.exec(text)?.[1] ?? '';
  const layers: Layer[] = [];
  for (const line of diagram.split('\n')) {
    const name = /^(\w+)\s/.exec(line)?.[1];
    if (name) layers.push({ name, paths: [] });
    // Only the path column (before the description) names places; descriptions may mention other paths.
    const column = line.slice(0, 41);
    for (const [token] of column.matchAll(/src\/[^\s,]+/g)) layers[layers.length - 1]?.paths.push(token.includes('<') ? token.slice(0, token.lastIndexOf('/') + 1) : token);
  }
  return layers;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.(ts|mts|cts)$/.test(entry.name) ? [relative] : [];
  });
}

/** Every module a file names: static and dynamic imports, re-exports, `require`. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const pattern = /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/gm;
  return [...text.matchAll(pattern)].map((m) => (m[1] ?? m[2] ?? m[3])!);
}

/** The file a relative import points at, as a path from the repository root (`src/core/model/tree.ts`). */
function resolved(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  for (const candidate of [base, `${base}.ts`, `${base}/index.ts`]) if (fs.existsSync(path.join(root, candidate)) && fs.statSync(path.join(root, candidate)).isFile()) return candidate;
  return base;
}

const layers = documentedLayers();
const files = sourceFiles('src');

function layerIndexOf(file: string): number {
  let best = -1;
  let bestLength = -1;
  layers.forEach((layer, index) => {
    for (const place of layer.paths) {
      const matches = place.endsWith('/') ? file.startsWith(place) : file === place || file.startsWith(`${place}/`);
      if (matches && place.length > bestLength) { best = index; bestLength = place.length; }
    }
  });
  return best;
}

describe('layers (ARCHITECTURE.md)', () => {
  it('are written in the diagram, from text to adapters', () => {
    expect(layers.map((l) => l.name)).toEqual(['text', 'model', 'parse', 'schema', 'knowledge', 'config', 'rules', 'lint', 'explain', 'review', 'analysis', 'adapters']);
    expect(layers.every((l) => l.paths.length > 0)).toBe(true);
  });

  it('hold every file of src/', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((file) => layerIndexOf(file) < 0)).toEqual([]);
  });

  it('are used top-down: no file imports a file of a later layer', () => {
    const upward: string[] = [];
    for (const file of files) {
      const own = layerIndexOf(file);
      for (const specifier of importsOf(file)) {
        const target = resolved(file, specifier);
        if (!target) continue;
        const theirs = layerIndexOf(target);
        if (theirs > own) upward.push(`${file} (${layers[own]!.name}) imports ${target} (${layers[theirs]!.name})`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('keep src/core editor-agnostic: no vscode, no server, client or CLI', () => {
    const leaks: string[] = [];
    for (const file of files.filter((f) => f.startsWith('src/core/'))) {
      for (const specifier of importsOf(file)) {
        const target = resolved(file, specifier);
        if (specifier === 'vscode' || specifier.startsWith('vscode/') || (target && /^src\/(server|client|cli)\//.test(target))) leaks.push(`${file} imports ${specifier}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('are checked on real imports (the parser finds the imports this file makes)', () => {
    expect(importsOf('test/unit/layers.test.ts')).toEqual(['node:fs', 'node:path', 'vitest']);
    expect(importsOf('src/core/lint/lint.ts')).toContain('../rules/rule');
  });
});
