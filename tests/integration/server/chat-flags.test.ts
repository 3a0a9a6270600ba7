/**
 * Pin and archive as the team's shared state (chat:set-flags) against a real server and
 * MariaDB: every device that sees the chat hears it, a repeat changes nothing, the last
 * change wins over a version another write moved, and hostile input is refused as codes.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncEvent } from '../../../common/protocol';
import type { Stack } from './harness';
import { call, hostWithChat, must, recorder, startStack } from './harness';

let stack: Stack;
let A: Awaited<ReturnType<typeof hostWithChat>>;
beforeAll(async () => {
  stack = await startStack();
  A = await hostWithChat(stack);
}, 60_000);
afterAll(async () => {
  await stack?.stop();
});

const updates = (events: Array<{ name: string; payload: unknown }>) =>
  events
    .filter(e => e.name === 'chat:updated')
    .map(e => (e.payload as Extract<SyncEvent, { type: 'chat:updated' }>).chat)
    .filter(c => c.id === A.chatId);

async function flagAudits(): Promise<number> {
  const [rows] = (await stack.node.app.database.db.execute(
    sql`select count(*) as n from audit_log where action = 'chat.flags'`,
  )) as unknown as [Array<{ n: number }>];
  return Number(rows[0]?.n ?? 0);
}

describe('chat:set-flags', () => {
  it('pins and archives for every device that sees the chat, once; a repeat writes nothing', async () => {
    const admin = await stack.device('admin');
    const heardHost = recorder(A.host.socket);
    const before = (await must(A.host.socket, 'chat:get', { chatId: A.chatId })).chat;
    expect(before).toMatchObject({ pinned: false, archived: false });
    const audits = await flagAudits();

    const pinned = await must(admin.socket, 'chat:set-flags', { chatId: A.chatId, pinned: true });
    expect(pinned).toMatchObject({ pinned: true, archived: false, version: before.version + 1 });
    await expect.poll(() => updates(heardHost.events).at(-1)).toMatchObject({ pinned: true });
    expect(await flagAudits()).toBe(audits + 1);

    const again = await must(admin.socket, 'chat:set-flags', { chatId: A.chatId, pinned: true });
    expect(again.version).toBe(pinned.version);
    expect(await flagAudits()).toBe(audits + 1);

    const archived = await must(A.host.socket, 'chat:set-flags', { chatId: A.chatId, archived: true, pinned: false });
    expect(archived).toMatchObject({ pinned: false, archived: true, version: pinned.version + 1 });
    // chat:list (what a desktop loads on sign-in) carries the team's flags too.
    const listed = await must(admin.socket, 'chat:list', { accountId: A.accountId });
    expect(listed.find(c => c.id === A.chatId)).toMatchObject({ pinned: false, archived: true });
  });

  it('needs no version: it lands after another write moved the chat, and two at once both land', async () => {
    const { chat } = await must(A.host.socket, 'chat:get', { chatId: A.chatId });
    await must(A.host.socket, 'chat:set-status', { chatId: A.chatId, status: 'pending', version: chat.version });
    const pinned = await must(A.host.socket, 'chat:set-flags', { chatId: A.chatId, pinned: true });
    expect(pinned).toMatchObject({ status: 'pending', pinned: true, version: chat.version + 2 });
    // Two flag writes race each other for the same version: the loser retries against the winner's.
    const [one, two] = await Promise.all([
      must(A.host.socket, 'chat:set-flags', { chatId: A.chatId, pinned: false }),
      must(A.host.socket, 'chat:set-flags', { chatId: A.chatId, archived: false === pinned.archived }),
    ]);
    expect([one.version, two.version].sort((x, y) => x - y)).toEqual([pinned.version + 1, pinned.version + 2]);
    const { chat: after } = await must(A.host.socket, 'chat:get', { chatId: A.chatId });
    expect(after).toMatchObject({ status: 'pending', pinned: false, archived: !pinned.archived });
  });

  it('refuses what it cannot see, and hostile input, as codes', async () => {
    const unknown = await call(A.host.socket, 'chat:set-flags', { chatId: `${A.accountId}:999@c.us`, pinned: true });
    expect(unknown.ok ? 'ok' : unknown.error.code).toBe('not_found');
    for (const payload of [
      { chatId: A.chatId },
      { chatId: A.chatId, pinned: 'yes' },
      { chatId: A.chatId, muted: true },
      { chatId: A.chatId, pinned: true, version: 1 },
      { chatId: '', pinned: true },
      { chatId: A.chatId.repeat(50), pinned: true },
      null,
      [],
    ]) {
      const r = await call(A.host.socket, 'chat:set-flags', payload);
      expect(r.ok ? 'ok' : r.error.code, JSON.stringify(payload)).toBe('invalid_args');
    }
  });
});
