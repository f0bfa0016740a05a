// The workspace reference graph (issue 10): a workspace of 2,000 manifest files generated from the corpus, indexed
// in full (parse + index) side by side with the bare `yaml` parse of the same files, then one file changed and the
// graph updated. Called by bench/run.mjs; `node bench/graph.mjs` runs it alone.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const FILES = 2000;

/**
 * Every Kubernetes YAML file of the corpus under 100 KB that is not a Helm template, copied until there are 2,000:
 * copy N of a file sits in its own folder and namespace (`namespace:` lines get a `-cN` suffix, and a
 * kustomization.yaml gives the objects without one that namespace), so copies do not connect to each other.
 */
export function generatedWorkspace(corpus) {
  const sources = [];
  const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) { const f = path.join(d, e.name); if (e.isDirectory()) walk(f); else if (/\.ya?ml$/.test(e.name) && !/kustomization\.ya?ml$/.test(e.name)) sources.push(f); } };
  walk(path.join(corpus, 'k8s'));
  const texts = sources.map((f) => ({ name: path.relative(corpus, f), text: fs.readFileSync(f, 'utf8') }))
    .filter((s) => s.text.length < 100_000 && !s.text.includes('{{') && /^kind:/m.test(s.text));
  const files = [];
  for (let copy = 0; files.length < FILES; copy++) {
    files.push({ name: `c${copy}/kustomization.yaml`, text: `namespace: ns-c${copy}\n` });
    for (const s of texts) {
      if (files.length >= FILES) break;
      // A comment on each document makes every copy's text its own (no parse cache hit from an earlier copy).
      const text = `# copy ${copy}\n` + s.text.replace(/^(\s*namespace:\s*)([\w.-]+)\s*$/gm, `$1$2-c${copy}`).replace(/^---.*$/gm, (m) => `${m}\n# copy ${copy}`);
      files.push({ name: `c${copy}/${s.name}`, text });
    }
  }
  return { files, distinct: texts.length };
}

export function benchGraph(core, corpus, { record, median, time }) {
  const { parseAllDocuments } = createRequire(import.meta.url)('yaml');
  const { files, distinct } = generatedWorkspace(corpus);
  const bytes = files.reduce((n, f) => n + f.text.length, 0);
  const indexAll = () => {
    const index = new core.GraphIndex();
    for (const f of files) { const parsed = core.parseYaml(f.text); index.setFile(f.name, { ...parsed, objects: core.manifestObjects(parsed, f.name) }); }
    return index;
  };
  for (let i = 0; i < 2; i++) { for (const f of files) parseAllDocuments(f.text); core.clearParseCache(); indexAll().graph(); } // warm-up
  const bare = median(Array.from({ length: 5 }, () => time(() => { for (const f of files) parseAllDocuments(f.text); })));
  const full = median(Array.from({ length: 5 }, () => { core.clearParseCache(); return time(indexAll); }));
  let index;
  const withGraph = median(Array.from({ length: 5 }, () => { core.clearParseCache(); return time(() => { index = indexAll(); index.graph(); }); }));
  const graph = index.graph();
  const note = `(${files.length} files from ${distinct} corpus files, ${(bytes / 2 ** 20).toFixed(1)} MB, ${graph.nodes.length} objects, ${graph.edges.length} edges; median of 5)`;
  record('graph: bare yaml parseAllDocuments, 2,000-file workspace', bare, 'ms', note);
  record('graph: full index (parse + model + index), same files', full, 'ms', `(${(full / bare).toFixed(2)}× bare parse; cold parse cache)`);
  record('graph: full index + graph (every edge resolved)', withGraph, 'ms', `(${(withGraph / bare).toFixed(2)}× bare parse)`);
  // One file changed: its text re-parsed, its objects replaced in the index, the whole graph resolved again.
  const target = files.find((f) => /kind: Deployment/.test(f.text) && /serviceAccountName:/.test(f.text)) ?? files[1];
  const updates = Array.from({ length: 9 }, (_, v) => time(() => {
    const edited = target.text.replace(/serviceAccountName:\s*\S+/, `serviceAccountName: edited-${v}`);
    const parsed = core.parseYaml(edited);
    index.setFile(target.name, { ...parsed, objects: core.manifestObjects(parsed, target.name) });
    index.graph();
  }));
  record('graph: one file changed → graph updated', median(updates), 'ms', `(${target.name}, ${(target.text.length / 1024).toFixed(0)} KB; re-parse + re-index + graph; median of 9, worst ${Math.max(...updates).toFixed(1)} ms)`);
  const graphOnly = median(Array.from({ length: 9 }, () => time(() => index.graph())));
  record('graph: graph() with nothing changed (assembling cached edges)', graphOnly, 'ms');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const require = createRequire(import.meta.url);
  const shared = process.env.CNC_SHARED ? path.resolve(process.env.CNC_SHARED) : path.resolve(root, '..', 'shared');
  const out = path.join(root, 'bench', 'out', 'graph-core.cjs');
  await require('esbuild').build({ stdin: { contents: [
    "export { GraphIndex } from './src/core/graph/graphIndex';",
    "export { parseYaml, clearParseCache } from './src/core/yaml/parseYaml';",
    "export { manifestObjects } from './src/core/yaml/manifestObjects';",
  ].join('\n'), resolveDir: root, loader: 'ts' }, bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'warning' });
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
  const time = (fn) => { const t = performance.now(); fn(); return performance.now() - t; };
  const record = (name, value, unit, note = '') => console.log(`${name}: ${value.toFixed(2)} ${unit} ${note}`);
  benchGraph(require(out), path.join(shared, 'corpus'), { record, median, time });
}
