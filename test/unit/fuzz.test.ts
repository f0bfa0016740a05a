import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse, type DocumentLanguage } from '../../src/core/analysis/analyse';
import { lintFileDetailed } from '../../src/core/lint/lint';
import { ALL_RULES } from '../../src/core/rules';
import { initTerraform } from '../../src/core/terraform/runtime';
import { fileReport, type FileReport } from '../../src/cli/format/report';

/**
 * Seeded fuzzing: the project's own fixtures and examples, mutated the ways real files break (a flipped byte, a
 * line lost or pasted twice, indentation off, control characters, Helm braces, anchors and aliases, huge numbers,
 * deep nesting). Bounded by a count, not a clock: the same seed gives the same documents on every run, so a failure
 * names a case that can be replayed. Each document must be analysed without an exception (and without a rule
 * failing inside lint), finish (the test's timeout), and be accounted for: a report with findings or syntax errors
 * at real places in the text, or a clear notice saying why it was skipped.
 */
const SEED = 0x16_f022;
const YAML_CASES = 1600;
const TERRAFORM_CASES = 500;
/** A mutated document that still fails after this long is a hang, not a slow machine. */
const TIMEOUT_MS = 120_000;

const root = path.resolve(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(file, 'utf8');
const filesIn = (dir: string, suffix: string) => fs.readdirSync(dir).filter((f) => f.endsWith(suffix)).sort().map((f) => path.join(dir, f));
const yamlSeeds = [...filesIn(path.join(root, 'src/core/rules'), '.fixtures.yaml'), path.join(root, 'examples/kubernetes/web.yaml')].map(read);
const terraformSeeds = [...filesIn(path.join(root, 'src/core/rules/terraform'), '.fixtures.tf'), path.join(root, 'examples/terraform/main.tf')].map(read);

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const int = (random: Random, max: number) => Math.floor(random() * max);

const CONTROL_CHARACTERS = ['\u0000', '\u0007', '\u0008', '\u000b', '\u000c', '\r', '\u001b', '\u001b[31m', '\u007f', '\u0085', '\u009b', '\u2028', '\ufeff', '\ud800', '\t'];
const HUGE_NUMBERS = ['99999999999999999999999999999', '1e309', '-1e309', '0x7fffffffffffffffff', '.inf', '-.nan', '9'.repeat(400), '1.7976931348623157e+309', '-0', '0o777777777777777777777'];

/** Mutations shared by YAML and Terraform: they act on the text, not on its structure. */
const TEXT_MUTATIONS: Record<string, (text: string, random: Random) => string> = {
  'flip a byte': (text, random) => {
    const at = int(random, text.length);
    return text.slice(0, at) + String.fromCharCode(text.charCodeAt(at) ^ (1 << int(random, 7))) + text.slice(at + 1);
  },
  'delete a line': (text, random) => {
    const lines = text.split('\n');
    lines.splice(int(random, lines.length), 1 + int(random, 3));
    return lines.join('\n');
  },
  'duplicate a line': (text, random) => {
    const lines = text.split('\n');
    const at = int(random, lines.length);
    lines.splice(at, 0, ...lines.slice(at, at + 1 + int(random, 4)));
    return lines.join('\n');
  },
  'shift indentation': (text, random) => {
    const lines = text.split('\n');
    const from = int(random, lines.length);
    const shift = pick(random, [-4, -2, -1, 1, 2, 3, 8]);
    for (let i = from; i < Math.min(lines.length, from + 1 + int(random, 6)); i++) {
      lines[i] = shift > 0 ? ' '.repeat(shift) + lines[i] : lines[i]!.slice(Math.min(-shift, lines[i]!.length - lines[i]!.trimStart().length));
    }
    return lines.join('\n');
  },
  'insert control characters': (text, random) => {
    let out = text;
    for (let n = 1 + int(random, 4); n > 0; n--) {
      const at = int(random, out.length + 1);
      out = out.slice(0, at) + pick(random, CONTROL_CHARACTERS) + out.slice(at);
    }
    return out;
  },
  'replace a number by a huge one': (text, random) => {
    const numbers = [...text.matchAll(/\b\d+\b/g)];
    if (!numbers.length) return text + `\n${pick(random, HUGE_NUMBERS)}`;
    const m = pick(random, numbers);
    return text.slice(0, m.index) + pick(random, HUGE_NUMBERS) + text.slice(m.index! + m[0].length);
  },
  'insert template braces': (text, random) => {
    const at = int(random, text.length + 1);
    return text.slice(0, at) + pick(random, ['{{', '}}', '{{ .Values.x }}', '{{- if .x }}', '${', '%{ if x }', '{{{{']) + text.slice(at);
  },
  'cut the text short': (text, random) => text.slice(0, int(random, text.length)),
};

const YAML_MUTATIONS: Record<string, (text: string, random: Random) => string> = {
  ...TEXT_MUTATIONS,
  'add anchors and aliases': (text, random) => {
    const lines = text.split('\n');
    const at = int(random, lines.length);
    const line = lines[at]!;
    const colon = line.indexOf(': ');
    if (colon > 0 && random() < 0.5) lines[at] = `${line.slice(0, colon + 2)}&a${at} ${line.slice(colon + 2)}`;
    lines.splice(int(random, lines.length), 0, pick(random, [`x: *a${at}`, '<<: *a1', '  <<: *missing', 'y: &self [*self]', '- *a', `z: &b { <<: [*a${at}, *a${at}] }`]));
    return lines.join('\n');
  },
  'nest deeply': (text, random) => {
    const depth = 20 + int(random, 400);
    const nested = random() < 0.5 ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' v';
    const lines = text.split('\n');
    const at = int(random, lines.length);
    const indent = lines[at]!.length - lines[at]!.trimStart().length;
    lines.splice(at, 0, `${' '.repeat(indent)}deep: ${nested.includes('\n') ? `\n${nested.replace(/^/gm, ' '.repeat(indent + 2))}` : nested}`);
    return lines.join('\n');
  },
  'add a document separator': (text, random) => {
    const lines = text.split('\n');
    lines.splice(int(random, lines.length), 0, pick(random, ['---', '...', '--- !!map', '%YAML 1.2', '--- |']));
    return lines.join('\n');
  },
};

const TERRAFORM_MUTATIONS: Record<string, (text: string, random: Random) => string> = {
  ...TEXT_MUTATIONS,
  'nest deeply': (text, random) => {
    const depth = 20 + int(random, 300);
    const nested = random() < 0.5 ? `${'b {\n'.repeat(depth)}${'}\n'.repeat(depth)}` : `x = ${'['.repeat(depth)}1${']'.repeat(depth)}\n`;
    const at = text.lastIndexOf('}');
    return at < 0 ? text + nested : text.slice(0, at) + nested + text.slice(at);
  },
  'unbalance a brace': (text, random) => {
    const braces = [...text.matchAll(/[{}[\]()"]/g)];
    if (!braces.length) return `${text}{`;
    const m = pick(random, braces);
    return text.slice(0, m.index) + text.slice(m.index! + 1);
  },
};

/**
 * A seed: one or two consecutive documents of a YAML seed file (small inputs keep the count high within the time;
 * two documents keep the cross-object rules in play), or a whole Terraform seed file.
 */
function seedText(seeds: readonly string[], random: Random): string {
  const documents = pick(random, seeds).split(/^---$/m);
  const from = int(random, documents.length);
  return documents.slice(from, from + 1 + int(random, 2)).join('---');
}

/** One to three mutations of a seed, with the names of what was done (for the failure message). */
function mutate(seeds: readonly string[], mutations: Record<string, (text: string, random: Random) => string>, random: Random): { text: string; steps: string[] } {
  const names = Object.keys(mutations);
  let text = seedText(seeds, random);
  const steps: string[] = [];
  for (let n = 1 + int(random, 3); n > 0; n--) {
    const name = pick(random, names);
    text = mutations[name]!(text, random);
    steps.push(name);
  }
  return { text, steps };
}

/** What the CLI would report for the text: the same analyse + lint + report steps as `cnc lint`. */
function reportFor(text: string, language: DocumentLanguage, withFixes: boolean): FileReport {
  const analysis = analyse(text, language, ALL_RULES, { allRules: true });
  if (!analysis.file) return { path: 'fuzz', language, skipped: analysis.skipped ?? '', findings: [], errors: [], suppressed: 0 };
  const result = lintFileDetailed(analysis.file, { rules: ALL_RULES, allRules: true });
  expect(result.findings.length).toBe(analysis.findings.length);
  return fileReport('fuzz', language, analysis.file, result, ALL_RULES, withFixes);
}

function expectAccountedFor(text: string, report: FileReport, where: string): void {
  if (report.skipped !== undefined) {
    expect(report.skipped.length, `${where}: a skipped file says why`).toBeGreaterThan(15);
    return;
  }
  const lineCount = text.split(/\r\n|\r|\n|\u2028|\u2029|\u0085/).length;
  for (const item of [...report.findings, ...report.errors]) {
    expect(item.message.length, where).toBeGreaterThan(0);
    expect(item.range.start.line, `${where}: ${item.message}`).toBeGreaterThanOrEqual(0);
    expect(item.range.end.line, `${where}: ${item.message}`).toBeLessThanOrEqual(lineCount);
  }
  // A rule that throws is caught by lint and reported as a finding; for the fuzzer that is a crash.
  const failed = report.findings.filter((f) => /^Rule \S+ failed on this object/.test(f.message));
  expect(failed.map((f) => f.message), where).toEqual([]);
}

function run(language: DocumentLanguage, seeds: readonly string[], mutations: Record<string, (text: string, random: Random) => string>, cases: number, seed: number): { reports: number; skipped: number; withFindings: number } {
  const random = prng(seed);
  const tally = { reports: 0, skipped: 0, withFindings: 0 };
  for (let i = 0; i < cases; i++) {
    const { text, steps } = mutate(seeds, mutations, random);
    const where = `${language} case ${i} (seed ${seed}: ${steps.join(', ')})`;
    let report: FileReport;
    try {
      // Quick fixes are built for one case in sixteen: they re-walk the file, and a hundred cases cover every rule.
      report = reportFor(text, language, i % 16 === 0);
    } catch (error) {
      throw new Error(`${where} threw: ${(error as Error).stack ?? String(error)}\n--- text ---\n${text.slice(0, 2000)}`, { cause: error });
    }
    expectAccountedFor(text, report, where);
    tally.reports++;
    if (report.skipped !== undefined) tally.skipped++;
    if (report.findings.length || report.errors.length) tally.withFindings++;
  }
  return tally;
}

describe('fuzz: mutated manifests and Terraform files never crash, hang or go missing', () => {
  beforeAll(async () => { await initTerraform({ packageRoot: root }); });

  it(`${YAML_CASES} mutated YAML manifests`, () => {
    expect(yamlSeeds.length).toBeGreaterThan(50);
    const tally = run('yaml', yamlSeeds, YAML_MUTATIONS, YAML_CASES, SEED);
    expect(tally.reports).toBe(YAML_CASES);
    // The mutations keep most documents recognisable: the run exercised the rules, not just the parser.
    expect(tally.withFindings).toBeGreaterThan(YAML_CASES / 2);
  }, TIMEOUT_MS);

  it(`${TERRAFORM_CASES} mutated Terraform files`, () => {
    expect(terraformSeeds.length).toBeGreaterThan(5);
    const tally = run('terraform', terraformSeeds, TERRAFORM_MUTATIONS, TERRAFORM_CASES, SEED + 1);
    expect(tally.reports).toBe(TERRAFORM_CASES);
    expect(tally.withFindings).toBeGreaterThan(TERRAFORM_CASES / 2);
  }, TIMEOUT_MS);
});
