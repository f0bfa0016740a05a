import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { analyse, languageOfPath, type AnalysedFile } from '../../core/analysis/analyse';
import { BATCH_LIMITS } from '../../core/model/limits';
import type { ConfigProblem } from '../../core/config/config';
import { parseKubernetesVersion } from '../../core/model/kubernetesVersion';
import { configRelativePath, loadConfigFile, loadConfigFor, type LoadedConfig } from '../../core/config/loadConfig';
import { compareWithBaseline, createBaseline, parseBaseline, serialiseBaseline, type Baseline } from '../../core/lint/baseline';
import { lintFileDetailed, type LintOptions } from '../../core/lint/lint';
import { configurableIds } from '../../core/lint/ruleSettings';
import { ALL_RULES } from '../../core/rules';
import { initTerraform } from '../../core/terraform/runtime';
import type { Severity } from '../../core/rules/rule';
import { EXIT, packageRoot, UsageError, type Command } from '../cli';
import { formatGithub } from '../format/github';
import { formatGitlab } from '../format/gitlab';
import { formatJson } from '../format/json';
import { formatJunit } from '../format/junit';
import { fileReport, relativePath, type FileReport } from '../format/report';
import { formatSarif } from '../format/sarif';
import { formatText } from '../format/text';
import { toolInfo } from '../format/tool';
import { collectFiles } from './files';
import { terminalLine } from '../../core/text/escape';

const RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };
const FAIL_ON = ['error', 'warning', 'info', 'never'] as const;
const FORMATS = ['text', 'json', 'sarif', 'github', 'junit', 'gitlab'] as const;

