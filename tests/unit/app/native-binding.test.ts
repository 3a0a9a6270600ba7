/**
 * Electron's better-sqlite3 addon travels a path that only the packaged app walks: built by
 * scripts/electron-native.mjs into .electron-native/<os>-<arch>/, copied by electron-builder.yml
 * into resources/native/, found by main/app/native-binding.ts. None of it can run here (no
 * Electron binary, no internet), so these pin the three places to the same names.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronNativeBinding } from '../../../main/app/native-binding';

const root = process.cwd();
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function check(out: string) {
  return spawnSync(process.execPath, [join(root, 'scripts', 'electron-native.mjs'), '--check', '--out', out], {
    encoding: 'utf8',
  });
}

function versionOf(pkg: string): string {
  return (JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string })
    .version;
}

describe('Electron native binding', () => {
  it('is read from resources/native when packaged', () => {
    const place = {
      packaged: true,
      resourcesPath: '/opt/Blazz/resources',
      appRoot: '/x',
      platform: 'linux',
      arch: 'x64',
    } as const;
    expect(electronNativeBinding(place)).toBe(join('/opt/Blazz/resources', 'native', 'better_sqlite3.node'));
  });

  it('is read from .electron-native/<os>-<arch> in development, named like electron-builder’s ${os}', () => {
    const dev = { packaged: false, resourcesPath: '/unused', appRoot: '/repo' } as const;
    expect(electronNativeBinding({ ...dev, platform: 'linux', arch: 'x64' })).toBe(
      join('/repo', '.electron-native', 'linux-x64', 'better_sqlite3.node'),
    );
    expect(electronNativeBinding({ ...dev, platform: 'darwin', arch: 'arm64' })).toContain(join('mac-arm64', 'better'));
    expect(electronNativeBinding({ ...dev, platform: 'win32', arch: 'x64' })).toContain(join('win-x64', 'better'));
  });

  it('the script reports a missing or stale build offline, and accepts a current one', () => {
    const out = mkdtempSync(join(tmpdir(), 'blazz-native-'));
    dirs.push(out);
    const host = { linux: 'linux', darwin: 'mac', win32: 'win' }[process.platform as 'linux'];
    const missing = check(out);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toContain('missing or stale');

    const target = join(out, `${host}-${process.arch}`);
    mkdirSync(target);
    writeFileSync(join(target, 'better_sqlite3.node'), 'addon');
    const stamp = { electron: '1.0.0', betterSqlite3: versionOf('better-sqlite3') };
    writeFileSync(join(target, 'build.json'), JSON.stringify(stamp));
    expect(check(out).status).toBe(1);

    writeFileSync(join(target, 'build.json'), JSON.stringify({ ...stamp, electron: versionOf('electron') }));
    const current = check(out);
    expect(current.status).toBe(0);
    expect(current.stdout).toContain('up to date');
  });
});
