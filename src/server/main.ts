import path from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

// Bundled to dist/server/main.js; the package root is two levels up. Transport (--stdio, --node-ipc) comes from argv.
startServer(createConnection(ProposedFeatures.all), { packageRoot: path.resolve(__dirname, '..', '..') });
