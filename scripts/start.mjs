#!/usr/bin/env node
// `npm start`: installs what is missing, builds, then opens the desktop app when the
// Electron binary is present, or runs the headless host and prints the URL to open.
// `npm run serve` (--headless) always runs the headless host. Extra args go to the host.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const headlessOnly = args.includes('--headless');
const hostArgs = args.filter(a => a !== '--headless');
// Installs never download Electron's or Chrome's binaries (no network for them here);
// on a machine with internet, `node node_modules/electron/install.js` fetches Electron.
const installEnv = {
  ...process.env,
  ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
  PUPPETEER_SKIP_DOWNLOAD: '1',
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
};

function run(cmd, cmdArgs, env = process.env) {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

// 1. Dependencies: install when missing or when the lockfile changed since the last install.
const lock = join(root, 'package-lock.json');
const marker = join(root, 'node_modules', '.package-lock.json');
if (!existsSync(marker) || statSync(lock).mtimeMs > statSync(marker).mtimeMs) {
  console.log('Installing dependencies (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund'], installEnv);
}

// 2. Build when any source is newer than the last build.
const built = join(root, 'dist', 'host', 'index.mjs');
const sources = Math.max(
  ...['common', 'main', 'preload', 'renderer', 'sync-server'].map(d => newestMtime(join(root, d))),
);
if (!existsSync(built) || sources > statSync(built).mtimeMs)
  run(process.execPath, [join(root, 'scripts', 'build.mjs')]);

// 3. Desktop app when Electron's binary exists (and a display on Linux), else the host.
function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}
// Electron loads its own build of better-sqlite3 (node_modules keeps the Node one for tests).
function electronNativeReady() {
  const native = join(root, 'scripts', 'electron-native.mjs');
  if (spawnSync(process.execPath, [native, '--check'], { cwd: root, stdio: 'ignore' }).status === 0) return true;
  return spawnSync(process.execPath, [native], { cwd: root, stdio: 'inherit' }).status === 0;
}
const electron = headlessOnly ? null : electronBinary();
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const nativeReady = Boolean(electron && hasDisplay) && electronNativeReady();
let child;
if (electron && hasDisplay && nativeReady) {
  child = spawn(electron, [root], { stdio: 'inherit' });
} else {
  if (!headlessOnly) {
    const why = !electron
      ? 'the Electron binary is not installed'
      : !hasDisplay
        ? 'no display found'
        : 'better-sqlite3 could not be built for Electron (see above)';
    console.log(
      `Desktop app unavailable (${why}); running the headless host instead, open the URL below in a browser.`,
    );
  }
  child = spawn(process.execPath, [join(root, 'dist', 'host', 'index.mjs'), ...hostArgs], { stdio: 'inherit' });
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', code => process.exit(code ?? 0));
