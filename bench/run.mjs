// `npm run bench`: measures, side by side in one run, what the issues require to stay fast. It prints a Markdown
// table and writes bench/out/latest.json; bench/RESULTS.md keeps the figures with machine and date.
// Needs ../shared/corpus (beside the project) and a build (npm run bench builds first).
// --no-editor skips the real-VS-Code activation measurement (code-server + Chromium, ~20 s).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { yamlLanguageServerPlugin } from '../scripts/yamlLanguageServerPlugin.mjs';
import { app, manifestOfLines } from './manifests.mjs';
import { benchGraph } from './graph.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
// ../shared beside the project; CNC_SHARED names it when the checkout sits elsewhere (a git worktree).
const shared = process.env.CNC_SHARED ? path.resolve(process.env.CNC_SHARED) : path.resolve(root, '..', 'shared');
const corpus = path.join(shared, 'corpus');
const bigFile = path.join(corpus, 'k8s', 'argo-cd', 'manifests', 'install.yaml');
const results = [];
const record = (name, value, unit, note = '') => { results.push({ name, value: Number(value.toFixed(3)), unit, note }); console.log(`${name}: ${value.toFixed(2)} ${unit} ${note}`); };
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]; };
const time = (fn) => { const t = performance.now(); fn(); return performance.now() - t; };

if (!fs.existsSync(bigFile)) { console.error(`bench: ${bigFile} not found (the shared corpus must sit beside the project).`); process.exit(1); }

// The core, bundled once for the benchmark (same esbuild settings as the product).
const { build } = require('esbuild');
const coreBundle = path.join(root, 'bench', 'out', 'core.cjs');
await build({ stdin: { contents: [
  "export { analyse } from './src/core/analysis/analyse';",
  "export { loadBundledKnowledge } from './src/core/knowledge/bundle';",
  "export { ALL_RULES } from './src/core/rules';",
  "export { clearParseCache } from './src/core/yaml/parseYaml';",
  "export { EDITOR_LIMITS } from './src/core/model/limits';",
  "export { createYamlSchemaService } from './src/server/yamlSchemaService';",
  "export { GraphIndex } from './src/core/graph/graphIndex';",
  "export { parseYaml } from './src/core/yaml/parseYaml';",
  "export { manifestObjects } from './src/core/yaml/manifestObjects';",
  "export { TextDocument } from 'vscode-languageserver-textdocument';",
].join('\n'), resolveDir: root, loader: 'ts' }, bundle: true, platform: 'node', format: 'cjs', outfile: coreBundle, logLevel: 'warning', plugins: [yamlLanguageServerPlugin(root)] });
const core = require(coreBundle);
const { parseAllDocuments } = require('yaml');

// 1. Parse and analysis of the 34k-line manifest, side by side with the bare `yaml` parse.
const text = fs.readFileSync(bigFile, 'utf8');
const lines = text.split('\n').length;
for (let i = 0; i < 2; i++) { parseAllDocuments(text); core.analyse(text, 'yaml', core.ALL_RULES); } // warm-up
const bare = median(Array.from({ length: 7 }, () => time(() => parseAllDocuments(text))));
// Documents are parsed once per text and cached: a cold analysis starts from an empty cache.
const ours = median(Array.from({ length: 7 }, () => { core.clearParseCache(); return time(() => core.analyse(text, 'yaml', core.ALL_RULES)); }));
record('bare yaml parseAllDocuments, argo-cd install.yaml', bare, 'ms', `(${lines} lines, median of 7)`);
record('cnc analyse (parse + model + all rules), same file', ours, 'ms', `(${(ours / bare).toFixed(2)}× bare parse; cold: no document cached)`);
// After an edit only the edited document is parsed again; the others are moved.
const edits = Array.from({ length: 7 }, (_, v) => text.replace('name: argocd-application-controller', `name: argocd-application-controller-${v}`));
core.clearParseCache(); core.analyse(text, 'yaml', core.ALL_RULES);
const reanalysis = median(edits.map((edited) => time(() => core.analyse(edited, 'yaml', core.ALL_RULES))));
record('cnc re-analysis after an edit (one document changed)', reanalysis, 'ms', `(${(reanalysis / bare).toFixed(2)}× bare parse of the whole file, median of 7)`);

