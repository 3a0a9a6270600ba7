/**
 * The core process's two-step start (#23): the first screen is answered from the store
 * before the whole core exists; a command that needs the whole core sent meanwhile is
 * answered once it runs, not lost; a whole core that fails to start is reported to every
 * call that waited; a stop before the whole core loaded still closes the store.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../../main/core/core';
import { createCore } from '../../../main/core/core';
import { firstScreen } from '../../../main/core/first-screen';
import type { OpenedStore } from '../../../main/core/open-store';
import { completeOpened, openCoreStore } from '../../../main/core/open-store';
import { openCoreFirstStep } from '../../../main/core/open-first-step';
import { startInTwoSteps } from '../../../main/core-process/two-step';
import { createEventBus } from '../../../main/platform/event-bus';
import { silentLogger } from '../../../main/platform/log';
import { addAccount, msg } from '../store/fixtures';

const ctx = { transport: 'internal' } as const;
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

function openWithOneChat(): { dataDir: string; opened: OpenedStore } {
  const dataDir = mkdtempSync(join(tmpdir(), 'blazz-two-step-'));
  const opened = openCoreStore({ dataDir, log: silentLogger, now: Date.now });
  const accountId = addAccount(opened.store, 'acc_1');
  opened.store.ingest({
    chats: [{ accountId, jid: '6281@c.us', name: 'Budi', isGroup: false }],
    messages: [msg(accountId, '6281@c.us')],
  });
  return { dataDir, opened };
}

/** A whole core whose load the test releases by hand. */
function heldWhole(dataDir: string, opened: OpenedStore) {
  let release: () => void = () => {};
  const released = new Promise<void>(resolve => (release = resolve));
  const loadWhole = vi.fn(async (): Promise<Core> => {
    await released;
    return createCore({
      dataDir,
      shell: 'headless',
      version: '1.2.3',
      log: silentLogger,
      opened,
      events: createEventBus(),
      restoreAccounts: false,
    });
  });
  return { loadWhole, release };
}

