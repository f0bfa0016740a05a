// Starts a private code-server (VS Code in a browser) for tests and `npm start`, and stops it with its whole process
// group. Everything it writes (settings, extensions, logs, temp files) stays in `runDir`.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CODE_SERVER = path.join(ROOT, '.vscode-test', 'code-server', 'node_modules', '.bin', 'code-server');

/** Installs Debian's chromium/ripgrep/libkrb5-dev and code-server if they are missing (idempotent). */
export function ensureCodeServer() {
  execFileSync('bash', [path.join(ROOT, 'scripts', 'e2e', 'install-code-server.sh')], { stdio: 'inherit' });
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
  });
}

const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'files.autoSave': 'off',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.tips.enabled': false,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
};

/**
 * @param {{ runDir: string, port?: number, settings?: object, installExtensionFrom?: string }} options
 *   installExtensionFrom: link this extension folder into the extensions dir (how `npm start` loads it);
 *   tests instead pass extensionDevelopmentPath in the workbench URL (see workbenchUrl).
 */
export async function startCodeServer({ runDir, port, settings = {}, installExtensionFrom }) {
  const host = '127.0.0.1';
  port ??= await freePort();
  for (const dir of ['ud/User', 'ext', 'home']) fs.mkdirSync(path.join(runDir, dir), { recursive: true });
  // A short temp dir: VS Code's IPC socket paths live there and must stay under 107 characters.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cnc-cs-'));
  fs.writeFileSync(path.join(runDir, 'ud/User/settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2));
  fs.writeFileSync(path.join(runDir, 'config.yaml'), `bind-addr: ${host}:${port}\nauth: none\ncert: false\n`);
  if (installExtensionFrom) {
    const pkg = JSON.parse(fs.readFileSync(path.join(installExtensionFrom, 'package.json'), 'utf8'));
    const link = path.join(runDir, 'ext', `${pkg.publisher}.${pkg.name}-${pkg.version}`);
    fs.rmSync(link, { force: true, recursive: true });
    fs.symlinkSync(installExtensionFrom, link, 'dir');
  }
  const log = fs.openSync(path.join(runDir, 'code-server.log'), 'a');
  // detached: code-server and the extension hosts it forks get their own process group, stopped together.
  // TMPDIR: the built-in git extension leaves a socket per extension host there. XDG_*: keep ~/.config clean.
  const child = spawn(CODE_SERVER, [
    '--config', path.join(runDir, 'config.yaml'), '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override',
    '--user-data-dir', path.join(runDir, 'ud'), '--extensions-dir', path.join(runDir, 'ext'),
  ], {
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, TMPDIR: tmp, XDG_CONFIG_HOME: path.join(runDir, 'home'), XDG_DATA_HOME: path.join(runDir, 'home') },
  });
  const base = `http://${host}:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    try { process.kill(-child.pid, 'SIGTERM'); } catch { return; }
    for (let i = 0; i < 50 && child.exitCode === null; i++) await new Promise((r) => setTimeout(r, 100));
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try { if ((await fetch(`${base}/healthz`)).ok) return { base, port, stop, pid: child.pid }; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`code-server did not start; see ${path.join(runDir, 'code-server.log')}`);
}

/** The workbench URL for a folder; the payload can load an extension under development and its tests. */
export function workbenchUrl(base, folder, { extensionDevelopmentPath, extensionTestsPath } = {}) {
  const authority = new URL(base).host;
  const remote = (p) => `vscode-remote://${authority}${p}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  let url = `${base}/?folder=${encodeURIComponent(folder)}`;
  if (payload.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** Debian's Chromium, headless, with the flags that keep it off the (closed) network. */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}
