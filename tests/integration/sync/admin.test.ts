/**
 * The desktop's admin and live team features against a real workspace server on a real
 * MariaDB, with two full cores: an admin's desktop (A) that hosts a simulated WhatsApp
 * account, and a teammate's desktop (B) signed in with a member the admin created from A.
 * Members and account access, presence, typing, notes written offline, and a transfer
 * that carries note, draft and the cached AI summary.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DeskEvents, EventName } from '../../../common/api';
import type { Core } from '../../../main/core/core';
import { callCore as call, until } from '../../helpers/core';
import type { Stack } from '../server/harness';
import { desktops, hostSimulatedNumber } from './desktops';
import { PASSWORD, must, startNode, startStack } from '../server/harness';

let stack: Stack;
let admin: { id: string; email: string };
let deviceA: Core;
let deviceB: Core;
const desks = desktops('admin-device');
afterEach(ctx => desks.printLogsIfFailed(ctx));
const ctx = { transport: 'internal' } as const;
const seen = new Map<Core, { name: EventName; payload: unknown }[]>();
const NEW_PASSWORD = 'a very long first password';

async function device(): Promise<Core> {
  const core = await desks.open();
  const log: { name: EventName; payload: unknown }[] = [];
  core.events.subscribe((name, payload) => log.push({ name, payload }));
  seen.set(core, log);
  return core;
}

const eventsOf = <E extends EventName>(core: Core, name: E): DeskEvents[E][] =>
  (seen.get(core) ?? []).filter(e => e.name === name).map(e => e.payload as DeskEvents[E]);

beforeAll(async () => {
  stack = await startStack();
  admin = await stack.member('admin', 'Ada Admin');
  deviceA = await device();
  deviceB = await device();
}, 120_000);

afterAll(async () => {
  await deviceA?.close();
  await deviceB?.close();
  await stack?.stop();
  desks.removeAll();
});

describe('admin and live team features between two desktops', () => {
  let accountId: string;
  let chatId: string;
  let memberId: string;
  const email = 'dewi@example.test';

  it('the admin signs in on the desktop that hosts a number and sees it in the workspace', async () => {
    ({ accountId: accountId, chatId: chatId } = await hostSimulatedNumber(deviceA, 'Support'));
    await call(deviceA, 'workspace:signIn', { serverUrl: stack.node.url, email: admin.email, password: PASSWORD });
    await until('A online and pushed', async () => {
      const s = await call(deviceA, 'workspace:status', {});
      return s.connection === 'online' && s.pendingPush === 0;
    });
    const accounts = await call(deviceA, 'workspaceAccounts:list', {});
    expect(accounts.find(a => a.id === accountId)).toMatchObject({ name: 'Support', hostOnline: true });
  });

  it('creates a member; the same e-mail again is refused in plain words', async () => {
    const created = await call(deviceA, 'members:create', {
      name: 'Dewi Lestari',
      email,
      role: 'agent',
      password: NEW_PASSWORD,
    });
    memberId = created.id;
    expect(created).toMatchObject({ name: 'Dewi Lestari', role: 'agent', active: true });
    expect((await call(deviceA, 'members:list', {})).some(m => m.id === memberId)).toBe(true);
    await until('members:changed on A', () =>
      eventsOf(deviceA, 'members:changed').some(e => e.members.some(m => m.id === memberId)),
    );
    const again = await deviceA.dispatch(
      'members:create',
      { name: 'Someone Else', email, role: 'lead', password: NEW_PASSWORD },
      ctx,
    );
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict', message: /already exists/ } });
    const short = await deviceA.dispatch(
      'members:create',
      { name: 'X', email: 'x@example.test', role: 'agent', password: 'short' },
      ctx,
    );
    expect(short).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
  });

  it('an admin cannot demote or deactivate themselves, so the workspace keeps an admin', async () => {
    const r = await deviceA.dispatch('members:update', { memberId: admin.id, role: 'agent' }, ctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_args', message: /another admin/ } });
    const me = (await call(deviceA, 'members:list', {})).find(m => m.id === admin.id);
    expect(me?.role).toBe('admin');
  });

  it('account access: the new member sees the number’s chats once added, and loses them when removed', async () => {
    await call(deviceB, 'workspace:signIn', { serverUrl: stack.node.url, email, password: NEW_PASSWORD });
    await until('B online', async () => (await call(deviceB, 'workspace:status', {})).connection === 'online');
    // An agent of no account sees nothing yet.
    expect((await call(deviceB, 'chats:list', {})).items).toEqual([]);
    await call(deviceA, 'members:update', { memberId, role: 'lead' });
    // The server drops the member's sockets on a role change; the desktop reconnects and learns its new role.
    await until('B back online as a lead', async () => {
      const s = await call(deviceB, 'workspace:status', {});
      return s.connection === 'online' && s.member?.role === 'lead';
    });
    const added = await call(deviceA, 'workspaceAccounts:addMember', { accountId, memberId });
    expect(added.memberIds).toContain(memberId);
    // Nothing else happens on the number: B hears of it live (account:updated, chat:granted).
    await until('the chat reaches B', async () => (await deviceB.dispatch('chats:get', { chatId }, ctx)).ok, 30_000);
    const allOnA = (await call(deviceA, 'chats:list', {})).items.filter(c => c.accountId === accountId);
    await until('every chat of the number reaches B', async () => {
      const onB = (await call(deviceB, 'chats:list', {})).items.filter(c => c.accountId === accountId);
      return onB.length === allOnA.length;
    });

    const removed = await call(deviceA, 'workspaceAccounts:removeMember', { accountId, memberId });
    expect(removed.memberIds).not.toContain(memberId);
    await until('the chat leaves B', async () => !(await deviceB.dispatch('chats:get', { chatId }, ctx)).ok, 30_000);
    await call(deviceA, 'workspaceAccounts:addMember', { accountId, memberId });
    await until('and comes back', async () => (await deviceB.dispatch('chats:get', { chatId }, ctx)).ok, 30_000);
  }, 120_000);

  it('presence: B shows online on A, away when idle, and offline when it goes', async () => {
    await until('B online on A', async () => (await call(deviceA, 'presence:list', {}))[memberId] === 'online');
    await call(deviceB, 'presence:set', { status: 'away' });
    await until('B away on A', async () => (await call(deviceA, 'presence:list', {}))[memberId] === 'away');
    expect(eventsOf(deviceA, 'presence:changed').some(e => e.presence[memberId] === 'away')).toBe(true);
    await call(deviceB, 'presence:set', { status: 'online' });
    await until('B online again', async () => (await call(deviceA, 'presence:list', {}))[memberId] === 'online');
  });

  it('typing: B’s composer activity shows as "Dewi is replying" on A, and stops', async () => {
    const sent = await call(deviceB, 'typing:set', { chatId, active: true });
    expect(sent.sent).toBe(true);
    const typing = await until('typing on A', () =>
      eventsOf(deviceA, 'typing:changed').find(e => e.typing.chatId === chatId && e.typing.active),
    );
    expect(typing.typing).toMatchObject({ memberId, memberName: 'Dewi Lestari' });
    expect(typing.typing.expiresAt).toBeGreaterThan(Date.now());
    // A second report within the throttle window is not sent; "stopped" is.
    expect((await call(deviceB, 'typing:set', { chatId, active: true })).sent).toBe(false);
    expect((await call(deviceB, 'typing:set', { chatId, active: false })).sent).toBe(true);
    await until('stopped on A', () =>
      eventsOf(deviceA, 'typing:changed').some(e => e.typing.chatId === chatId && !e.typing.active),
    );
    // B never hears its own typing.
    expect(eventsOf(deviceB, 'typing:changed').some(e => e.typing.memberId === memberId)).toBe(false);
  });

  it('notes and replies written while the server is down go out once when it is back', async () => {
    const port = stack.node.port;
    await stack.node.app.close();
    await until('B offline', async () => (await call(deviceB, 'workspace:status', {})).connection === 'offline');
    // Offline, a desktop cannot know who is online: it shows nobody rather than stale dots.
    await until('A shows no presence', async () => Object.keys(await call(deviceA, 'presence:list', {})).length === 0);

    const note = await call(deviceB, 'notes:add', { chatId, body: 'Called the customer, call back Friday' });
    expect(note.pending).toBe(true);
    expect(await call(deviceB, 'notes:pending', { chatId })).toMatchObject([
      { body: 'Called the customer, call back Friday', state: 'queued' },
    ]);
    const reply = await call(deviceB, 'messages:send', { chatId, text: 'Written while the server was down' });

    stack.node = await startNode(stack.mariadb.url, { port });
    await until(
      'note queue empty on B',
      async () => (await call(deviceB, 'notes:pending', { chatId })).length === 0,
      60_000,
    );
    await until(
      'note on A',
      async () => (await call(deviceA, 'notes:list', { chatId })).some(n => n.body.startsWith('Called the customer')),
      60_000,
    );
    await until(
      'reply sent by A',
      async () =>
        (await call(deviceA, 'messages:list', { chatId })).messages.some(
          m => m.clientMessageId === reply.clientMessageId && m.ack !== 'pending',
        ),
      60_000,
    );
    const adminSocket = await stack.connect((await stack.login(admin.email)).token);
    const onServer = await must(adminSocket, 'chat:get', { chatId });
    expect(onServer.notes.filter(n => n.body === 'Called the customer, call back Friday')).toHaveLength(1);
    for (const core of [deviceA, deviceB]) {
      const notes = await call(core, 'notes:list', { chatId });
      expect(notes.filter(n => n.body === 'Called the customer, call back Friday')).toHaveLength(1);
      const msgs = (await call(core, 'messages:list', { chatId })).messages;
      expect(msgs.filter(m => m.body === 'Written while the server was down')).toHaveLength(1);
    }
  });

  it('a transfer carries the note, the draft and the cached summary to the new assignee', async () => {
    await until('A back online', async () => (await call(deviceA, 'workspace:status', {})).connection === 'online');
    await until('B back online', async () => (await call(deviceB, 'workspace:status', {})).connection === 'online');
    const summary = {
      customerWants: 'A refund for order 812',
      promised: ['Refund by Friday'],
      openQuestions: [],
      text: 'Wants a refund for order 812; refund promised by Friday.',
    };
    deviceA.store.saveChatInsight(
      chatId as never,
      { summary: JSON.stringify(summary), summaryAt: Date.now() },
      Date.now(),
    );
    const chat = await call(deviceA, 'chats:assign', {
      chatId,
      assigneeId: memberId,
      handover: { note: 'Over to you, Dewi', draft: 'Halo kak, refund Anda sedang diproses.' },
    });
    expect(chat.assigneeId).toBe(memberId);
    const handover = await until('handover on B', async () =>
      (await call(deviceB, 'notes:list', { chatId })).find(n => n.kind === 'handover'),
    );
    expect(handover).toMatchObject({
      body: 'Over to you, Dewi',
      draft: 'Halo kak, refund Anda sedang diproses.',
      summary: summary.text,
      authorName: 'Ada Admin',
    });
  });

  it('demoted to agent, B drops the chats assigned to others and keeps its own and the unassigned ones', async () => {
    const others = (await call(deviceA, 'chats:list', {})).items.filter(
      c => c.accountId === accountId && c.id !== chatId && !c.isGroup,
    );
    const [adminsChat, ...unassigned] = others;
    expect(adminsChat).toBeDefined();
    await call(deviceA, 'chats:assign', { chatId: adminsChat!.id, assigneeId: admin.id });
    await until(
      'B holds the admin’s chat as a lead',
      async () => (await call(deviceB, 'chats:get', { chatId: adminsChat!.id })).assigneeId === admin.id,
    );
    await call(deviceA, 'members:update', { memberId, role: 'agent' });
    await until('B reconnected as an agent', async () => {
      const s = await call(deviceB, 'workspace:status', {});
      return s.connection === 'online' && s.member?.role === 'agent';
    });
    await until(
      'the admin’s chat leaves B',
      async () => !(await deviceB.dispatch('chats:get', { chatId: adminsChat!.id }, ctx)).ok,
      30_000,
    );
    expect(eventsOf(deviceB, 'chats:removed').some(e => e.chatIds.includes(adminsChat!.id))).toBe(true);
    expect((await deviceB.dispatch('chats:get', { chatId }, ctx)).ok).toBe(true);
    for (const c of unassigned) expect((await deviceB.dispatch('chats:get', { chatId: c.id }, ctx)).ok).toBe(true);
  }, 120_000);

  it('deactivating signs B out at once; reactivated, the member can sign in again', async () => {
    const off = await call(deviceA, 'members:update', { memberId, active: false });
    expect(off.active).toBe(false);
    // Signed out (not merely refused) and told why, whichever came first: the access:revoked
    // fact or the refused reconnect.
    const out = await until('B signed out', async () => {
      const s = await call(deviceB, 'workspace:status', {});
      return s.connection === 'signed_out' && s;
    });
    expect(out.lastError).toBe('Your access to this workspace was removed.');
    expect((await call(deviceB, 'chats:list', {})).items.some(c => c.id === chatId)).toBe(false);
    await call(deviceA, 'members:update', { memberId, active: true });
    const back = await call(deviceB, 'workspace:signIn', { serverUrl: stack.node.url, email, password: NEW_PASSWORD });
    expect(back.member?.id).toBe(memberId);
  });
});
