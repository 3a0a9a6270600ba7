#!/usr/bin/env node
// Builds better-sqlite3's addon for Electron into .electron-native/<os>-<arch>/, away from
// node_modules. node_modules keeps the Node build that `npm test`, the headless host and the
// server load; the Electron main process passes this file as better-sqlite3's `nativeBinding`
// (dev: from this folder, packaged: resources/native/, copied there by electron-builder.yml).
// That is why `npm test` and `npm start` can alternate without `electron-rebuild` in between.
//
//   node scripts/electron-native.mjs [--os linux|mac|win] [--arch x64|arm64|ia32] [--check] [--out <dir>]
//
// --check only reports whether an up-to-date build exists (exit 0) or not (exit 1), offline.
// Building downloads a prebuilt addon for the target (prebuild-install through
// @electron/rebuild), or compiles it for the host with Electron's headers: it needs internet.
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const OS_OF_PLATFORM = { win32: 'win', darwin: 'mac', linux: 'linux' };
const PLATFORM_OF_OS = { win: 'win32', mac: 'darwin', linux: 'linux' };

function usage(message) {
  if (message) console.error(`electron-native: ${message}`);
  console.error(
    'usage: node scripts/electron-native.mjs [--os linux|mac|win] [--arch x64|arm64|ia32] [--check] [--out <dir>]',
  );
  process.exit(2);
}

function parseArgs(argv) {
  const opts = {
    os: OS_OF_PLATFORM[process.platform],
    arch: process.arch,
    check: false,
    out: join(root, '.electron-native'),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => argv[++i] ?? usage(`${arg} needs a value`);
    if (arg === '--os') opts.os = value();
    else if (arg === '--arch') opts.arch = value();
    else if (arg === '--out') opts.out = value();
    else if (arg === '--check') opts.check = true;
    else usage(`unknown argument ${arg}`);
  }
  if (!PLATFORM_OF_OS[opts.os]) usage(`unknown --os ${opts.os}`);
  if (!['x64', 'arm64', 'ia32', 'armv7l'].includes(opts.arch)) usage(`unknown --arch ${opts.arch}`);
  return opts;
}

function versionOf(pkg) {
  const file = join(root, 'node_modules', pkg, 'package.json');
  if (!existsSync(file)) {
    console.error(`electron-native: ${pkg} is not installed; run npm install first.`);
    process.exit(1);
  }
  return JSON.parse(readFileSync(file, 'utf8')).version;
}

const opts = parseArgs(process.argv.slice(2));
const wanted = { electron: versionOf('electron'), betterSqlite3: versionOf('better-sqlite3') };
const target = join(opts.out, `${opts.os}-${opts.arch}`);
const addon = join(target, 'better_sqlite3.node');
const stampFile = join(target, 'build.json');

function upToDate() {
  if (!existsSync(addon) || !existsSync(stampFile)) return false;
  try {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    return stamp.electron === wanted.electron && stamp.betterSqlite3 === wanted.betterSqlite3;
  } catch {
    return false;
  }
}

const label = `better-sqlite3 ${wanted.betterSqlite3} for Electron ${wanted.electron} (${opts.os}-${opts.arch})`;
if (upToDate()) {
  console.log(`electron-native: ${label} is up to date in ${target}`);
  process.exit(0);
}
if (opts.check) {
  console.log(`electron-native: ${label} is missing or stale in ${target}`);
  process.exit(1);
}

// A private copy of the package, so the rebuild never touches node_modules' Node build.
const work = join(opts.out, '.work', `${opts.os}-${opts.arch}`);
rmSync(work, { recursive: true, force: true });
const workModule = join(work, 'node_modules', 'better-sqlite3');
mkdirSync(dirname(workModule), { recursive: true });
cpSync(join(root, 'node_modules', 'better-sqlite3'), workModule, {
  recursive: true,
  filter: src => !src.includes(`${join('better-sqlite3', 'build')}`),
});
writeFileSync(
  join(work, 'package.json'),
  JSON.stringify({
    name: 'electron-native-work',
    private: true,
    dependencies: { 'better-sqlite3': wanted.betterSqlite3 },
  }),
);

console.log(`electron-native: building ${label}…`);
try {
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({
    buildPath: work,
    electronVersion: wanted.electron,
    platform: PLATFORM_OF_OS[opts.os],
    arch: opts.arch,
    onlyModules: ['better-sqlite3'],
    force: true,
    mode: 'sequential',
  });
} catch (err) {
  console.error(`electron-native: could not build ${label}: ${err instanceof Error ? err.message : String(err)}`);
  console.error(
    "It downloads a prebuilt addon from better-sqlite3's GitHub releases, or compiles one with Electron's headers " +
      '(internet, Python and a C++ toolchain needed). Without it the desktop app cannot open its database; ' +
      '`npm run serve` (the headless host) does not need it.',
  );
  process.exit(1);
}

const built = join(workModule, 'build', 'Release', 'better_sqlite3.node');
if (!existsSync(built)) {
  console.error(`electron-native: the rebuild finished but ${built} is missing`);
  process.exit(1);
}
mkdirSync(target, { recursive: true });
copyFileSync(built, addon);
writeFileSync(
  stampFile,
  `${JSON.stringify({ ...wanted, os: opts.os, arch: opts.arch, builtAt: new Date().toISOString() }, null, 2)}\n`,
);
rmSync(work, { recursive: true, force: true });
console.log(`electron-native: ${label} ready in ${target}`);
