// esbuild plugin for bundling yaml-language-server's language service (src/server/yamlSchemaService.ts):
// - its formatter pulls in Prettier (megabytes) at load time; we never format, so Prettier becomes an empty module;
// - jsonc-parser's UMD build loads its parts with a dynamic require that a bundle cannot follow; its ESM build can be
//   bundled.
import path from 'node:path';
import { createRequire } from 'node:module';

export function yamlLanguageServerPlugin(root) {
  const require = createRequire(path.join(root, 'package.json'));
  const jsoncEsm = path.join(path.dirname(require.resolve('jsonc-parser/package.json')), 'lib', 'esm', 'main.js');
  return {
    name: 'yaml-language-server',
    setup(build) {
      build.onResolve({ filter: /^prettier(\/|$)/ }, (args) => ({ path: args.path, namespace: 'prettier-unused' }));
      build.onLoad({ filter: /.*/, namespace: 'prettier-unused' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
      build.onResolve({ filter: /^jsonc-parser$/ }, () => ({ path: jsoncEsm }));
    },
  };
}
