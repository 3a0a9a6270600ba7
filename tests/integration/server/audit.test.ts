/**
 * audit:list as the Audit log screen uses it: filters (member, one or several actions, chat,
 * time), id-cursor paging newest first, and who reads what: admins everything, leads only
 * rows about chats of their accounts, agents nothing. And one `message.send` row per relayed
 * send, however often the send is retried.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireAudit } from '../../../common/protocol';
import { insertAudit } from '../../../sync-server/src/db/repositories/workspace';
import type { Stack } from './harness';
import { call, hostWithChat, must, startStack } from './harness';

let stack: Stack;
let A: Awaited<ReturnType<typeof hostWithChat>>;
let B: Awaited<ReturnType<typeof hostWithChat>>;
let admin: Awaited<ReturnType<Stack['device']>>;
let lead: Awaited<ReturnType<Stack['device']>>;
let agent: Awaited<ReturnType<Stack['device']>>;
/** A member who only appears in rows written below, at known times. */
const ghost = randomUUID();

beforeAll(async () => {
  stack = await startStack();
  A = await hostWithChat(stack);
  B = await hostWithChat(stack);
  admin = await stack.device('admin');
  lead = await stack.device('lead');
  agent = await stack.device('agent');
  await must(admin.socket, 'account:add-member', { accountId: A.accountId, memberId: lead.id });
  await must(admin.socket, 'account:add-member', { accountId: A.accountId, memberId: agent.id });
  // Chat rows in both accounts, written by the server's own handlers.
  await must(admin.socket, 'chat:assign', { chatId: A.chatId, assigneeId: agent.id, version: 0 });
  await must(admin.socket, 'chat:assign', { chatId: B.chatId, assigneeId: admin.id, version: 0 });
  await must(admin.socket, 'chat:set-status', { chatId: B.chatId, status: 'resolved', version: 1 });
  const db = stack.node.app.database.db;
  // Workspace-wide rows (no chat) and rows at fixed times, for the date filter.
  for (const [i, action] of ['session.sign_in', 'session.sign_in_failed', 'session.sign_in', 'mfa.enabled'].entries())
    await insertAudit(db, {
      memberId: ghost,
      deviceId: null,
      action,
      chatId: null,
      before: null,
      after: { i },
      at: (i + 1) * 1000,
    });
  await insertAudit(db, {
    memberId: ghost,
    deviceId: null,
    action: 'chat.status',
    chatId: A.chatId,
    before: null,
    after: null,
    at: 5000,
  });
  // A detail that is not JSON must not break the page.
  await db.execute(
    sql`update audit_log set \`after\` = 'not json' where action = 'chat.status' and member_id = ${ghost}`,
  );
});
afterAll(async () => {
  await stack?.stop();
});

const list = (who: { socket: Parameters<typeof must>[0] }, args: Record<string, unknown>) =>
  must(who.socket, 'audit:list', args) as Promise<WireAudit[]>;

