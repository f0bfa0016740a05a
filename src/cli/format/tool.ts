import fs from 'node:fs';
import path from 'node:path';

/** What reports say about cnc itself: its version and where its documentation lives. */
export interface ToolInfo {
  version: string;
  /** The project's home page (the repository, from package.json). */
  informationUri: string;
  /** docs/rules.md on the web; each rule's section is `#<rule id>`. */
  rulesUri: string;
}

/** Reads the installed package.json (the extension's, or the npm package's, which carries the same fields). */
export function toolInfo(packageRoot: string): ToolInfo {
  let manifest: { version?: string; homepage?: string; repository?: string | { url?: string } } = {};
  try { manifest = JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as typeof manifest; } catch { /* defaults below */ }
  const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  const home = (manifest.homepage ?? repository ?? 'https://example.invalid/cloud-native-companion').replace(/^git\+/, '').replace(/\.git$/, '');
  return { version: manifest.version ?? '0.0.0', informationUri: home, rulesUri: `${home}/blob/main/docs/rules.md` };
}
