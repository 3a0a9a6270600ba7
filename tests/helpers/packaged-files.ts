/**
 * What electron-builder would pack, decided by electron-builder's own matchers
 * (app-builder-lib's FileMatcher, the same minimatch rules and default exclusions) applied to
 * the built tree: the app's `files` into app.asar, `extraResources` into resources/.
 * Nothing is downloaded or packed; only the selection is computed.
 */
import type { Stats } from 'node:fs';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import type { Configuration } from 'app-builder-lib';
import type { FileMatcher, getFileMatchers } from 'app-builder-lib/out/fileMatcher';
import type { Filter } from 'builder-util';
import type { BuilderConfig } from './builder-config';

const require = createRequire(import.meta.url);

type MainMatchers = (
  appDir: string,
  destination: string,
  macroExpander: (pattern: string) => string,
  platformSpecificBuildOptions: object,
  platformPackager: object,
  outDir: string,
  isElectronCompile: boolean,
) => FileMatcher[];
// getMainFileMatchers is marked @internal (no .d.ts entry); its signature is the one above.
const matchers = require('app-builder-lib/out/fileMatcher') as {
  getMainFileMatchers: MainMatchers;
  getFileMatchers: typeof getFileMatchers;
};

export type Target = { readonly os: 'linux' | 'win' | 'mac'; readonly arch: string };

/** electron-builder's `${os}` / `${arch}` / `${platform}` macros for one target. */
export function macroExpander(target: Target): (pattern: string) => string {
  const platform = { linux: 'linux', win: 'win32', mac: 'darwin' }[target.os];
  return pattern =>
    pattern.replaceAll('${os}', target.os).replaceAll('${arch}', target.arch).replaceAll('${platform}', platform);
}

const builderConfig = (config: BuilderConfig): Configuration => ({
  files: config.files,
  extraResources: config.extraResources,
});

/** Would `file` (an absolute path inside `root`) be packed into app.asar? */
export function inAppAsar(root: string, config: BuilderConfig, target: Target, file: string): boolean {
  const filter = appFilter(root, config, target);
  // electron-builder walks the tree and skips a directory its filter refuses.
  return filter !== null && ancestors(root, file).every(p => filter(p, statOf(p)));
}

const appFilters = new Map<string, Filter | null>();

function appFilter(root: string, config: BuilderConfig, target: Target): Filter | null {
  const key = JSON.stringify([root, config.files, target]);
  const known = appFilters.get(key);
  if (known !== undefined) return known;
  const info = {
    isPrepackedAppAsar: false,
    config: builderConfig(config),
    projectDir: root,
    buildResourcesDir: 'build',
    debugLogger: { isEnabled: false },
  };
  const list = matchers.getMainFileMatchers(
    root,
    '/app',
    macroExpander(target),
    {},
    { info },
    join(root, 'release'),
    false,
  );
  const filter = list[0]?.createFilter() ?? null;
  appFilters.set(key, filter);
  return filter;
}

/**
 * Where `file` (an absolute path inside `root`) lands under resources/ through
 * `extraResources`, or null when no entry takes it.
 */
export function extraResourcePath(root: string, config: BuilderConfig, target: Target, file: string): string | null {
  // electron-builder resolves `to` against the absolute resources folder; any absolute one does.
  const resources = join(root, 'release', 'resources');
  const list =
    matchers.getFileMatchers(builderConfig(config), 'extraResources', resources, {
      macroExpander: macroExpander(target),
      customBuildOptions: {},
      globalOutDir: join(root, 'release'),
      defaultSrc: root,
    }) ?? [];
  for (const m of list) {
    if (!file.startsWith(m.from + sep)) continue;
    // The file need not exist here (it is built for the target); the filter reads only isDirectory.
    if (m.createFilter()(file, fileStat))
      return relative(resources, join(m.to, relative(m.from, file)))
        .split(sep)
        .join('/');
  }
  return null;
}

const fileStat = { isDirectory: () => false } as Stats;

function statOf(p: string): Stats {
  return existsSync(p) ? statSync(p) : fileStat;
}

function ancestors(root: string, file: string): string[] {
  const chain: string[] = [];
  for (let p = file; p !== root && p.startsWith(root); p = dirname(p)) chain.unshift(p);
  return chain;
}
