#!/usr/bin/env node
// Builds every runtime: the renderer with Vite, the Node sides with esbuild (a second or
// two). npm packages stay external (better-sqlite3 and whatsapp-web.js must load from
// node_modules; electron-builder ships production node_modules beside the bundles).
// Usage: node scripts/build.mjs [--only renderer|host|app|core|server]
import { build as esbuild } from 'esbuild';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const onlyIdx = process.argv.indexOf('--only');
const only = onlyIdx >= 0 ? process.argv[onlyIdx + 1] : null;
const want = name => only === null || only === name;

// ESM bundles that still contain a `require` (from CJS dependencies we inline) need one.
const esmBanner = "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);";

// The desktop's processes inline the pure-JS packages they load at start-up: resolving and
// compiling socket.io's ~20 small packages, zod and drizzle file by file took half of the
// headless host's start (about 1.1 s → 0.53 s until it listens, same loaded machine).
// Native, browser-driving and lazily loaded packages stay in node_modules.
const INLINED = new Set(['socket.io', 'zod', 'drizzle-orm']);
const desktopExternal = [
  ...Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter(name => !INLINED.has(name)),
  // ws's optional native speed-ups: absent here, required inside try/catch.
  'bufferutil',
  'utf-8-validate',
];
const desktopBundle = (entry, outfile, extra = {}) =>
  nodeBundle(entry, outfile, { packages: undefined, external: desktopExternal, ...extra });

const nodeBundle = (entry, outfile, extra = {}) =>
  esbuild({
    entryPoints:
      typeof entry === 'string'
        ? [join(root, entry)]
        : Object.fromEntries(Object.entries(entry).map(([k, v]) => [k, join(root, v)])),
    ...(outfile ? { outfile: join(root, outfile) } : {}),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
    banner: { js: esmBanner },
    define: { __BLAZZ_VERSION__: JSON.stringify(pkg.version) },
    ...extra,
  });

/** Names and contents of every file below `dir` (null when it does not exist). */
function folderDigest(dir) {
  if (!existsSync(dir)) return null;
  const hash = createHash('sha256');
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }).sort((a, b) =>
    join(a.parentPath, a.name).localeCompare(join(b.parentPath, b.name)),
  )) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    hash.update(file.slice(dir.length)).update('\0').update(readFileSync(file));
  }
  return hash.digest('hex');
}

const tasks = [];
const started = Date.now();

if (want('host') || want('app') || want('core')) {
  // Account runtimes run in their own processes; their entry is built beside the host's.
  const childEntry = 'main/accounts/runtime/child.ts';
  if (existsSync(join(root, childEntry))) tasks.push(desktopBundle(childEntry, 'dist/accounts/child.mjs'));
  const storeMigrations = join(root, 'main/store/migrations');
  const builtMigrations = join(root, 'dist/migrations/store');
  // Replaced only when they changed: test files build in parallel while a host started by
  // another file reads them, and a folder removed under it fails that host's start.
  if (existsSync(storeMigrations) && folderDigest(storeMigrations) !== folderDigest(builtMigrations)) {
    rmSync(builtMigrations, { recursive: true, force: true });
    cpSync(storeMigrations, builtMigrations, { recursive: true });
  }
}
// The host's entry forks the core before it loads the rest of the host (main/host/index.ts).
// Split, so that the file parsed before the fork is a few kB: socket.io, zod and the rest come
// in a chunk after it, and the in-process core (development only) is never loaded. Chunks
// keep their hashed names and old ones stay: a host already running may still import them.
if (want('host'))
  tasks.push(
    desktopBundle('main/host/index.ts', null, {
      outdir: join(root, 'dist/host'),
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
      outExtension: { '.js': '.mjs' },
    }),
  );
// The core process: a utilityProcess of the Electron app, a child of the headless host
// (`core` alone for tests).
// Split like the host's: child.mjs holds what opens the store and answers the first screen;
// the rest of the core (its bulk) is a chunk it imports once that is served (#23).
if (want('app') || want('core') || want('host'))
  tasks.push(
    desktopBundle({ child: 'main/core-process/entry.ts' }, null, {
      outdir: join(root, 'dist/core'),
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
      outExtension: { '.js': '.mjs' },
    }),
  );
if (want('app')) {
  tasks.push(desktopBundle('main/app/main.ts', 'dist/app/main.mjs'));
  // Sandboxed preloads must be one CommonJS file: everything but electron is inlined.
  tasks.push(
    esbuild({
      entryPoints: [join(root, 'preload/index.ts')],
      outfile: join(root, 'dist/preload/index.cjs'),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: ['electron'],
      sourcemap: true,
      logLevel: 'warning',
    }),
  );
}
if (want('server') && existsSync(join(root, 'sync-server/src/index.ts'))) {
  tasks.push(nodeBundle('sync-server/src/index.ts', 'dist/server/index.mjs'));
  const serverMigrations = join(root, 'sync-server/src/db/migrations');
  if (existsSync(serverMigrations)) {
    rmSync(join(root, 'dist/migrations/server'), { recursive: true, force: true });
    cpSync(serverMigrations, join(root, 'dist/migrations/server'), { recursive: true });
  }
}
if (want('renderer')) {
  const { build: viteBuild } = await import('vite');
  tasks.push(viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' }));
}

await Promise.all(tasks);
console.log(`built ${only ?? 'everything'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
