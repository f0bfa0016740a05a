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
  async run(args) {
    if (!args.includes('--stdio') && !args.some((a) => a.startsWith('--node-ipc') || a.startsWith('--socket'))) {
      throw new UsageError('choose a transport: --stdio');
    }
    // Loaded here, not at start: the server pulls in yaml-language-server (and its Ajv schemas), which `cnc lint`,
    // `cnc --help` and the other commands never use.
    const [{ createConnection, ProposedFeatures }, { startServer }] = await Promise.all([import('vscode-languageserver/node'), import('../../server/server')]);
    startServer(createConnection(ProposedFeatures.all), { packageRoot: packageRoot() });
    return new Promise<number>(() => { /* runs until the client exits the connection */ });
  },
};
