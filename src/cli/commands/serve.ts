import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../../server/server';
import { UsageError, packageRoot, type Command } from '../cli';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'run the language server (for Neovim, Helix, Emacs, ...)',
  help: [
    'Usage: cnc serve --stdio',
    '',
    'Runs the Cloud-Native Companion language server over standard input/output: the same hovers, diagnostics and',
    'quick fixes as in VS Code, for YAML and Terraform buffers. Example (Neovim):',
    "  vim.lsp.start({ name = 'cnc', cmd = { 'cnc', 'serve', '--stdio' } })",
  ].join('\n'),
  run(args) {
    if (!args.includes('--stdio') && !args.some((a) => a.startsWith('--node-ipc') || a.startsWith('--socket'))) {
      throw new UsageError('choose a transport: --stdio');
    }
    startServer(createConnection(ProposedFeatures.all), { packageRoot: packageRoot() });
    return new Promise<number>(() => { /* runs until the client exits the connection */ });
  },
};
