import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadBundledKnowledge } from '../../src/core/knowledge/bundle';
import { minorRelease, noteFreshnessProblems } from '../../src/core/knowledge/noteChecks';
import { parseNote } from '../../src/core/knowledge/parseNote';
import { builtInData } from '../../src/core/schema/builtInData';

const root = path.resolve(__dirname, '..', '..');
const parse = (front: string, body = '# T\n\nq1::a1\nq2::a2\n') => parseNote(`---\nid: t\ntitle: T\nsummary: S.\ntags: [kubernetes]\n${front}\n---\n${body}`, 't.md', 'user');
const noteOf = (front: string, body?: string) => parse(front, body).note!;
const shippedVersion = builtInData().kubernetesVersion;
const shippedMinor = minorRelease(shippedVersion)!;

describe('the kubernetesVersion and reviewed front matter fields', () => {
  it('reads a quoted release, none, and a date', () => {
    expect(parse('kubernetesVersion: "1.34"\nreviewed: 2026-12-04').note).toMatchObject({ kubernetesVersion: '1.34', reviewed: '2026-12-04' });
    expect(parse('kubernetesVersion: none\nreviewed: 2026-11-21').note).toMatchObject({ kubernetesVersion: 'none', reviewed: '2026-11-21' });
    expect(parse('').note).not.toHaveProperty('kubernetesVersion');
  });

  it('rejects an unquoted release (YAML reads 1.30 as 1.3) and a malformed date, on the line of the key', () => {
    const unquoted = parse('kubernetesVersion: 1.30');
    expect(unquoted.problems).toHaveLength(1);
    expect(unquoted.problems[0]).toMatchObject({ severity: 'error', line: 5 });
    expect(unquoted.problems[0]!.message).toMatch(/quote it/);
    expect(unquoted.note).not.toHaveProperty('kubernetesVersion');
    expect(parse('reviewed: last week').problems[0]!.message).toMatch(/`reviewed` must be a date/);
  });
});

describe('noteFreshnessProblems', () => {
  it('warns when a note was checked more than three releases before the shipped API data, not at three', () => {
    const stale = noteOf(`kubernetesVersion: "1.${shippedMinor - 4}"`);
    const recent = noteOf(`kubernetesVersion: "1.${shippedMinor - 3}"`);
    const newer = noteOf(`kubernetesVersion: "1.${shippedMinor + 6}"`);
    const problems = noteFreshnessProblems([stale, recent, newer, noteOf('kubernetesVersion: none')], shippedVersion);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'warning', line: stale.keyLines.kubernetesVersion });
    expect(problems[0]!.message).toContain(`1.${shippedMinor - 4}`);
    expect(problems[0]!.message).toContain(shippedVersion);
  });

  it('warns about a release-specific claim only when the note cites no source', () => {
    const claim = '# T\n\nThe field is stable since Kubernetes 1.33.\n\nq1::a1\nq2::a2\n';
    const unsourced = noteOf('sources:\n  - seed:000_x.txt', claim);
    const problems = noteFreshnessProblems([unsourced], '1.30.0');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'warning', line: unsourced.keyLines.sources });
    expect(problems[0]!.message).toContain('stable since Kubernetes 1.33');
    const sourced = [
      noteOf('sources:\n  - https://kubernetes.io/docs/x/', claim),
      noteOf('docs: https://kubernetes.io/docs/x/', claim),
      noteOf('', claim.replace('1.33.', '1.33 ([docs](https://kubernetes.io/docs/x/)).')),
    ];
    expect(noteFreshnessProblems(sourced, '1.30.0')).toEqual([]);
  });

  it('does not take image tags, addresses or code blocks for release claims', () => {
    const body = '# T\n\nRun `nginx:1.27` on 10.1.10.0/24.\n\n```yaml\nversion: v1.29\n```\n\nq1::a1\nq2::a2\n';
    expect(noteFreshnessProblems([noteOf('', body)], '1.30.0')).toEqual([]);
    expect(noteFreshnessProblems([noteOf('', '# T\n\nRemoved in v1.25.\n\nq1::a1\nq2::a2\n')], '1.30.0')).toHaveLength(1);
  });
});

describe('the bundled notes stay true', () => {
  const kb = loadBundledKnowledge(root);

  it('all carry kubernetesVersion and reviewed', () => {
    expect(kb.notes.length).toBeGreaterThan(180);
    expect(kb.notes.filter((n) => !n.kubernetesVersion || !n.reviewed).map((n) => n.id)).toEqual([]);
  });

  it('raise no freshness warning against the shipped API data', () => {
    expect(noteFreshnessProblems(kb.notes, shippedVersion)).toEqual([]);
  });

  it('cnc notes check prints the warning for a stale user note and still exits 0', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnc-fresh-'));
    fs.writeFileSync(path.join(dir, 'old.md'), `---\nid: old\ntitle: Old\nsummary: S.\nkubernetesVersion: "1.${shippedMinor - 5}"\nreviewed: 2020-01-01\n---\n# Old\n\nq1::a1\nq2::a2\n`);
    const run = spawnSync(process.execPath, [path.join(root, 'dist/cli/cnc.js'), 'notes', 'check', dir], { cwd: root, encoding: 'utf8' });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/old\.md:5: warning: Note was checked against Kubernetes 1\.\d+, more than 3 releases behind/);
    expect(run.stdout).toMatch(/0 error\(s\), 1 warning\(s\)/);
  });
});