describe('two-step core start', () => {
  it('answers the first screen before the whole core loads, and a waiting command after', async () => {
    const { dataDir, opened } = openWithOneChat();
    const { loadWhole, release } = heldWhole(dataDir, opened);
    const core = startInTwoSteps({ opened, first: firstScreen(opened.store), loadWhole, idleStartMs: 60_000 });
    closers.push(() => core.close());

    const info = core.dispatch('app:info', {}, ctx);
    const chats = await core.dispatch('chats:list', {}, ctx);
    expect(chats.ok).toBe(true);
    if (chats.ok) expect((chats.value as { items: { name: string }[] }).items.map(c => c.name)).toEqual(['Budi']);

    // The call sent meanwhile started the load; it is answered once the whole core runs.
    await new Promise(resolve => setImmediate(resolve));
    expect(loadWhole).toHaveBeenCalledTimes(1);
    let answered = false;
    void info.then(() => (answered = true));
    await new Promise(resolve => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    release();
    await expect(info).resolves.toMatchObject({ ok: true, value: { name: 'Blazz Desk', version: '1.2.3' } });
    await core.whole;
    // From now on the whole core answers everything, the first screen's queries too.
    await expect(core.dispatch('chats:markRead', { chatId: 'acc_1:nobody' }, ctx)).resolves.toMatchObject({ ok: true });
    await expect(core.dispatch('chats:list', {}, ctx)).resolves.toMatchObject({ ok: true });
  });

  it('does not start the load on a first call it cannot answer until the first screen was asked for, or a short wait passed', async () => {
    const { dataDir, opened } = openWithOneChat();
    const { loadWhole, release } = heldWhole(dataDir, opened);
    release();
    const core = startInTwoSteps({
      opened,
      first: firstScreen(opened.store),
      loadWhole,
      idleStartMs: 60_000,
      firstScreenGraceMs: 40,
    });
    closers.push(() => core.close());
    const info = core.dispatch('app:info', {}, ctx);
    await new Promise(resolve => setTimeout(resolve, 10));
    // The page's chats:list came a little after its other calls: still answered before the load.
    expect(loadWhole).not.toHaveBeenCalled();
    await expect(core.dispatch('chats:list', {}, ctx)).resolves.toMatchObject({ ok: true });
    await new Promise(resolve => setImmediate(resolve));
    expect(loadWhole).toHaveBeenCalledTimes(1);
    await expect(info).resolves.toMatchObject({ ok: true });

    // Without a first-screen query, the wait is short.
    const other = openWithOneChat();
    const held = heldWhole(other.dataDir, other.opened);
    held.release();
    const alone = startInTwoSteps({
      opened: other.opened,
      first: firstScreen(other.opened.store),
      loadWhole: held.loadWhole,
      idleStartMs: 60_000,
      firstScreenGraceMs: 40,
    });
    closers.push(() => alone.close());
    await expect(alone.dispatch('app:info', {}, ctx)).resolves.toMatchObject({ ok: true });
    expect(held.loadWhole).toHaveBeenCalledTimes(1);
  });

  it('checks a first-screen query like the whole core does', async () => {
    const { dataDir, opened } = openWithOneChat();
    const { loadWhole } = heldWhole(dataDir, opened);
    const core = startInTwoSteps({ opened, first: firstScreen(opened.store), loadWhole, idleStartMs: 60_000 });
    closers.push(() => core.close());
    await expect(core.dispatch('chats:list', { limit: -1 }, ctx)).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_args' },
    });
    await expect(core.dispatch('chats:get', { chatId: 'acc_1:nobody' }, ctx)).resolves.toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('reports a whole core that fails to every call that waited for it', async () => {
    const { opened } = openWithOneChat();
    const core = startInTwoSteps({
      opened,
      first: firstScreen(opened.store),
      loadWhole: () => Promise.reject(new Error('migration 7 failed')),
      idleStartMs: 60_000,
    });
    closers.push(() => core.close());
    const waiting = core.dispatch('accounts:list', {}, ctx);
    await expect(core.whole).rejects.toThrow('migration 7 failed');
    await expect(waiting).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
    if (!(await waiting).ok) expect(JSON.stringify(await waiting)).toContain('migration 7 failed');
    // The store still answers the first screen; the process is ended by its owner.
    await expect(core.dispatch('chats:list', {}, ctx)).resolves.toMatchObject({ ok: true });
  });

  it('loads the whole core on its own when nobody calls', async () => {
    const { dataDir, opened } = openWithOneChat();
    const { loadWhole, release } = heldWhole(dataDir, opened);
    release();
    const core = startInTwoSteps({ opened, first: firstScreen(opened.store), loadWhole, idleStartMs: 10 });
    closers.push(() => core.close());
    await expect(core.whole).resolves.toBeDefined();
    expect(loadWhole).toHaveBeenCalledTimes(1);
  });

  it('closes only the store when stopped before the whole core loaded', async () => {
    const { dataDir, opened } = openWithOneChat();
    const { loadWhole } = heldWhole(dataDir, opened);
    const core = startInTwoSteps({ opened, first: firstScreen(opened.store), loadWhole, idleStartMs: 60_000 });
    await core.close();
    expect(loadWhole).not.toHaveBeenCalled();
    expect(() => opened.store.listAccounts()).toThrow();
  });

  it("runs the entry's path: the first step's store answers, then the whole core on its connection", async () => {
    const { dataDir, opened } = openWithOneChat();
    opened.store.close();
    const first = await openCoreFirstStep({ dataDir, log: silentLogger, now: Date.now });
    let whole: Core | null = null;
    const core = startInTwoSteps({
      opened: first,
      first: firstScreen(first.store),
      loadWhole: async () =>
        (whole = await createCore({
          dataDir,
          shell: 'headless',
          version: '1.2.3',
          log: silentLogger,
          opened: completeOpened(first),
          events: createEventBus(),
          restoreAccounts: false,
        })),
      idleStartMs: 60_000,
    });
    closers.push(() => core.close());
    const chats = await core.dispatch('chats:list', {}, ctx);
    expect(chats).toMatchObject({ ok: true, value: { items: [{ name: 'Budi' }] } });
    await core.whole;
    expect(whole!.store.db.sqlite).toBe(first.store.db.sqlite);
    // A write through the whole core, read back through the first step's connection.
    await expect(core.dispatch('chats:markRead', { chatId: 'acc_1:6281@c.us' }, ctx)).resolves.toMatchObject({
      ok: true,
    });
    expect(first.store.getChat('acc_1:6281@c.us' as never)?.unreadCount).toBe(0);
  });
});
