import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkspaceIndex } from '../../src/server/workspaceIndex';

const deployment = (name: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}}\nspec:\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec:\n      containers: [{name: c, image: "c:1.0"}]\n`;
const dirs: string[] = [];
const tempDir = () => { const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnc-index-')); dirs.push(dir); return dir; };
afterEach(() => { for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true }); });

describe('WorkspaceIndex', () => {
  it('answers at once with what is known, indexes in the background and reports the files to analyse again', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'service.yaml'), 'apiVersion: v1\nkind: Service\nmetadata: {name: api}\n');
    fs.writeFileSync(path.join(dir, 'deploy.yaml'), deployment('api'));
    const stale: string[][] = [];
    const index = new WorkspaceIndex((files) => stale.push(files));
    const self = path.join(dir, 'service.yaml');
    // Nothing read yet: the first answer does not wait for the disk.
    expect(index.objectsBeside(self, new Map())).toEqual([]);
    await index.whenIndexed(dir, 10_000);
    expect(stale).toEqual([[self]]);
    expect(index.objectsBeside(self, new Map()).map((o) => o.address)).toEqual(['Deployment/api']);
  });

  it('reads a file again only when its mtime or size changed, and prefers an open file\'s text', async () => {
    const dir = tempDir();
    const self = path.join(dir, 'service.yaml');
    const other = path.join(dir, 'deploy.yaml');
    fs.writeFileSync(self, 'apiVersion: v1\nkind: Service\nmetadata: {name: api}\n');
    fs.writeFileSync(other, deployment('api'));
    const stale: string[][] = [];
    const index = new WorkspaceIndex((files) => stale.push(files));
    await index.whenIndexed(dir, 10_000);
    index.objectsBeside(self, new Map());
    await index.refresh(dir);
    expect(stale).toEqual([]);
    fs.writeFileSync(other, deployment('renamed-and-longer'));
    await index.refresh(dir);
    expect(stale).toEqual([[self]]);
    expect(index.objectsBeside(self, new Map()).map((o) => o.address)).toEqual(['Deployment/renamed-and-longer']);
    expect(index.objectsBeside(self, new Map([[other, deployment('unsaved')]])).map((o) => o.address)).toEqual(['Deployment/unsaved']);
  });

  it('does not count a file as its own neighbour, nor read files over the size limit', async () => {
    const dir = tempDir();
    const self = path.join(dir, 'service.yaml');
    fs.writeFileSync(self, 'apiVersion: v1\nkind: Service\nmetadata: {name: api}\n');
    fs.writeFileSync(path.join(dir, 'huge.yaml'), `${deployment('huge')}# ${'x'.repeat(2 * 1024 * 1024)}\n`);
    const stale: string[][] = [];
    const index = new WorkspaceIndex((files) => stale.push(files));
    await index.whenIndexed(dir, 10_000);
    expect(index.objectsBeside(self, new Map())).toEqual([]);
    fs.writeFileSync(self, 'apiVersion: v1\nkind: Service\nmetadata: {name: saved-again}\n');
    await index.refresh(dir);
    expect(stale).toEqual([]);
  });
});
