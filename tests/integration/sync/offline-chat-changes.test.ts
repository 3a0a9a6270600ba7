/**
 * Status and tags made on a desktop while the workspace server is away: queued on the
 * device, shown at once, kept over a restart of the desktop, sent once on reconnect; a
 * change someone else made meanwhile is kept as a conflict for the agent, not overwritten.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../main/core/core';
import { callCore as call, until } from '../../helpers/core';
import { PASSWORD, must, startNode } from '../server/harness';
import type { HostedNumber } from './desktops';
import { desktops, leadHostingNumber } from './desktops';

const QUIET = { chatterIntervalMs: 60_000, ackStepMs: 100, history: 3 };

let desks: ReturnType<typeof desktops>;
let team: HostedNumber | null = null;
let b: Core | null = null;
afterEach(async ctx => {
  desks.printLogsIfFailed(ctx);
  await b?.close();
  await team?.a.close();
  await team?.stack.stop();
  desks.removeAll();
  b = null;
  team = null;
});

/** A second lead's desktop (hosting nothing) in its own folder, signed in, seeing the chat. */
async function secondDesktop(t: HostedNumber, dir: string): Promise<Core> {
  const lina = await t.stack.member('lead', 'Lina Lead');
  await must(t.admin.socket, 'account:add-member', { accountId: t.accountId, memberId: lina.id });
  const core = await desks.open(QUIET, dir);
  await call(core, 'workspace:signIn', { serverUrl: t.stack.node.url, email: lina.email, password: PASSWORD });
  await until('chat on B', async () => (await core.dispatch('chats:get', { chatId: t.chatId }, internal)).ok);
  return core;
}
const internal = { transport: 'internal' } as const;

async function serverDown(t: HostedNumber, core: Core): Promise<number> {
  const port = t.stack.node.port;
  await t.stack.node.app.close();
  await until('B offline', async () => (await call(core, 'workspace:status', {})).connection !== 'online');
  return port;
}

const serverChat = async (t: HostedNumber) => (await must(t.admin.socket, 'chat:get', { chatId: t.chatId })).chat;

describe('status and tags changed offline', () => {
  it('wait on the device, survive a restart, and are applied once on reconnect', async () => {
    desks = desktops('offline-change');
    team = await leadHostingNumber(desks);
    const dir = desks.folder();
    b = await secondDesktop(team, dir);
    const before = await serverChat(team);

    const port = await serverDown(team, b);
    const shown = await call(b, 'chats:setStatus', { chatId: team.chatId, status: 'resolved' });
    expect(shown.status).toBe('resolved');
    expect(await call(b, 'chats:pendingChanges', { chatId: team.chatId })).toMatchObject([
      { field: 'status', value: 'resolved', state: 'queued' },
    ]);

    await b.close();
    b = await desks.open(QUIET, dir);
    // Still waiting after the restart, and still shown.
    expect((await call(b, 'chats:get', { chatId: team.chatId })).status).toBe('resolved');
    expect(await call(b, 'chats:pendingChanges', { chatId: team.chatId })).toHaveLength(1);

    team.stack.node = await startNode(team.stack.mariadb.url, { port });
    const core = b;
    await until(
      'queue sent',
      async () => (await call(core, 'chats:pendingChanges', { chatId: team!.chatId })).length === 0,
    );
    const after = await serverChat(team);
    expect(after.status).toBe('resolved');
    // Applied once: one version step on the server.
    expect(after.version).toBe(before.version + 1);
  }, 120_000);

  it('a change made meanwhile by someone else is shown as a conflict; "apply mine" sends ours', async () => {
    desks = desktops('offline-conflict');
    team = await leadHostingNumber(desks);
    const dir = desks.folder();
    b = await secondDesktop(team, dir);

    const port = await serverDown(team, b);
    await call(b, 'chats:setTags', { chatId: team.chatId, tags: ['vip'] });
    await b.close();
    team.stack.node = await startNode(team.stack.mariadb.url, { port });
    const admin = team.admin.socket;
    await until('admin reconnected', () => admin.connected);
    const current = await serverChat(team);
    await must(admin, 'chat:set-tags', { chatId: team.chatId, tags: ['billing'], version: current.version });

    b = await desks.open(QUIET, dir);
    const core = b;
    const [conflict] = await until('conflict shown', async () => {
      const p = await call(core, 'chats:pendingChanges', { chatId: team!.chatId });
      return p[0]?.state === 'conflict' && p;
    });
    expect(conflict).toMatchObject({ field: 'tags', value: ['vip'], serverValue: ['billing'] });
    // Not overwritten: the server and the device show theirs until the agent decides.
    expect((await serverChat(team)).tags).toEqual(['billing']);
    expect((await call(b, 'chats:get', { chatId: team.chatId })).tags).toEqual(['billing']);

    expect(await call(b, 'chats:resolveChange', { chatId: team.chatId, field: 'tags', keep: 'mine' })).toEqual({
      resolved: true,
    });
    await until('mine applied', async () => (await serverChat(team!)).tags.join() === 'vip');
    await until(
      'queue empty',
      async () => (await call(core, 'chats:pendingChanges', { chatId: team!.chatId })).length === 0,
    );
  }, 120_000);
});