// 1b. Schema validation (yaml-language-server with the shipped Kubernetes schema), measured on the service itself.
const schemaDoc = (t, v) => core.TextDocument.create(pathToFileURL(bigFile).toString(), 'yaml', v, t);
await core.createYamlSchemaService().validate(schemaDoc(edits[0], 1)); // warm-up (module start, JIT) in another service
const schema = core.createYamlSchemaService();
core.clearParseCache();
let t0 = performance.now();
core.analyse(text, 'yaml', core.ALL_RULES);
const schemaDiagnostics = await schema.validate(schemaDoc(text, 1));
const firstWithSchema = performance.now() - t0;
record('first analysis + schema validation, argo-cd install.yaml', firstWithSchema, 'ms', `(${(firstWithSchema / bare).toFixed(2)}× bare parse; ${schema.validatedDocuments} documents validated, ${schemaDiagnostics.length} diagnostics)`);
const schemaEdits = [];
for (const [v, edited] of edits.slice(1, 6).entries()) {
  t0 = performance.now();
  core.analyse(edited, 'yaml', core.ALL_RULES);
  await schema.validate(schemaDoc(edited, v + 2));
  schemaEdits.push(performance.now() - t0);
}
record('re-analysis + schema validation after an edit', median(schemaEdits), 'ms', `(${(median(schemaEdits) / bare).toFixed(2)}× bare parse; ${schema.validatedDocuments} documents validated in all)`);

// 2. Lint throughput over every YAML file of the corpus.
const yamlFiles = [];
const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const f = path.join(d, e.name); if (e.isDirectory()) walk(f); else if (/\.ya?ml$/.test(e.name)) yamlFiles.push(f); } };
walk(corpus);
const texts = yamlFiles.map((f) => fs.readFileSync(f, 'utf8'));
const totalLines = texts.reduce((n, t) => n + t.split('\n').length, 0);
let findings = 0;
const lintMs = time(() => { for (const t of texts) findings += core.analyse(t, 'yaml', core.ALL_RULES, { allRules: true }).findings.length; });
record('lint throughput, all corpus YAML', totalLines / (lintMs / 1000), 'lines/s', `(${yamlFiles.length} files, ${totalLines} lines, ${findings} findings, ${lintMs.toFixed(0)} ms)`);

// 2a. The workspace reference graph (issue 10): 2,000 files generated from the corpus, full index and one file changed.
benchGraph(core, corpus, { record, median, time });

