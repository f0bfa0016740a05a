import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_FILE_NAME, mergeConfig, parseConfig, settingsToConfig } from '../../src/core/config/config';
import { globToRegExp } from '../../src/core/config/glob';
import { compareKubernetesVersions, parseKubernetesVersion } from '../../src/core/model/kubernetesVersion';
import { configRelativePath, effectiveConfig, findConfigFile, loadConfigFile, loadConfigFor } from '../../src/core/config/loadConfig';
import { configurableIds } from '../../src/core/lint/ruleSettings';
import { ALL_RULES } from '../../src/core/rules';

const known = configurableIds(ALL_RULES);
/** The text a problem points at. */
const at = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

describe('parseConfig', () => {
  it('reads the target version, rule settings and ignore entries', () => {
    const text = [
      'kubernetesVersion: 1.30      # unquoted: read from the source, not as the number 1.3',
      'rules:',
      '  cpu-limit-missing: on',
      '  host-path-volume: error',
      '  replicas-below-two: off',
      '  pdb-missing: false',
      'ignore:',
      '  - rules: [host-network, host-pid]',
      '    objects: DaemonSet/node-exporter',
      '    files: ["monitoring/**"]',
      '    reason: reads host statistics',
      '',
    ].join('\n');
    const { config, problems } = parseConfig(text, known);
    expect(problems).toEqual([]);
    expect(config.kubernetesVersion).toBe('1.30');
    expect(config.rules).toEqual({ 'cpu-limit-missing': 'on', 'host-path-volume': 'error', 'replicas-below-two': 'off', 'pdb-missing': 'off' });
    expect(config.ignore).toMatchObject([{ rules: ['host-network', 'host-pid'], objects: ['DaemonSet/node-exporter'], files: ['monitoring/**'], reason: 'reads host statistics' }]);
  });

  it('reports each problem where it is written, and keeps what is valid', () => {
    const text = [
      'kubernetesVersion: latest',
      'rules:',
      '  cpu-limits-missing: off',
      '  host-network: loud',
      '  host-pid: warning',
      'ignores: []',
      'ignore:',
      '  - rules: [host-ipc]',
      '  - reason: nothing named',
      '',
    ].join('\n');
    const { config, problems } = parseConfig(text, known);
    expect(problems.map((p) => [p.severity, at(text, p.span), p.message])).toEqual([
      ['error', 'latest', 'kubernetesVersion must be a Kubernetes release such as "1.30".'],
      ['warning', 'cpu-limits-missing', 'Unknown rule "cpu-limits-missing". Did you mean "cpu-limit-missing"?'],
      ['error', 'loud', 'Rule "host-network" must be set to one of off, on, error, warning, info, hint.'],
      ['warning', 'ignores', 'Unknown setting "ignores"; .cnc.yaml knows kubernetesVersion, rules, ignore.'],
      ['info', 'rules: [host-ipc]', 'This ignore entry has no reason; say why, so the exception can be reviewed later.'],
      ['warning', 'reason: nothing named', 'This ignore entry names no rules (use "*" for all), so it ignores nothing.'],
    ]);
    expect(config.rules).toEqual({ 'host-pid': 'warning' });
    expect(config.ignore.map((e) => e.rules)).toEqual([['host-ipc']]);
  });

  it('says plainly when the file is not YAML or not a map, and accepts an empty file', () => {
    expect(parseConfig('rules: [unclosed\n', known).problems[0]!.message).toMatch(/^\.cnc\.yaml is not valid YAML: /);
    expect(parseConfig('- a\n- b\n', known).problems[0]!.message).toBe('.cnc.yaml must be a map with kubernetesVersion, rules and ignore.');
    expect(parseConfig('', known)).toEqual({ config: { rules: {}, ignore: [] }, problems: [] });
    expect(parseConfig('# only a comment\n', known).problems).toEqual([]);
  });
});