export const lintCommand: Command = {
  name: 'lint',
  summary: 'check manifests and Terraform files (text, JSON, SARIF, GitHub annotations, JUnit, GitLab)',
  help: [
    'Usage: cnc lint PATHS... [--format text|json|sarif|github|junit|gitlab] [--all-rules] [--kubernetes-version X.Y]',
    '                [--fail-on error|warning|info|never] [--config FILE] [--baseline FILE | --write-baseline FILE]',
    '',
    'Checks Kubernetes YAML and Terraform files; directories are searched for .yaml, .yml and .tf, and for .json',
    "files that hold Kubernetes objects. Findings are the same as the editor's diagnostics. Files of the same",
    'directory are seen together, so a Service in one file is matched against the Deployment in the file next to it.',
    'JSON manifests get findings but no fixes (a fix is written as YAML).',
    '',
    '  --format              text (default), json (findings with fixes), sarif (SARIF 2.1.0 for code scanning),',
    '                        github (workflow annotations), junit (JUnit XML test report) or gitlab (code quality)',
    '  --all-rules           also run the rules that are off by default',
    '  --kubernetes-version  target release for apiVersion checks (default: the config file, else 1.30)',
    '  --fail-on             lowest severity that makes the exit code 1 (default warning); syntax errors count as errors',
    `  --config              config file to use instead of the nearest .cnc.yaml above each PATH`,
    '  --baseline            report and fail only on findings that are not in this baseline file',
    "  --write-baseline      record today's findings in this file (they are printed; only syntax errors then fail)",
    '',
    'Baselines match findings by rule, file, object, container and the offending text, not by line, so moved lines',
    'and unrelated new objects do not make old findings new. Paths in them are relative to the working directory:',
    'run cnc from the same directory (the repository root) when writing and when using one.',
    '',
    'Exit codes: 0 nothing at or above --fail-on, 1 otherwise, 2 usage, config or baseline error.',
  ].join('\n'),
  async run(args) {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: {
        format: { type: 'string', default: 'text' },
        'all-rules': { type: 'boolean', default: false },
        'fail-on': { type: 'string', default: 'warning' },
        'kubernetes-version': { type: 'string' },
        config: { type: 'string' },
        baseline: { type: 'string' },
        'write-baseline': { type: 'string' },
      } });
    } catch (error) { throw new UsageError((error as Error).message); }
    const { values, positionals } = parsed;
    const format = values.format as (typeof FORMATS)[number];
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown --format "${values.format}" (use ${FORMATS.join(', ')})`);
    const failOn = values['fail-on'] as (typeof FAIL_ON)[number];
    if (!(FAIL_ON as readonly string[]).includes(failOn)) throw new UsageError(`unknown --fail-on "${values['fail-on']}" (use ${FAIL_ON.join(', ')})`);
    const version = values['kubernetes-version'];
    if (version !== undefined && !parseKubernetesVersion(version)) throw new UsageError(`--kubernetes-version "${version}" is not a Kubernetes release such as 1.30`);
    if (positionals.length === 0) throw new UsageError('give at least one file or directory');
    if (values.baseline !== undefined && values['write-baseline'] !== undefined) throw new UsageError('use --baseline or --write-baseline, not both (--write-baseline replaces the file)');
    const baseline = values.baseline !== undefined ? readBaseline(values.baseline) : undefined;
    const { files, missing } = collectFiles(positionals);
    if (missing.length) throw new UsageError(`no such file or directory: ${missing.join(', ')}`);
    // A parser that fails to load is reported on each .tf file (analyse says why), not as a crash.
    if (files.some((f) => languageOfPath(f) === 'terraform')) await initTerraform({ packageRoot: packageRoot() }).catch(() => undefined);

    const ids = configurableIds(ALL_RULES);
    const explicit = values.config !== undefined ? loadConfigFile(values.config, ids) : undefined;
    if (explicit && !fs.existsSync(explicit.path!)) throw new UsageError(`no such config file: ${values.config}`);

    const reports: FileReport[] = [];
    const assigned = new Set<string>();
    for (const root of positionals) {
      // Each file belongs to the first PATH that holds it, so overlapping PATHs do not lint a file twice.
      const group = files.filter((f) => !assigned.has(path.resolve(f)) && isUnder(f, root));
      for (const f of group) assigned.add(path.resolve(f));
      const loaded = explicit ?? loadConfigFor(fs.statSync(root).isDirectory() ? root : path.dirname(root), ids);
      if (!reportConfigProblems(loaded)) return EXIT.usage;
      for (const directory of groupByDirectory(group)) {
        reports.push(...lintGroup(directory, loaded, { allRules: values['all-rules']!, kubernetesVersion: version, withFixes: format === 'json' }));
      }
    }

    const cwd = process.cwd();
    // Written findings are accepted from now on: the run prints them all but fails only on syntax errors.
    const accepted = values['write-baseline'] !== undefined ? writeBaseline(values['write-baseline'], reports, cwd) : undefined;
    const shown = baseline ? withoutBaselined(reports, baseline, values.baseline!) : reports;
    const output = format === 'json' ? formatJson(shown)
      : format === 'sarif' ? formatSarif(shown, ALL_RULES, cwd, toolInfo(packageRoot()), { baselined: baseline !== undefined })
        : format === 'github' ? formatGithub(shown, cwd)
          : format === 'junit' ? formatJunit(shown, cwd)
            : format === 'gitlab' ? formatGitlab(shown, cwd) : formatText(shown);
    process.stdout.write(output + '\n');
    if (failOn === 'never') return EXIT.ok;
    const threshold = RANK[failOn];
    const failing = shown.some((r) => r.errors.length > 0 || (!accepted && r.findings.some((f) => RANK[f.severity] >= threshold)));
    return failing ? EXIT.findings : EXIT.ok;
  },
};

function readBaseline(file: string): Baseline {
  let text: string;
  try { text = fs.readFileSync(file, 'utf8'); } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `no such baseline file: ${file} (create it with --write-baseline ${file})` : `cannot read baseline ${file}: ${(error as Error).message}`);
  }
  const parsed = parseBaseline(text);
  if ('error' in parsed) throw new UsageError(`baseline ${file} is not a cnc baseline: ${parsed.error}`);
  return parsed.baseline;
}

/** Writes every finding of the run to the baseline file; true once written. */
function writeBaseline(file: string, reports: FileReport[], cwd: string): true {
  const baseline = createBaseline(reports.flatMap((r) => r.findings.map((f) => ({
    fingerprint: f.fingerprint, ruleId: f.ruleId, path: relativePath(r.path, cwd), object: f.object.address,
    ...(f.container ? { container: f.container } : {}), message: f.message,
  }))));
  try { fs.writeFileSync(file, serialiseBaseline(baseline)); } catch (error) {
    throw new UsageError(`cannot write baseline ${file}: ${(error as Error).message}`);
  }
  console.error(`cnc lint: wrote ${baseline.findings.length} finding${baseline.findings.length === 1 ? '' : 's'} to ${file}; later runs with --baseline ${file} report only new ones.`);
  return true;
}

/** The reports with the findings the baseline holds taken out; says on stderr how many, and how many were fixed since. */
function withoutBaselined(reports: FileReport[], baseline: Baseline, file: string): FileReport[] {
  const { known, absent } = compareWithBaseline(reports.flatMap((r) => r.findings), baseline);
  const hidden = new Set(known);
  if (known.length > 0) console.error(`cnc lint: ${known.length} finding${known.length === 1 ? ' is' : 's are'} in the baseline ${file} and not reported.`);
  if (absent.length > 0) console.error(`cnc lint: ${absent.length} finding${absent.length === 1 ? '' : 's'} of the baseline no longer occur${absent.length === 1 ? 's' : ''}; rewrite it with --write-baseline ${file} to drop ${absent.length === 1 ? 'it' : 'them'}.`);
  return reports.map((r) => ({ ...r, findings: r.findings.filter((f) => !hidden.has(f)) }));
}

interface GroupOptions { allRules: boolean; kubernetesVersion?: string; withFixes: boolean }

/**
 * Files of one directory, in the order found. A directory is the unit manifests are written in (an app, a Kustomize
 * base); a whole repository would let unrelated projects satisfy each other's references.
 */
function groupByDirectory(files: string[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const file of files) {
    const dir = path.dirname(path.resolve(file));
    const group = groups.get(dir);
    if (group) group.push(file);
    else groups.set(dir, [file]);
  }
  return [...groups.values()];
}

/** Lints files that belong together: every file is parsed first, then each is linted seeing the objects of the others. */
function lintGroup(files: string[], loaded: LoadedConfig, options: GroupOptions): FileReport[] {
  const parsed = files.map((file) => readAndParse(file));
  const everyObject = parsed.flatMap((p) => p.file?.objects ?? []);
  return parsed.map((p) => {
    if (!p.file) return { path: p.path, language: p.language, skipped: p.skipped, findings: [], errors: [], suppressed: 0 };
    const lintOptions: Omit<LintOptions, 'rules'> = {
      allRules: options.allRules,
      config: loaded.config,
      kubernetesVersion: options.kubernetesVersion,
      // Every object of the folder: the lint leaves out the file's own (filtering here too cost n² in a big folder).
      workspaceObjects: everyObject,
      path: configRelativePath(loaded, p.path),
    };
    const result = lintFileDetailed(p.file, { ...lintOptions, rules: ALL_RULES });
    // Fixes are YAML edits: in a JSON file they would break the syntax.
    const withFixes = options.withFixes && !/\.json$/i.test(p.path);
    return fileReport(p.path, p.language, p.file, result, ALL_RULES, withFixes);
  });
}

function readAndParse(file: string): { path: string; language: string; file?: AnalysedFile; skipped?: string } {
  const language = languageOfPath(file);
  let text: string;
  try { text = fs.readFileSync(file, 'utf8'); } catch (error) {
    return { path: file, language, skipped: `cannot read: ${(error as Error).message}` };
  }
  // No rules here: only the parse (and the size guard); linting happens once every file of the group is parsed.
  const analysis = analyse(text, language, [], { limits: BATCH_LIMITS });
  return { path: file, language, file: analysis.file, skipped: analysis.skipped ?? (analysis.file ? undefined : 'not a YAML or Terraform file') };
}

/** Prints config problems to stderr; false when one of them is an error (the run stops with exit code 2). */
function reportConfigProblems(loaded: LoadedConfig): boolean {
  if (loaded.problems.length === 0) return true;
  const text = loaded.path && fs.existsSync(loaded.path) ? fs.readFileSync(loaded.path, 'utf8') : '';
  const line = (p: ConfigProblem) => text.slice(0, p.span.start).split('\n').length;
  for (const p of loaded.problems) console.error(terminalLine(`${loaded.path ?? 'config'}:${line(p)}: ${p.severity}: ${p.message}`));
  return !loaded.problems.some((p) => p.severity === 'error');
}

function isUnder(file: string, root: string): boolean {
  const relative = path.relative(path.resolve(root), path.resolve(file));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