// 2b. Bounded work (issue 16): no cross-object check is quadratic, size limits hold a pass near 1 s, hostile inputs
// are refused fast. Inputs are generated (bench/manifests.mjs) or the reproducers of ../shared/repro.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cnc-bench-'));
const cli = path.join(root, 'dist', 'cli', 'cnc.js');
const peakRss = path.join(root, 'bench', 'peak-rss.cjs');
/** Runs node with the given arguments; wall time and peak RSS (MB) of that process. */
const run = async (args) => {
  const t = performance.now();
  const child = spawn(process.execPath, ['--require', peakRss, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  await new Promise((resolve) => child.on('close', resolve));
  const ms = performance.now() - t;
  return { ms, rssMb: Number(/peak-rss-kb (\d+)/.exec(stderr)?.[1] ?? 0) / 1024 };
};
/** A process that only reads and parses the files (their list goes through a file: thousands of paths exceed argv). */
const bareScript = (files) => {
  const list = path.join(scratch, `list-${results.length}.json`);
  fs.writeFileSync(list, JSON.stringify(files));
  return ['-e', `const fs=require('fs'),{parseAllDocuments}=require(${JSON.stringify(require.resolve('yaml'))});for(const f of JSON.parse(fs.readFileSync(${JSON.stringify(list)},'utf8')))parseAllDocuments(fs.readFileSync(f,'utf8'))`];
};
const mb = (x) => `${x.toFixed(0)} MB`;

// One file, 1k to 150k lines: analysis (all rules) against the bare parse, in process; the curve must stay flat.
for (const size of [1_000, 10_000, 50_000, 100_000, 150_000]) {
  const synthetic = manifestOfLines(size);
  // Alternating runs, medians: the machine is shared, and one run of either side can be slowed by the others.
  const rounds = size <= 10_000 ? 5 : size <= 50_000 ? 3 : 1;
  const bareRuns = [];
  const ourRuns = [];
  let n = 0;
  for (let r = 0; r < rounds; r++) {
    globalThis.gc?.();
    bareRuns.push(time(() => parseAllDocuments(synthetic)));
    core.clearParseCache();
    globalThis.gc?.();
    ourRuns.push(time(() => { n = core.analyse(synthetic, 'yaml', core.ALL_RULES, { allRules: true, limits: { parsedBytes: Infinity, checkedObjects: Infinity, schemaDocumentBytes: Infinity } }).findings.length; }));
    core.clearParseCache();
  }
  const [bareMs, oursMs] = [median(bareRuns), median(ourRuns)];
  record(`bounded: analyse one ${size / 1000}k-line file (all rules)`, oursMs, 'ms', `(${(oursMs / bareMs).toFixed(2)}× bare parse of ${bareMs.toFixed(0)} ms; ${(oursMs / (size / 1000)).toFixed(2)} ms per 1k lines; ${n} findings; median of ${rounds})`);
}
// Peak memory of `cnc lint` on the 100k-line file, beside a process that only parses it.
{
  const file = path.join(scratch, 'lines-100k.yaml');
  fs.writeFileSync(file, manifestOfLines(100_000));
  const bareRun = await run(bareScript([file]));
  const lintRun = await run([cli, 'lint', '--all-rules', file]);
  record('bounded: cnc lint, one 100k-line file (process)', lintRun.ms, 'ms', `(${(lintRun.ms / bareRun.ms).toFixed(2)}× a process that only parses it, ${bareRun.ms.toFixed(0)} ms; peak RSS ${mb(lintRun.rssMb)} against ${mb(bareRun.rssMb)})`);
}
// Peak memory of `cnc lint` on 500k lines in one directory (50 files of 10k lines), beside a process that only parses them.
{
  const folder = path.join(scratch, 'lines-500k');
  fs.mkdirSync(folder);
  // Distinct texts (apps numbered on from file to file): identical files would share one cached parse.
  const files = Array.from({ length: 50 }, (_, i) => path.join(folder, `part-${i}.yaml`));
  files.forEach((f, i) => fs.writeFileSync(f, manifestOfLines(10_000, i * 400)));
  const bareRun = await run(bareScript(files));
  const lintRun = await run([cli, 'lint', '--all-rules', folder]);
  record('bounded: cnc lint, 500k lines in one directory (50 files)', lintRun.ms, 'ms', `(${(lintRun.ms / bareRun.ms).toFixed(2)}× a process that only parses them, ${bareRun.ms.toFixed(0)} ms; peak RSS ${mb(lintRun.rssMb)} against ${mb(bareRun.rssMb)})`);
}
// Many manifests in one directory (each file sees the others' objects) and the same files one per folder.
for (const count of [1_000, 5_000]) {
  const flat = path.join(scratch, `flat-${count}`);
  const spread = path.join(scratch, `spread-${count}`);
  fs.mkdirSync(flat);
  const files = [];
  for (let i = 0; i < count; i++) {
    const f = path.join(flat, `app-${i}.yaml`);
    fs.writeFileSync(f, app(i));
    files.push(f);
    fs.mkdirSync(path.join(spread, `d${i}`), { recursive: true });
    fs.writeFileSync(path.join(spread, `d${i}`, 'app.yaml'), app(i));
  }
  const bareRun = await run(bareScript(files));
  const flatRun = await run([cli, 'lint', '--all-rules', flat]);
  const spreadRun = await run([cli, 'lint', '--all-rules', spread]);
  record(`bounded: cnc lint, ${count} manifests in one directory`, flatRun.ms, 'ms', `(${(flatRun.ms / bareRun.ms).toFixed(2)}× bare parse ${bareRun.ms.toFixed(0)} ms; one per folder ${spreadRun.ms.toFixed(0)} ms = ${(spreadRun.ms / bareRun.ms).toFixed(2)}×; peak RSS ${mb(flatRun.rssMb)} against ${mb(bareRun.rssMb)})`);
}
// The largest files the editor still checks, and still parses (above: degraded with one notice).
const { checkedObjects, parsedBytes } = core.EDITOR_LIMITS;
for (const [what, bytes, objects] of [['checked: most objects', Infinity, checkedObjects], ['parsed, checks skipped: most bytes', parsedBytes, Infinity]]) {
  let synthetic = manifestOfLines(Math.ceil(Math.min(bytes / 22, objects * 12)));
  const objectCount = (t) => t.split('\napiVersion:').length;
  while (Buffer.byteLength(synthetic) > bytes || objectCount(synthetic) > objects) synthetic = synthetic.slice(0, synthetic.lastIndexOf('\n---\n'));
  core.clearParseCache();
  globalThis.gc?.();
  const ms = time(() => core.analyse(synthetic, 'yaml', core.ALL_RULES));
  core.clearParseCache();
  record(`bounded: one editor analysis pass at the limit (${what})`, ms, 'ms', `(${(Buffer.byteLength(synthetic) / 2 ** 20).toFixed(2)} MB, ${objectCount(synthetic)} objects; target about 1 s)`);
}
// The reproducers of ../shared/repro, through the CLI, beside a process that only parses them.
const repro = path.join(shared, 'repro');
for (const [name, args] of [
  ['perf-pdb-blocks-eviction-1000docs.yaml', ['--format', 'json', '--all-rules']],
  ['alias-bomb-merge.yaml', []],
  ['tf-deep-block-5000-analysis-failed.tf', []],
]) {
  const file = path.join(repro, name);
  if (!fs.existsSync(file)) { console.log(`bounded: ${name} not found in ${repro}`); continue; }
  const bareRun = name.endsWith('.yaml') ? await run(bareScript([file])) : undefined;
  const lintRun = await run([cli, 'lint', ...args, file]);
  record(`bounded: cnc lint ${args.join(' ')} ${name}`.replace('  ', ' '), lintRun.ms, 'ms', bareRun ? `(${(lintRun.ms / bareRun.ms).toFixed(2)}× a process that only parses it, ${bareRun.ms.toFixed(0)} ms; peak RSS ${mb(lintRun.rssMb)})` : `(peak RSS ${mb(lintRun.rssMb)}; skipped with a message)`);
}
// Start-up: the language server's modules load only for `cnc serve`.
{
  const empty = await run(['-e', '0']);
  const help = await run([cli, '--help']);
  const one = await run([cli, 'lint', path.join(root, 'examples', 'kubernetes', 'web.yaml')]);
  record('bounded: cnc --help', help.ms, 'ms', `(node -e 0: ${empty.ms.toFixed(0)} ms; a one-file lint: ${one.ms.toFixed(0)} ms)`);
}
fs.rmSync(scratch, { recursive: true, force: true });

// 3. Knowledge: bundle load and search latency.
const loadMs = time(() => core.loadBundledKnowledge(root));
const kb = core.loadBundledKnowledge(root);
record('knowledge bundle load (notes, cards, lunr index)', loadMs, 'ms', `(${kb.notes.length} notes, ${kb.cards.length} cards)`);
const queries = ['deployment', 'kube proxy', 'namespace isolation', 'nodeport', 'gvisor sentry', 'terraform state', 'rego', 'mqtt qos', 'probe', 'limits', 'cgrou', 'contanerd', 'helm chart', 'argo', 'wasm'];
// Search runs in the language server while someone types in a quick pick, not while a corpus is being linted: the
// garbage of section 2 is collected first (npm run bench passes --expose-gc), and one unmeasured round warms the JIT.
globalThis.gc?.();
for (const q of queries) kb.search(q);
const searchTimes = [];
for (let round = 0; round < 20; round++) for (const q of queries) searchTimes.push(time(() => kb.search(q)));
record('search p95 over bundled notes', p95(searchTimes), 'ms', `(${searchTimes.length} queries, median ${median(searchTimes).toFixed(3)} ms${globalThis.gc ? ', after a GC and a warm-up round' : ', warm-up round; no GC (run with --expose-gc)'})`);

// 4. Language server over stdio: start, first diagnostics and hover latency on the big file.
const lsp = await startServer();
record('language server start (spawn → initialize result)', lsp.startMs, 'ms');
const uri = pathToFileURL(bigFile).toString();
const firstDiagnostics = await lsp.open(uri, text);
record('first diagnostics, argo-cd install.yaml (didOpen → publish)', firstDiagnostics, 'ms', `(${(firstDiagnostics / bare).toFixed(2)}× bare parse)`);
const kindLines = text.split('\n').map((l, i) => (l.startsWith('kind: ') ? i : -1)).filter((i) => i >= 0);
const hoverTimes = [];
for (let i = 0; i < 200; i++) {
  const line = kindLines[(i * 7) % kindLines.length];
  const t = performance.now();
  await lsp.request('textDocument/hover', { textDocument: { uri }, position: { line, character: 8 } });
  hoverTimes.push(performance.now() - t);
}
record('hover p95 on kind: lines, argo-cd install.yaml (LSP round trip)', p95(hoverTimes), 'ms', `(200 hovers, median ${median(hoverTimes).toFixed(2)} ms)`);
// Field hovers: 1000 keys spread over the whole file (API description + concepts).
const keyPositions = text.split('\n').flatMap((l, line) => { const m = /^(\s*(?:- )?)[A-Za-z][\w.-]*:/.exec(l); return m ? [{ line, character: m[1].length + 1 }] : []; });
const fieldHoverTimes = [];
let described = 0;
for (let i = 0; i < 1000; i++) {
  const position = keyPositions[Math.floor((i * keyPositions.length) / 1000)];
  const t = performance.now();
  const hover = await lsp.request('textDocument/hover', { textDocument: { uri }, position });
  fieldHoverTimes.push(performance.now() - t);
  if (hover) described++;
}
record('hover p95 on field keys, argo-cd install.yaml (LSP round trip)', p95(fieldHoverTimes), 'ms', `(1000 keys, ${described} with a hover, median ${median(fieldHoverTimes).toFixed(2)} ms)`);
const editTimes = [];
for (let v = 2; v < 7; v++) {
  const edited = text.replace('name: argocd-application-controller', `name: argocd-application-controller${v}`);
  editTimes.push(await lsp.change(uri, v, edited));
}
record('diagnostics after an edit (didChange → publish, incl. 200 ms debounce)', median(editTimes), 'ms', `(median of 5; ${(median(editTimes) - 200).toFixed(0)} ms without the debounce)`);
await typingInTheBigFile(lsp, uri, text.replace('name: argocd-application-controller', 'name: argocd-application-controller6'), 7, median(editTimes));
await completionInTheBigCrds(lsp, uri);
lsp.stop();

// 5. Activation in a real VS Code (code-server), read from the extension's own log line.
if (!process.argv.includes('--no-editor')) {
  try { record('extension activation in VS Code (code-server 1.100.3)', await activationInEditor(), 'ms', '(activate() → return, from the extension log)'); }
  catch (error) { console.log(`activation: not measured (${error.message})`); }
}

const machine = `${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
fs.mkdirSync(path.join(root, 'bench', 'out'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench', 'out', 'latest.json'), JSON.stringify({ date: new Date().toISOString(), machine, results }, null, 2));
console.log(`\n| measure | value | note |\n|---|---|---|\n${results.map((r) => `| ${r.name} | ${r.value} ${r.unit} | ${r.note} |`).join('\n')}\n\nMachine: ${machine}; ${new Date().toISOString()}`);

/**
 * Typing in the big file: 20 keystrokes (one character each, incremental changes, 250 ms apart: longer than the
 * 200 ms debounce, so each keystroke's analysis starts and the next hover can land while it runs), a hover on a
 * `kind:` line right after each. Hovers must not wait for analysis; the last keystroke's diagnostics must follow
 * within about one analysis; superseded versions should not be published.
 */
async function typingInTheBigFile(lsp, uri, current, firstVersion, oneAnalysisMs) {
  const lines = current.split('\n');
  const line = lines.findIndex((l) => l.includes('name: argocd-application-controller6'));
  const kindLines = lines.map((l, i) => (l.startsWith('kind: ') ? i : -1)).filter((i) => i >= 0);
  const published = [];
  lsp.onPublish((p) => { if (p.uri === uri) published.push({ version: p.version, at: performance.now() }); });
  const hoverTimes = [];
  let lastKeystroke = 0;
  const last = firstVersion + 19;
  for (let version = firstVersion; version <= last; version++) {
    const character = lines[line].length + (version - firstVersion);
    lastKeystroke = performance.now();
    await lsp.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }] });
    const t = performance.now();
    await lsp.request('textDocument/hover', { textDocument: { uri }, position: { line: kindLines[version % kindLines.length], character: 8 } });
    hoverTimes.push(performance.now() - t);
    if (version < last) await new Promise((r) => setTimeout(r, 250 - (performance.now() - lastKeystroke)));
  }
  while (!published.some((p) => p.version === last)) await new Promise((r) => setTimeout(r, 5));
  const final = published.find((p) => p.version === last).at - lastKeystroke;
  // Anything still on its way (a late duplicate) would show in the count.
  await new Promise((r) => setTimeout(r, 1000));
  lsp.onPublish(() => {});
  const versions = published.map((p) => p.version);
  const duplicates = versions.length - new Set(versions).size;
  record('typing in the big file: hover p95 (20 keystrokes 250 ms apart, a hover after each)', p95(hoverTimes), 'ms', `(median ${median(hoverTimes).toFixed(1)} ms, max ${Math.max(...hoverTimes).toFixed(1)} ms)`);
  record('typing in the big file: last keystroke → final diagnostics', final, 'ms', `(${(final / oneAnalysisMs).toFixed(2)}× one edit's didChange → publish, both incl. the 200 ms debounce; ${published.length} publishes for 20 versions, ${duplicates} of a version already published)`);
}

/** Completion inside the two CRDs over the schema validation limit (the largest documents of the file), same version. */
async function completionInTheBigCrds(lsp, uri) {
  const docStarts = [0, ...[...text.matchAll(/^---$/gm)].map((m) => m.index)];
  const docs = docStarts.map((start, i) => ({ start, end: docStarts[i + 1] ?? text.length })).sort((a, b) => (b.end - b.start) - (a.end - a.start)).slice(0, 2);
  const positions = [];
  for (const doc of docs) {
    const firstLine = text.slice(0, doc.start).split('\n').length - 1;
    const docLines = text.slice(doc.start, doc.end).split('\n');
    for (let k = 1; k <= 10; k++) {
      const i = Math.floor((k * docLines.length) / 11);
      const m = /^(\s*)/.exec(docLines[i]);
      positions.push({ line: firstLine + i, character: m[1].length });
    }
  }
  const times = [];
  let items = 0;
  for (const position of positions) {
    const t = performance.now();
    const list = await lsp.request('textDocument/completion', { textDocument: { uri }, position });
    times.push(performance.now() - t);
    items += (list?.items ?? list ?? []).length;
  }
  record('completion p50 inside the big CRDs, argo-cd install.yaml', median(times), 'ms', `(${positions.length} requests in 2 documents of ${docs.map((d) => Math.round((d.end - d.start) / 1000)).join(' and ')} KB, same version; max ${Math.max(...times).toFixed(0)} ms, ${items} items in all)`);
}

async function startServer() {
  const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver/node');
  const t = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'dist', 'server', 'main.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let onDiagnostics = () => {};
  let onPublish = () => {};
  connection.onNotification('textDocument/publishDiagnostics', (p) => { onDiagnostics(p); onPublish(p); });
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  const startMs = performance.now() - t;
  await connection.sendNotification('initialized', {});
  const waitDiagnostics = (version) => new Promise((resolve) => { onDiagnostics = (p) => { if (p.version === version) resolve(); }; });
  return {
    startMs,
    request: (method, params) => connection.sendRequest(method, params),
    notify: (method, params) => connection.sendNotification(method, params),
    onPublish(listener) { onPublish = listener; },
    async open(uri, text) {
      const t0 = performance.now(); const done = waitDiagnostics(1);
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
      await done; return performance.now() - t0;
    },
    async change(uri, version, text) {
      const t0 = performance.now(); const done = waitDiagnostics(version);
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
      await done; return performance.now() - t0;
    },
    stop() { connection.dispose(); child.kill(); },
  };
}

async function activationInEditor() {
  const { ensureCodeServer, launchChromium, startCodeServer, workbenchUrl } = await import('../scripts/e2e/codeServer.mjs');
  ensureCodeServer();
  const runDir = path.join(root, '.vscode-test', 'runs', `bench-${Date.now()}`);
  const server = await startCodeServer({ runDir });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const file = path.join(root, 'examples', 'kubernetes', 'web.yaml');
    await page.goto(workbenchUrl(server.base, path.join(root, 'examples'), { extensionDevelopmentPath: root }), { waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.keyboard.press('Control+P');
    await page.keyboard.type('web.yaml');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'web.yaml' }).first().waitFor();
    await page.keyboard.press('Enter');
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      for (const log of findFiles(path.join(runDir, 'ud', 'logs'), /Cloud-Native Companion\.log$/)) {
        const m = /Activated in ([\d.]+) ms/.exec(fs.readFileSync(log, 'utf8'));
        if (m) return Number(m[1]);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`no activation line in ${runDir}/ud/logs (file ${file})`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

function findFiles(dir, pattern, found = []) {
  let entries = [];
  try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return found; }
  for (const e of entries) { const f = path.join(dir, e.name); if (e.isDirectory()) findFiles(f, pattern, found); else if (pattern.test(e.name)) found.push(f); }
  return found;
}
