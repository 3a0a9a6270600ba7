/**
 * Every path the packaged app resolves at run time exists in what electron-builder would
 * pack: electron-builder's own file matchers (tests/helpers/packaged-files.ts) with
 * electron-builder.yml's `files` and `extraResources`, applied to the built tree (dist/,
 * built here when absent). A renamed bundle, a path main joins wrongly, or a glob that
 * leaves a file out fails here instead of on every agent's desktop.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_PATHS } from '../../../main/core-process/app-paths';
import { NATIVE_ADDON, electronNativeBinding } from '../../../main/app/native-binding';
import { APP_ENTRY_URL } from '../../../main/app/navigation';
import { ROOT, readBuilderConfig } from '../../helpers/builder-config';
import type { Target } from '../../helpers/packaged-files';
import { extraResourcePath, inAppAsar } from '../../helpers/packaged-files';

const config = readBuilderConfig();
const TARGETS: readonly (Target & { platform: NodeJS.Platform })[] = [
  { os: 'linux', arch: 'x64', platform: 'linux' },
  { os: 'win', arch: 'x64', platform: 'win32' },
  { os: 'mac', arch: 'arm64', platform: 'darwin' },
];
const at = (segments: readonly string[]) => join(ROOT, ...segments);

beforeAll(() => {
  // `npm test` builds dist/ before vitest runs. Building again here while other test files
  // run the core from dist/ would rewrite it under them, so only a missing tree is built.
  const required = [APP_PATHS.main, APP_PATHS.preload, APP_PATHS.coreChild, APP_PATHS.accountChild];
  if (required.some(p => !existsSync(at(p))))
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--only', 'app'], { stdio: 'inherit' });
  if (!existsSync(join(at(APP_PATHS.renderer), 'index.html')))
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--only', 'renderer'], { stdio: 'inherit' });
}, 180_000);

function expectPacked(file: string) {
  expect(existsSync(file), `${file} was not built`).toBe(true);
  for (const target of TARGETS) expect(inAppAsar(ROOT, config, target, file), `${file} not packed`).toBe(true);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('paths the packaged app resolves', () => {
  it('starts from package.json `main`, which is packed', () => {
    const pkg: unknown = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({ main: APP_PATHS.main.join('/') });
    expectPacked(join(ROOT, 'package.json'));
    expectPacked(at(APP_PATHS.main));
  });

  it('packs the preload, the core process and the account process', () => {
    expectPacked(at(APP_PATHS.preload));
    expectPacked(at(APP_PATHS.coreChild));
    expectPacked(at(APP_PATHS.accountChild));
  });

  it('packs the renderer’s entry and every asset it loads', () => {
    const entry = new URL(APP_ENTRY_URL).pathname;
    const index = join(at(APP_PATHS.renderer), entry);
    expectPacked(index);
    const refs = [...readFileSync(index, 'utf8').matchAll(/(?:src|href)="\.?\/([^"]+)"/g)].map(m => m[1] ?? '');
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expectPacked(join(at(APP_PATHS.renderer), ref));
  });

  it('packs every store migration and its journal', () => {
    const files = filesUnder(at(APP_PATHS.storeMigrations));
    expect(files.some(f => f.endsWith('_journal.json'))).toBe(true);
    expect(files.some(f => f.endsWith('.sql'))).toBe(true);
    for (const f of files) expectPacked(f);
  });

  it('leaves source maps, sources and tests out', () => {
    const linux = TARGETS[0] as Target;
    expect(inAppAsar(ROOT, config, linux, `${at(APP_PATHS.coreChild)}.map`)).toBe(false);
    expect(inAppAsar(ROOT, config, linux, join(ROOT, 'main', 'app', 'main.ts'))).toBe(false);
    expect(inAppAsar(ROOT, config, linux, join(ROOT, 'tests', 'unit', 'app', 'packaged-paths.test.ts'))).toBe(false);
  });

  it('copies the Electron build of better-sqlite3 to the resources/native/ path main passes to the core', () => {
    for (const target of TARGETS) {
      const place = { appRoot: ROOT, resourcesPath: '/resources', platform: target.platform, arch: target.arch };
      const built = electronNativeBinding({ ...place, packaged: false });
      const packaged = electronNativeBinding({ ...place, packaged: true });
      expect(packaged).toBe(join('/resources', 'native', NATIVE_ADDON));
      expect(extraResourcePath(ROOT, config, target, built)).toBe(`native/${NATIVE_ADDON}`);
    }
  });
});
