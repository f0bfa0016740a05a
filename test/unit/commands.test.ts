import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/core/commands';
import { HOVER_COMMANDS } from '../../src/core/hover/commandLinks';

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as {
  contributes: { commands: { command: string }[]; menus: Record<string, { command: string }[]> };
};

describe('the command table', () => {
  it('names exactly the commands package.json contributes', () => {
    expect(Object.values(COMMANDS).sort()).toEqual(manifest.contributes.commands.map((c) => c.command).sort());
  });

  it('covers every command a menu shows, and every command a hover may run', () => {
    const known: string[] = Object.values(COMMANDS);
    const inMenus = Object.values(manifest.contributes.menus).flat().map((m) => m.command);
    expect(inMenus.filter((c) => !known.includes(c))).toEqual([]);
    expect(HOVER_COMMANDS.filter((c) => !known.includes(c))).toEqual([]);
  });

  it('registers every command in the client bundle source', () => {
    // The client registers commands through the table only: no command id is spelt out in src/client.
    const clientDir = path.resolve(__dirname, '..', '..', 'src', 'client');
    const sources = fs.readdirSync(clientDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))
      .map((f) => fs.readFileSync(path.join(clientDir, f), 'utf8')).join('\n');
    for (const id of Object.values(COMMANDS)) expect(sources).not.toContain(`'${id}'`);
    const registered = [...sources.matchAll(/(?:registerCommand|guarded)\(COMMANDS\.(\w+)/g)].map((m) => m[1]);
    expect(registered.sort()).toEqual(Object.keys(COMMANDS).sort());
  });
});
