import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
const cnc = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'dist/cli/cnc.js'), ...args], { cwd: root, encoding: 'utf8' });
const example = 'examples/kubernetes/web.yaml';

describe('cnc CLI', () => {
  it('lints the example and exits 1 on a warning, in text and JSON', () => {
    const text = cnc('lint', example);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain(`${example}:20:18: warning:`);
    expect(text.stdout).toContain('[image-tag-not-pinned]');
    const json = JSON.parse(cnc('lint', example, '--format', 'json').stdout);
    expect(json.files[0].findings.find((f: { ruleId: string }) => f.ruleId === 'image-tag-not-pinned')).toMatchObject({ ruleId: 'image-tag-not-pinned', severity: 'warning', range: { start: { line: 19, character: 17 } }, object: { address: 'Deployment/web' } });
    expect(cnc('lint', example, '--fail-on', 'never').status).toBe(0);
  });

  it('writes SARIF 2.1.0 with rule metadata and regions', () => {
    const sarif = JSON.parse(cnc('lint', example, '--format', 'sarif').stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toContain('image-tag-not-pinned');
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'image-tag-not-pinned');
    expect(result.locations[0].physicalLocation.region).toMatchObject({ startLine: 20, startColumn: 18 });
  });

  it('explains a position as the hover does, and a whole manifest', () => {
    const explained = JSON.parse(cnc('explain', `${example}:3:9`, '--json').stdout);
    expect(explained.subject).toBe('kind: Deployment');
    expect(explained.concepts[0].noteId).toBe('deployment');
    const whole = cnc('explain', example);
    expect(whole.status).toBe(0);
    expect(whole.stdout).toContain('Service/web selects Deployment/web');
  });

  it('searches notes and lists cards as JSON', () => {
    const hits = JSON.parse(cnc('search', 'deployment', '--json').stdout);
    expect(hits[0]).toMatchObject({ id: 'deployment', title: 'Deployment' });
    expect(Object.keys(hits[0]).sort()).toEqual(['aliases', 'id', 'path', 'score', 'title']);
    const cards = JSON.parse(cnc('cards', '--json', '--note', 'deployment').stdout);
    expect(cards.length).toBeGreaterThanOrEqual(2);
    expect(Object.keys(cards[0]).sort()).toEqual(['back', 'front', 'id', 'kind', 'noteId']);
  });

  it('gives every subcommand a --help, and usage errors exit 2', () => {
    for (const sub of ['serve', 'lint', 'explain', 'search', 'rules', 'cards', 'notes']) {
      const help = cnc(sub, '--help');
      expect(help.status, sub).toBe(0);
      expect(help.stdout).toMatch(/^Usage: cnc /);
    }
    expect(cnc('lint').status).toBe(2);
    expect(cnc('lint', 'no/such/file.yaml').status).toBe(2);
    expect(cnc('lint', example, '--format', 'xml').status).toBe(2);
    expect(cnc('bogus').status).toBe(2);
  });

  it('validates the bundled notes with no errors', () => {
    const check = cnc('notes', 'check');
    expect(check.stdout).toMatch(/ 0 error\(s\)/);
    expect(check.status).toBe(0);
  });
});
