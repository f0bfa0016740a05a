/** Shared plumbing for the subcommands: exit codes, usage errors, package root. */
import path from 'node:path';

export const EXIT = { ok: 0, findings: 1, usage: 2, notBuilt: 3 } as const;

export class UsageError extends Error {}

export interface Command {
  name: string;
  summary: string;
  help: string;
  run(args: string[]): Promise<number> | number;
}

/** dist/cli/cnc.js -> package root. */
export const packageRoot = () => path.resolve(__dirname, '..', '..');

export const wantsHelp = (args: string[]) => args.includes('--help') || args.includes('-h');
