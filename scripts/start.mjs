// `npm start`: builds the extension and opens VS Code on the examples/ workspace with it loaded.
// - Desktop VS Code when `code` is on the PATH (as an Extension Development Host).
// - Otherwise a local code-server on 127.0.0.1 (installed on first use from npm and Debian packages); it prints the
//   address to open and runs until Ctrl+C. PORT chooses the port (default 8080, or a free one if that is taken).
// --check: start code-server, verify the workbench and the extension are served, stop (used by npm test).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, ensureCodeServer, freePort, startCodeServer, workbenchUrl } from './e2e/codeServer.mjs';

const check = process.argv.includes('--check');
const examples = path.join(ROOT, 'examples');
if (!check) execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--no-typecheck'], { cwd: ROOT, stdio: 'inherit' });

const hasDesktopCode = !check && !process.env.CNC_USE_CODE_SERVER && spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
if (hasDesktopCode) {
  spawn('code', [`--extensionDevelopmentPath=${ROOT}`, examples], { stdio: 'inherit', detached: true }).unref();
  console.log(`Opened VS Code on ${examples} with Cloud-Native Companion loaded (Extension Development Host).`);
} else {
  ensureCodeServer();
  const wanted = Number(process.env.PORT || 8080);
  const port = (await isFree(wanted)) ? wanted : await freePort();
  const runDir = path.join(ROOT, '.vscode-test', check ? `start-check-${process.pid}` : 'start');
  const server = await startCodeServer({ runDir, port, installExtensionFrom: ROOT, settings: { 'workbench.colorTheme': 'Default Dark Modern' } });
  const url = workbenchUrl(server.base, examples);
  if (check) {
    const page = await fetch(url);
    const linked = fs.existsSync(path.join(runDir, 'ext', 'cloud-native-companion.cloud-native-companion-0.1.0', 'dist', 'client', 'extension.js'));
    await server.stop();
    fs.rmSync(runDir, { recursive: true, force: true });
    if (!page.ok || !linked) { console.error(`start --check: workbench HTTP ${page.status}, extension linked: ${linked}`); process.exit(1); }
    console.log('start --check: code-server served the workbench with the extension installed.');
  } else {
    console.log(`\nCloud-Native Companion is running in VS Code (code-server) at:\n\n  ${url}\n\nOpen it in a browser. Ctrl+C stops it.`);
    const stop = async () => { await server.stop(); process.exit(0); };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    setInterval(() => {}, 1 << 30);
  }
}

async function isFree(port) {
  try { await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(500) }); return false; } catch { return true; }
}
