/**
 * Settings → Backup through the core: a backup taken while the app runs, a restore checked
 * and staged, then applied at the next start (the store is never swapped under a running
 * app), the replaced database kept; hostile names and broken files refused.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../main/core/core';
import { createCore } from '../../../main/core/core';
import { silentLogger } from '../../../main/platform/log';
import { addAccount, msg } from '../../unit/store/fixtures';
import { callCore } from '../../helpers/core';

let dataDir: string;
let core: Core;
const START = Date.UTC(2026, 11, 4, 22, 15, 30);
let clock = START;
const open = () =>
  createCore({
    dataDir,
    shell: 'headless',
    version: 'test',
    log: silentLogger,
    now: () => clock,
    restoreAccounts: false,
  });
const messages = (c: Core) =>
  (c.store.db.sqlite.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n;
const errorOf = async (c: Core, name: 'backup:restore', args: unknown) => {
  const reply = await c.dispatch(name, args, { transport: 'internal' });
  return reply.ok ? null : reply.error;
};

beforeEach(async () => {
  clock = START;
  dataDir = mkdtempSync(join(tmpdir(), 'blazz-backup-'));
  core = await open();
  const acc = addAccount(core.store);
  core.store.ingest({ messages: [msg(acc, '6281@c.us', { body: 'before the backup' })] });
});
afterEach(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('backup and restore of the local database', () => {
  it('backs up while running, and restores it at the next start keeping the replaced database', async () => {
    const made = await callCore(core, 'backup:create', {});
    expect(made).toMatchObject({ name: 'blazz-20261204-221530.sqlite', messages: 1, chats: 1 });
    expect(made.bytes).toBeGreaterThan(0);

    const acc = addAccount(core.store, 'acc1');
    core.store.ingest({ messages: [msg(acc, '6281@c.us', { body: 'after the backup' })] });
    expect(messages(core)).toBe(2);

    await expect(callCore(core, 'backup:restore', { name: made.name })).resolves.toEqual({ pendingRestore: made.name });
    // Nothing changes until the next start.
    expect(messages(core)).toBe(2);
    expect((await callCore(core, 'backup:list', {})).pendingRestore).toBe(made.name);

    await core.close();
    clock += 60_000;
    core = await open();
    expect(messages(core)).toBe(1);
    const list = await callCore(core, 'backup:list', {});
    expect(list.pendingRestore).toBeNull();
    expect(list.lastRestore).toEqual({
      name: made.name,
      at: clock,
      previous: join(dataDir, 'blazz.sqlite.before-restore'),
    });
    expect(list.backups.map(b => b.name)).toEqual([made.name]);
  });

  it('keeps the newest five backups and names two in the same second apart', async () => {
    for (let i = 0; i < 6; i++) {
      await callCore(core, 'backup:create', {});
      if (i % 2 === 1) clock += 1000;
    }
    const names = (await callCore(core, 'backup:list', {})).backups.map(b => b.name);
    expect(names).toHaveLength(5);
    expect(new Set(names).size).toBe(5);
    expect(names).toContain('blazz-20261204-221530-2.sqlite');
  });

  it('refuses names that are not backups, and files that are not whole databases', async () => {
    for (const name of ['../blazz.sqlite', 'blazz-20261204-221530.sqlite/../../x', 'secrets.json', ''])
      expect((await errorOf(core, 'backup:restore', { name }))?.code).toBe('invalid_args');
    expect((await errorOf(core, 'backup:restore', { name: 'blazz-20261204-000000.sqlite' }))?.code).toBe('not_found');

    const made = await callCore(core, 'backup:create', {});
    writeFileSync(join(dataDir, 'backups', made.name), 'not a database at all, just text padding '.repeat(200));
    const refused = await errorOf(core, 'backup:restore', { name: made.name });
    expect(refused).toMatchObject({ code: 'invalid_args', details: { problem: 'corrupt' } });
    expect((await callCore(core, 'backup:list', {})).pendingRestore).toBeNull();
  });

  it('sets aside a staged restore that no longer checks out and starts on the database as it was', async () => {
    const made = await callCore(core, 'backup:create', {});
    await callCore(core, 'backup:restore', { name: made.name });
    await core.close();
    writeFileSync(join(dataDir, 'blazz.sqlite.restore'), 'damaged on disk');
    core = await open();
    expect(messages(core)).toBe(1);
    const list = await callCore(core, 'backup:list', {});
    expect(list.pendingRestore).toBeNull();
    expect(list.lastRestore).toBeNull();
  });

  it('cancels a staged restore', async () => {
    const made = await callCore(core, 'backup:create', {});
    await callCore(core, 'backup:restore', { name: made.name });
    await expect(callCore(core, 'backup:cancel-restore', {})).resolves.toEqual({ pendingRestore: null });
    expect((await callCore(core, 'backup:list', {})).pendingRestore).toBeNull();
  });
});
