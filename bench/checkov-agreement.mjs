// Agreement with Checkov on its own Terraform fixtures for kubernetes_* resources, and a crash check over every
// .tf file of the shared corpus. Usage: node bench/checkov-agreement.mjs [--json] [--verbose]
//
// For every Checkov id one of our rules lists in `equivalents.checkov`, the fixture folder that tests the same idea
// (bench/checkov-terraform-checks.json, chosen by meaning because Checkov's Terraform ids swap some meanings) is
// linted with the rules that map to that id. Checkov names its fixture resources pass*/fail*; a resource agrees when
// we report something on it exactly when its name says it fails. Other names (unknown*, ignore*) are not counted.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const corpus = path.resolve(root, '..', 'shared', 'corpus', 'terraform');
const checkovDir = path.join(corpus, 'checkov', 'tests', 'terraform', 'checks', 'resource', 'kubernetes');
const args = new Set(process.argv.slice(2));

if (!fs.existsSync(checkovDir)) { console.error(`checkov-agreement: ${checkovDir} not found (the shared corpus must sit beside the project).`); process.exit(1); }

// The core, bundled the way the product bundles it.
const { build } = require('esbuild');
const bundle = path.join(root, 'bench', 'out', 'checkov-core.cjs');
await build({ stdin: { contents: [
  "export { initTerraform } from './src/core/terraform/runtime';",
  "export { analyse } from './src/core/analysis/analyse';",
  "export { ALL_RULES } from './src/core/rules';",
  "export { TERRAFORM_RULES } from './src/core/rules/terraform';",
].join('\n'), resolveDir: root, loader: 'ts' }, bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'warning' });
const core = require(bundle);
await core.initTerraform({ packageRoot: root });

const rules = [...core.ALL_RULES, ...core.TERRAFORM_RULES.filter((r) => !core.ALL_RULES.includes(r))];
const { checks } = JSON.parse(fs.readFileSync(path.join(root, 'bench', 'checkov-terraform-checks.json'), 'utf8'));

const tfFiles = (dir) => {
  const out = [];
  const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) { const f = path.join(d, e.name); if (e.isDirectory()) walk(f); else if (e.name.endsWith('.tf')) out.push(f); } };
  walk(dir);
  return out;
};

// 1. Agreement per mapped Checkov id.
const SPECLESS_KINDS = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'ServiceAccount', 'ConfigMap', 'Secret']);
const byId = new Map();
for (const rule of rules) for (const id of rule.equivalents?.checkov ?? []) byId.set(id, [...(byId.get(id) ?? []), rule]);
const rows = [];
const noFixtures = [];
for (const [id, mapped] of [...byId].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))) {
  const folder = checks[id];
  const dir = folder && path.join(checkovDir, `example_${folder}`);
  if (!dir || !fs.existsSync(dir)) { noFixtures.push(id); continue; }
  let total = 0, agree = 0, withoutSpec = 0, agreeWithSpec = 0;
  const misses = [];
  for (const file of tfFiles(dir)) {
    const analysis = core.analyse(fs.readFileSync(file, 'utf8'), 'terraform', mapped, { allRules: true });
    if (!analysis.file) { misses.push(`${path.basename(file)}: not analysed (${analysis.skipped})`); continue; }
    for (const block of analysis.file.blocks) {
      if (block.blockType !== 'resource') continue;
      const expected = /^fail/.test(block.name ?? '') ? true : /^pass/.test(block.name ?? '') ? false : undefined;
      if (expected === undefined) continue;
      const ours = analysis.findings.some((f) => f.object.documentIndex === block.index);
      // Checkov fails workloads with no `spec` block at all; the provider rejects those before any plan, and we have
      // no container to judge. Counted, and also reported apart. (Roles and bindings have no spec in the API.)
      const object = analysis.file.objects.find((o) => o.documentIndex === block.index);
      const lacksSpec = !SPECLESS_KINDS.has(object?.kind) && !object?.root.entries.some((e) => e.key === 'spec');
      total++;
      if (lacksSpec) withoutSpec++;
      if (ours === expected) { agree++; if (!lacksSpec) agreeWithSpec++; }
      else misses.push(`${path.basename(file)} ${block.address}: Checkov ${expected ? 'fails' : 'passes'} it, we ${ours ? 'report' : 'do not report'}`);
    }
  }
  rows.push({ id, folder, rules: mapped.map((r) => r.id), total, agree, withoutSpec, agreeWithSpec, misses });
}

