#!/usr/bin/env node
// `npm run dist [-- --linux|--mac|--win] [--x64|--arm64|--ia32]`: builds the bundles, prepares
// Electron's better-sqlite3 addon for every requested target (scripts/electron-native.mjs),
// then runs electron-builder with electron-builder.yml and the same target flags.
// Without flags it builds for this machine's OS and architecture. See docs/install.md.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const OS_FLAGS = { '--linux': 'linux', '-l': 'linux', '--mac': 'mac', '-m': 'mac', '--win': 'win', '-w': 'win' };
const ARCH_FLAGS = { '--x64': 'x64', '--arm64': 'arm64', '--ia32': 'ia32', '--armv7l': 'armv7l' };
const HOST_OS = { win32: 'win', darwin: 'mac', linux: 'linux' }[process.platform];

const oses = [...new Set(args.flatMap(a => (OS_FLAGS[a] ? [OS_FLAGS[a]] : [])))];
const arches = [...new Set(args.flatMap(a => (ARCH_FLAGS[a] ? [ARCH_FLAGS[a]] : [])))];
const targets = (oses.length ? oses : [HOST_OS]).flatMap(os =>
  (arches.length ? arches : [process.arch]).map(arch => ({ os, arch })),
);

function run(cmd, cmdArgs, env = process.env) {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run(process.execPath, [join(root, 'scripts', 'build.mjs')]);
for (const { os, arch } of targets) {
  run(process.execPath, [join(root, 'scripts', 'electron-native.mjs'), '--os', os, '--arch', arch]);
}
// The generic publish URL only ends up in the app's app-update.yml; the app itself checks the
// URL from its settings, so a placeholder is fine for teams that do not host updates.
const env = { ...process.env, BLAZZ_UPDATE_URL: process.env.BLAZZ_UPDATE_URL ?? 'https://updates.invalid/blazz-desk' };
run(
  process.execPath,
  [join(root, 'node_modules', 'electron-builder', 'cli.js'), '--config', 'electron-builder.yml', ...args],
  env,
);
