/**
 * Auto-assignment on the server (#17), on real MariaDB through real socket clients: a
 * customer's message to an unassigned chat gives it to an online member of the number, in
 * the push's own transaction, once; chats nobody can take wait and are assigned oldest first.
 */
import { randomUUID } from 'node:crypto';
import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssignmentUpdate } from '../../../common/protocol-assignment';
import type { Client, Stack } from './harness';
import { call, must, recorder, startNode, startStack } from './harness';

const now = Date.parse('2026-11-30T03:00:00Z');
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ clock: () => now });
});
afterAll(async () => {
  await stack?.stop();
});

type Agent = { id: string; email: string; socket: Client | null };

async function world(settings: Omit<AssignmentUpdate, 'accountId' | 'capacities'>, agents = 2) {
  const accountId = `assign-${randomUUID().slice(0, 8)}`;
  const host = await stack.device('lead', 'host lead');
  await must(host.socket, 'account:register', { accountId, name: 'Support', phone: '628111', provider: 'simulator' });
  // The host's lead is a member too; away, so only the agents take chats here.
  await must(host.socket, 'presence:set', { status: 'away' });
  const admin = await stack.device('admin');
  const team: Agent[] = [];
  for (let i = 0; i < agents; i++) {
    const m = await stack.member('agent', `agent ${i}`);
    await must(admin.socket, 'account:add-member', { accountId, memberId: m.id });
    team.push({ ...m, socket: null });
  }
  team.sort((a, b) => (a.id < b.id ? -1 : 1));
  const save = (capacities: AssignmentUpdate['capacities'] = [], patch: Partial<AssignmentUpdate> = {}) =>
    must(admin.socket, 'assignment:update', { accountId, ...settings, capacities, ...patch });
  await save();
  let seq = 0;
  return {
    accountId,
    admin,
    team,
    hostToken: host.token,
    save,
    async online(a: Agent) {
      const s = await stack.login(a.email);
      a.socket = await stack.connect(s.token);
      await expect.poll(() => presence(s.sessionId)).toBe('online');
    },
    async write(jid: string, opts: { id?: string; at?: number; via?: Client; fromMe?: boolean } = {}) {
      await must(opts.via ?? host.socket, 'sync:push', {
        chats: [{ accountId, jid, isGroup: false, name: `customer ${jid}` }],
        messages: [
          {
            accountId,
            chatJid: jid,
            providerMessageId: opts.id ?? `m-${++seq}-${randomUUID()}`,
            fromMe: opts.fromMe ?? false,
            type: 'text',
            body: 'hello',
            timestamp: opts.at ?? now,
          },
        ],
      });
    },
    assignee: (jid: string) =>
      column<string | null>('select assignee_id as v from chats where id = ?', `${accountId}:${jid}`),
    waiting: async () =>
      (await rows('select chat_id from assignment_waiting where account_id = ? order by since', accountId)).map(r =>
        String(r['chat_id']).slice(accountId.length + 1),
      ),
  };
}

async function rows(query: string, ...args: unknown[]): Promise<RowDataPacket[]> {
  const [r] = await stack.node.app.database.raw.query<RowDataPacket[]>(query, args);
  return r;
}
async function column<T>(query: string, ...args: unknown[]): Promise<T> {
  return (await rows(query, ...args))[0]?.['v'] as T;
}
const presence = (sessionId: string) => column<string>('select presence as v from sessions where id = ?', sessionId);