// 2. Every .tf file of the corpus: parse and lint with every rule; nothing may throw or fail inside a rule, and
// every file parses without a syntax problem (the unit tests check a credited sample of these files).
const crashes = [];
const unparsed = [];
let files = 0, findings = 0, syntaxProblems = 0, objects = 0;
for (const file of tfFiles(corpus)) {
  files++;
  try {
    const analysis = core.analyse(fs.readFileSync(file, 'utf8'), 'terraform', rules, { allRules: true });
    if (!analysis.file) { crashes.push(`${file}: not analysed: ${analysis.skipped}`); continue; }
    findings += analysis.findings.length;
    syntaxProblems += analysis.file.problems.length;
    if (analysis.file.problems.length) unparsed.push(`${file}: ${analysis.file.problems.map((p) => p.message).join('; ')}`);
    objects += analysis.file.objects.length;
    for (const f of analysis.findings) if (/^Rule \S+ failed on this/.test(f.message)) crashes.push(`${file}: ${f.message}`);
  } catch (error) {
    crashes.push(`${file}: ${error.stack ?? error}`);
  }
}

const totalAll = rows.reduce((n, r) => n + r.total, 0);
const agreeAll = rows.reduce((n, r) => n + r.agree, 0);
const percent = (a, t) => (t ? (100 * a) / t : 0).toFixed(1);
const result = {
  rules: rules.map((r) => r.id),
  perId: rows.map(({ misses, ...r }) => ({ ...r, percent: Number(percent(r.agree, r.total)), disagreements: misses })),
  overall: { agree: agreeAll, total: totalAll, percent: Number(percent(agreeAll, totalAll)) },
  mappedWithoutTerraformFixtures: noFixtures,
  corpus: { files, objects, findings, syntaxProblems, crashes },
};
if (args.has('--json')) {
  console.log(JSON.stringify(result, null, 2));
} else {
  console.log(`Checkov Terraform agreement (${rules.length} rules loaded)\n`);
  console.log('| Checkov id | fixtures | our rules | agree | % |\n|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.id} | example_${r.folder} | ${r.rules.join(', ')} | ${r.agree}/${r.total} | ${percent(r.agree, r.total)} |`);
  console.log(`\nOverall: ${agreeAll}/${totalAll} resources agree (${percent(agreeAll, totalAll)}%).`);
  const specTotal = totalAll - rows.reduce((n, r) => n + r.withoutSpec, 0);
  const specAgree = rows.reduce((n, r) => n + r.agreeWithSpec, 0);
  console.log(`Resources that have a spec block, or need none (${totalAll - specTotal} workload fixtures have none): ${specAgree}/${specTotal} agree (${percent(specAgree, specTotal)}%).`);
  if (noFixtures.length) console.log(`Mapped ids with no Terraform fixtures in the corpus: ${noFixtures.join(', ')}.`);
  if (args.has('--verbose')) for (const r of rows) for (const m of r.misses) console.log(`  ${r.id}: ${m}`);
  console.log(`\nCorpus: ${files} .tf files, ${objects} Kubernetes objects, ${findings} findings, ${syntaxProblems} syntax problems, ${crashes.length} crashes.`);
  for (const c of crashes) console.log(`  CRASH ${c}`);
  for (const u of unparsed) console.log(`  SYNTAX ${u}`);
}
process.exitCode = crashes.length || unparsed.length ? 1 : 0;
