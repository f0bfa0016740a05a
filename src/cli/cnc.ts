#!/usr/bin/env node
import { EXIT, UsageError, wantsHelp, type Command } from './cli';
import { cardsCommand } from './commands/cards';
import { convertCommand } from './commands/convert';
import { explainCommand } from './commands/explain';
import { graphCommand } from './commands/graph';
import { lintCommand } from './commands/lint';
import { notesCommand } from './commands/notes';
import { rulesCommand } from './commands/rules';
import { searchCommand } from './commands/search';
import { serveCommand } from './commands/serve';

const COMMANDS: Command[] = [serveCommand, lintCommand, explainCommand, graphCommand, searchCommand, rulesCommand, cardsCommand, notesCommand, convertCommand];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'cnc — Cloud-Native Companion: explains and checks Kubernetes manifests and Terraform, and reviews flashcards.',
    '',
    'Usage: cnc <command> [options]        cnc <command> --help for details',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Exit codes: 0 ok, 1 findings at or above --fail-on, 2 usage error, 3 capability not built yet.',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version') { console.log('0.1.0'); return EXIT.ok; }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    console.error(`cnc: unknown command "${name}".\n\n${usage()}`);
    return EXIT.usage;
  }
  if (wantsHelp(args)) { console.log(command.help); return EXIT.ok; }
  try {
    return await command.run(args);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`cnc ${command.name}: ${error.message}\n\n${command.help}`);
      return EXIT.usage;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => { if (code !== undefined) process.exitCode = code; },
  (error: unknown) => { console.error(`cnc: ${(error as Error).stack ?? String(error)}`); process.exitCode = 70; },
);
