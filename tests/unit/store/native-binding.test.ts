/**
 * Electron loads better-sqlite3 from its own build of the addon (scripts/electron-native.mjs)
 * through `nativeBinding`, so node_modules keeps the Node build. These check the option really
 * reaches the driver: a copy of the addon in another folder opens the store, a missing one
 * fails loudly instead of silently falling back to node_modules.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/store';

const require = createRequire(import.meta.url);
const addon = join(dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('store native binding', () => {
  it('opens the store with an addon from another folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'blazz-native-'));
    dirs.push(dir);
    const copy = join(dir, 'better_sqlite3.node');
    copyFileSync(addon, copy);
    const store = openStore({ file: ':memory:', checkpointEveryMs: 0, nativeBinding: copy });
    expect(store.db.sqlite.prepare('select sqlite_version() as v').get()).toMatchObject({ v: expect.any(String) });
    store.close();
  });

  it('refuses a missing addon instead of falling back to node_modules', () => {
    const missing = join(tmpdir(), 'blazz-no-such-dir', 'better_sqlite3.node');
    expect(() => openStore({ file: ':memory:', checkpointEveryMs: 0, nativeBinding: missing })).toThrow(
      /blazz-no-such-dir/,
    );
  });
});