describe('auto-assignment', () => {
  it('round-robin alternates between the online agents, live, audited as automatic', async () => {
    const w = await world({ mode: 'round_robin', reassignAfterMinutes: null, slaMinutes: null });
    const [a, b] = w.team as [Agent, Agent];
    await w.online(a);
    await w.online(b);
    const live = recorder(a.socket!);
    for (const jid of ['6201@c.us', '6202@c.us', '6203@c.us', '6204@c.us']) await w.write(jid);
    expect([
      await w.assignee('6201@c.us'),
      await w.assignee('6202@c.us'),
      await w.assignee('6203@c.us'),
      await w.assignee('6204@c.us'),
    ]).toEqual([a.id, b.id, a.id, b.id]);
    // The agent's desktop learns of it live, through the same fact a manual assignment emits.
    await expect
      .poll(() =>
        live.events.filter(e => {
          const chat = (e.payload as { chat?: { id: string; assigneeId: string | null } }).chat;
          return e.name === 'chat:updated' && chat?.id === `${w.accountId}:6201@c.us` && chat.assigneeId === a.id;
        }),
      )
      .toHaveLength(1);
    const audit = await rows(
      `select member_id, device_id, after from audit_log where action = 'chat.auto_assign' and chat_id = ?`,
      `${w.accountId}:6201@c.us`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!['member_id']).toBeNull();
    expect(JSON.parse(String(audit[0]!['after']))).toMatchObject({ assigneeId: a.id, mode: 'round_robin' });
  });

  it('assigns exactly once: a redelivered push, also after a restart, finds the chat assigned', async () => {
    const w = await world({ mode: 'round_robin', reassignAfterMinutes: null, slaMinutes: null });
    const [a, b] = w.team as [Agent, Agent];
    await w.online(a);
    await w.online(b);
    await w.write('6211@c.us', { id: 'same' });
    await w.write('6211@c.us', { id: 'same' });
    const port = stack.node.port;
    await stack.node.app.close();
    stack.node = await startNode(stack.mariadb.url, { port, clock: () => now });
    await w.write('6211@c.us', { id: 'same', via: await stack.connect(w.hostToken) });
    const audit = await rows(
      `select 1 from audit_log where action = 'chat.auto_assign' and chat_id = ?`,
      `${w.accountId}:6211@c.us`,
    );
    expect(audit).toHaveLength(1);
    expect(await w.assignee('6211@c.us')).toBe(a.id);
  });

  it('a chat nobody can take waits; it is assigned, oldest first, when an agent comes online or resolves one', async () => {
    const w = await world({ mode: 'round_robin', reassignAfterMinutes: null, slaMinutes: null }, 1);
    const [a] = w.team as [Agent];
    await w.save([{ memberId: a.id, capacity: 1 }]);
    await w.write('6222@c.us', { at: now - 1_000 });
    await w.write('6221@c.us', { at: now - 2_000 });
    expect(await w.assignee('6221@c.us')).toBeNull();
    expect(await w.waiting()).toEqual(['6221@c.us', '6222@c.us']);
    await w.online(a);
    await expect.poll(() => w.assignee('6221@c.us')).toBe(a.id);
    // At capacity: the younger one keeps waiting.
    expect(await w.assignee('6222@c.us')).toBeNull();
    expect(await w.waiting()).toEqual(['6222@c.us']);
    const chat = await must(w.admin.socket, 'chat:get', { chatId: `${w.accountId}:6221@c.us` });
    await must(w.admin.socket, 'chat:set-status', {
      chatId: chat.chat.id,
      status: 'resolved',
      version: chat.chat.version,
    });
    expect(await w.assignee('6222@c.us')).toBe(a.id);
    expect(await w.waiting()).toEqual([]);
  });

  it('a chat taken off an agent at capacity lets the oldest waiting one in', async () => {
    const w = await world({ mode: 'round_robin', reassignAfterMinutes: null, slaMinutes: null }, 1);
    const [a] = w.team as [Agent];
    await w.save([{ memberId: a.id, capacity: 1 }]);
    await w.online(a);
    await w.write('6241@c.us');
    await w.write('6242@c.us');
    expect(await w.assignee('6241@c.us')).toBe(a.id);
    expect(await w.waiting()).toEqual(['6242@c.us']);
    const { chat } = await must(w.admin.socket, 'chat:get', { chatId: `${w.accountId}:6241@c.us` });
    await must(w.admin.socket, 'chat:assign', { chatId: chat.id, assigneeId: null, version: chat.version });
    expect(await w.assignee('6242@c.us')).toBe(a.id);
    expect(await w.waiting()).toEqual([]);
  });

  it('a first-response target gives a waiting chat a due time, live, until the team replies', async () => {
    const w = await world({ mode: 'off', reassignAfterMinutes: null, slaMinutes: 30 });
    const live = recorder(w.admin.socket);
    const due = (jid: string) =>
      column<number | null>('select sla_due_at as v from chats where id = ?', `${w.accountId}:${jid}`);
    await w.write('6251@c.us', { at: now - 60_000 });
    expect(await due('6251@c.us')).toBe(now - 60_000 + 30 * 60_000);
    await expect
      .poll(() =>
        live.events.some(e => {
          const chat = (e.payload as { chat?: { id: string; slaDueAt?: number | null } }).chat;
          return (
            e.name === 'chat:updated' && chat?.id === `${w.accountId}:6251@c.us` && chat.slaDueAt === now + 29 * 60_000
          );
        }),
      )
      .toBe(true);
    // The customer writes again: still due from their first message.
    await w.write('6251@c.us');
    expect(await due('6251@c.us')).toBe(now + 29 * 60_000);
    await w.write('6251@c.us', { fromMe: true });
    expect(await due('6251@c.us')).toBeNull();
    // A number without a target keeps no clock.
    const other = await world({ mode: 'off', reassignAfterMinutes: null, slaMinutes: null });
    await other.write('6252@c.us');
    expect(await column('select sla_due_at as v from chats where id = ?', `${other.accountId}:6252@c.us`)).toBeNull();
  });

  it('least-busy gives the chat to the agent with the fewest open chats', async () => {
    const w = await world({ mode: 'round_robin', reassignAfterMinutes: null, slaMinutes: null });
    const [a, b] = w.team as [Agent, Agent];
    await w.online(a);
    await w.write('6231@c.us');
    await w.write('6232@c.us');
    await w.online(b);
    await w.save([], { mode: 'least_busy' });
    await w.write('6233@c.us');
    await w.write('6234@c.us');
    expect(await w.assignee('6233@c.us')).toBe(b.id);
    expect(await w.assignee('6234@c.us')).toBe(b.id);
  });

  it('a new chat assigned in its push is revoked from nobody; a known unassigned chat is revoked from the others', async () => {
    const w = await world({ mode: 'round_robin', reassignAfterMinutes: null, slaMinutes: null }, 3);
    const [a, b, c] = w.team as [Agent, Agent, Agent];
    await w.online(a);
    await w.online(b);
    const access = async (jid: string) =>
      (
        await rows(
          // A revoke names its chat in the payload only.
          `select type, member_id from events
            where type in ('chat:granted', 'chat:revoked') and (chat_id = ? or payload like ?) order by seq`,
          `${w.accountId}:${jid}`,
          `%"chatId":"${w.accountId}:${jid}"%`,
        )
      ).map(r => `${String(r['type'])} ${String(r['member_id'])}`);

    // Born in the push: no agent ever had it, so only its assignee hears of it.
    await w.write('6291@c.us');
    expect(await w.assignee('6291@c.us')).toBe(a.id);
    expect(await access('6291@c.us')).toEqual([`chat:granted ${a.id}`]);

    // Known before (last week's history, unassigned, on every agent's desktop): the others lose it.
    await w.write('6292@c.us', { at: now - 7 * 86_400_000 });
    expect(await w.assignee('6292@c.us')).toBeNull();
    await w.write('6292@c.us');
    expect(await w.assignee('6292@c.us')).toBe(b.id);
    expect((await access('6292@c.us')).sort()).toEqual([`chat:revoked ${a.id}`, `chat:revoked ${c.id}`].sort());
    // A second message in the assigned chat writes no access change.
    const before = await access('6291@c.us');
    await w.write('6291@c.us');
    expect(await access('6291@c.us')).toEqual(before);
  });

  it('leaves groups, messages the number sent and chats already assigned alone', async () => {
    const w = await world({ mode: 'round_robin', reassignAfterMinutes: null, slaMinutes: null });
    await w.online(w.team[0]!);
    await w.write('120363@g.us');
    expect(await w.assignee('120363@g.us')).toBeNull();
    expect(await w.waiting()).toEqual([]);
  });

  it('refuses a capacity for someone who is not a member of the number', async () => {
    const w = await world({ mode: 'round_robin', reassignAfterMinutes: null, slaMinutes: null });
    const outsider = await stack.member('agent');
    const reply = await call(w.admin.socket, 'assignment:update', {
      accountId: w.accountId,
      mode: 'round_robin',
      reassignAfterMinutes: null,
      slaMinutes: null,
      capacities: [{ memberId: outsider.id, capacity: 5 }],
    });
    expect(reply.ok ? 'ok' : reply.error.code).toBe('invalid_args');
    const got = await must(w.admin.socket, 'assignment:get', { accountId: w.accountId });
    expect(got.capacities.map(c => c.capacity)).toEqual([20, 20, 20]);
  });
});