describe('editor settings over the file config', () => {
  it('validates settings like the file and lays them over it', () => {
    const file = parseConfig('kubernetesVersion: "1.29"\nrules:\n  host-port: off\n  host-pid: info\nignore:\n  - rules: ["*"]\n    files: [vendor/**]\n    reason: third-party\n', known).config;
    const { config: settings, problems } = settingsToConfig({ kubernetesVersion: 'v1.31', rules: { 'host-pid': 'error', 'nope': 'off', 'host-ipc': 'sometimes' } }, known);
    expect(problems.map((p) => p.message)).toEqual([
      'Setting cnc.rules names unknown rule "nope".',
      'Setting cnc.rules.host-ipc must be one of off, on, error, warning, info, hint.',
    ]);
    const merged = mergeConfig(file, settings);
    expect(merged.kubernetesVersion).toBe('1.31');
    expect(merged.rules).toEqual({ 'host-port': 'off', 'host-pid': 'error' });
    expect(merged.ignore).toHaveLength(1);
    expect(mergeConfig(file, {})).toEqual(file);
  });
});

describe('finding and loading the config file', () => {
  it('finds the nearest .cnc.yaml above a folder, and reports unreadable files as problems', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnc-config-'));
    const nested = path.join(dir, 'apps', 'web');
    fs.mkdirSync(nested, { recursive: true });
    expect(findConfigFile(nested, dir)).toBeUndefined();
    expect(loadConfigFor(nested, known, dir)).toEqual({ config: { rules: {}, ignore: [] }, problems: [] });
    fs.writeFileSync(path.join(dir, CONFIG_FILE_NAME), 'rules:\n  host-pid: off\n');
    expect(findConfigFile(nested, dir)).toBe(path.join(dir, CONFIG_FILE_NAME));
    const loaded = loadConfigFor(nested, known, dir);
    expect(loaded).toMatchObject({ root: dir, config: { rules: { 'host-pid': 'off' } }, problems: [] });
    const missing = loadConfigFile(path.join(dir, 'nope.yaml'), known);
    expect(missing.problems[0]!.message).toMatch(/^Cannot read /);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('versions and globs', () => {
  it('parses and compares Kubernetes versions', () => {
    expect(parseKubernetesVersion('1.30')).toEqual([1, 30]);
    expect(parseKubernetesVersion('v1.29.3')).toEqual([1, 29]);
    expect(parseKubernetesVersion('1.3x')).toBeUndefined();
    expect(compareKubernetesVersions('1.9', '1.16')).toBeLessThan(0);
    expect(compareKubernetesVersions('1.30', '1.30')).toBe(0);
  });

  it('matches paths and addresses with *, ** and ?', () => {
    expect(globToRegExp('monitoring/**').test('monitoring/a/b.yaml')).toBe(true);
    expect(globToRegExp('**/*.yaml').test('top.yaml')).toBe(true);
    expect(globToRegExp('apps/*.yaml').test('apps/sub/x.yaml')).toBe(false);
    expect(globToRegExp('DaemonSet/*').test('DaemonSet/node-exporter')).toBe(true);
    expect(globToRegExp('kubernetes_deployment.?').test('kubernetes_deployment.a')).toBe(true);
  });
});

describe('effectiveConfig', () => {
  it('lays the editor settings over the nearest file and paths are relative to that file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnc-effective-'));
    fs.mkdirSync(path.join(dir, 'apps'));
    fs.writeFileSync(path.join(dir, CONFIG_FILE_NAME), 'kubernetesVersion: "1.28"\nrules:\n  host-pid: off\n');
    const loaded = effectiveConfig(path.join(dir, 'apps'), known, { stopDir: dir, settings: { kubernetesVersion: '1.31', rules: { 'host-ipc': 'error' } } });
    expect(loaded.config).toMatchObject({ kubernetesVersion: '1.31', rules: { 'host-pid': 'off', 'host-ipc': 'error' } });
    expect(configRelativePath(loaded, path.join(dir, 'apps', 'web.yaml'))).toBe('apps/web.yaml');
    expect(effectiveConfig(path.join(dir, 'apps'), known, { stopDir: dir }).config.kubernetesVersion).toBe('1.28');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