describe('audit:list filters', () => {
  it('by member and by time, bounds included', async () => {
    const mine = await list(admin, { memberId: ghost });
    expect(mine.map(r => r.at)).toEqual([5000, 4000, 3000, 2000, 1000]);
    const window = await list(admin, { memberId: ghost, from: 2000, to: 4000 });
    expect(window.map(r => r.at)).toEqual([4000, 3000, 2000]);
    expect(mine[0]?.after).toBe('not json');
  });

  it('by one action or several', async () => {
    const one = await list(admin, { memberId: ghost, action: 'session.sign_in' });
    expect(one.map(r => r.after)).toEqual([{ i: 2 }, { i: 0 }]);
    const two = await list(admin, { memberId: ghost, action: ['session.sign_in_failed', 'mfa.enabled'] });
    expect(two.map(r => r.action)).toEqual(['mfa.enabled', 'session.sign_in_failed']);
  });

  it('by chat', async () => {
    const rows = await list(admin, { chatId: B.chatId });
    expect(rows.map(r => r.action)).toEqual(['chat.status', 'chat.assign']);
    expect(rows.every(r => r.chatId === B.chatId)).toBe(true);
  });

  it('pages newest first by id cursor: every row exactly once', async () => {
    const all = await list(admin, { limit: 500 });
    expect(all.length).toBeGreaterThan(8);
    const seen: number[] = [];
    let cursor: number | undefined;
    for (let page = 0; page < 100; page++) {
      const rows = await list(admin, { limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...rows.map(r => r.id));
      if (rows.length < 3) break;
      cursor = rows[rows.length - 1]!.id;
    }
    expect(seen).toEqual(all.map(r => r.id));
    expect([...seen].sort((x, y) => y - x)).toEqual(seen);
  });

  it('malformed filters are invalid_args', async () => {
    const bad: Record<string, unknown>[] = [
      { limit: 501 },
      { limit: 0 },
      { action: 'DROP TABLE audit_log' },
      { action: [] },
      { action: Array.from({ length: 41 }, () => 'chat.assign') },
      { memberId: 'not-a-uuid' },
      { from: 5000, to: 1000 },
      { from: -1 },
      { cursor: 0 },
      { cursor: '12' },
      { chatId: 'x' },
      { whatever: true },
    ];
    for (const args of bad) {
      const r = await call(admin.socket, 'audit:list', args);
      expect(r.ok ? 'ok' : r.error.code, JSON.stringify(args)).toBe('invalid_args');
    }
  });
});

describe('audit:list access', () => {
  it('a lead sees only rows about chats of their accounts, never workspace rows or other accounts', async () => {
    const rows = await list(lead, { limit: 500 });
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every(r => r.chatId === A.chatId)).toBe(true);
    // Filters narrow within that scope; they never widen it.
    expect(await list(lead, { memberId: ghost })).toHaveLength(1);
    expect(await list(lead, { action: ['session.sign_in', 'member.create', 'account.add_member'] })).toEqual([]);
    const other = await call(lead.socket, 'audit:list', { chatId: B.chatId });
    expect(other.ok ? 'ok' : other.error.code).toBe('not_found');
  });

  it('a lead of no account sees nothing; an agent is forbidden', async () => {
    const lonely = await stack.device('lead');
    expect(await list(lonely, {})).toEqual([]);
    const r = await call(agent.socket, 'audit:list', {});
    expect(r.ok ? 'ok' : r.error.code).toBe('forbidden');
  });
});

describe('message.send audit', () => {
  it('one row per relayed send, even when retried, at once or in parallel', async () => {
    const clientMessageId = randomUUID();
    const send = { clientMessageId, chatId: A.chatId, body: 'secret words' };
    await must(agent.socket, 'message:send', send);
    await must(agent.socket, 'message:send', send);
    await Promise.all(Array.from({ length: 5 }, () => call(agent.socket, 'message:send', send)));
    const parallelId = randomUUID();
    await Promise.all(
      Array.from({ length: 5 }, () => call(agent.socket, 'message:send', { ...send, clientMessageId: parallelId })),
    );
    const rows = await list(admin, { action: 'message.send', memberId: agent.id });
    const about = (id: string) => rows.filter(r => (r.after as { clientMessageId?: string }).clientMessageId === id);
    expect(about(clientMessageId)).toHaveLength(1);
    expect(about(parallelId)).toHaveLength(1);
    const row = about(clientMessageId)[0]!;
    expect(row).toMatchObject({ chatId: A.chatId, deviceId: agent.sessionId, before: null });
    expect(row.after).toEqual({ clientMessageId, viaDevice: A.host.sessionId });
    expect(JSON.stringify(row)).not.toContain('secret words');
    // The lead of the account sees it too.
    expect((await list(lead, { action: 'message.send' })).some(r => r.id === row.id)).toBe(true);
  });
});
