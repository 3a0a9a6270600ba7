/**
 * Two things the desktop shows while people work a chat together: "X is replying"
 * (typing:set → volatile typing:changed, never logged) and a transfer with a handover
 * (chat:assign + handover → a 'handover' note in the same transaction).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncEvent, WireChat, WireNote, WireTyping } from '../../../common/protocol';
import type { Stack } from './harness';
import { call, hostWithChat, must, recorder, startStack } from './harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

async function count(table: 'events' | 'audit_log' | 'notes'): Promise<number> {
  const [rows] = (await stack.node.app.database.db.execute(
    sql.raw(`select count(*) as n from \`${table}\``),
  )) as unknown as [Array<{ n: number }>];
  return Number(rows[0]?.n);
}

describe('typing:set', () => {
  it('reaches the other members who may see the chat, not the sender, not the others, and is not logged', async () => {
    const { host, chatId, accountId } = await hostWithChat(stack);
    const admin = await stack.device('admin');
    const agent = await stack.device('agent', 'Ayu');
    const otherAgent = await stack.device('agent');
    const outsider = await stack.device('lead');
    for (const m of [agent, otherAgent]) await must(admin.socket, 'account:add-member', { accountId, memberId: m.id });
    await must(admin.socket, 'chat:assign', { chatId, assigneeId: agent.id, version: 0 });
    // The sender's second device.
    const agentPhone = await stack.connect((await stack.login(agent.email, 'phone')).token);

    const seen = {
      host: recorder(host.socket),
      admin: recorder(admin.socket),
      sender: recorder(agent.socket),
      senderPhone: recorder(agentPhone),
      otherAgent: recorder(otherAgent.socket),
      outsider: recorder(outsider.socket),
    };
    const eventsBefore = await count('events');
    const auditBefore = await count('audit_log');

    const atHost = seen.host.next('typing:changed');
    const atAdmin = seen.admin.next('typing:changed');
    const started = Date.now();
    expect(await must(agent.socket, 'typing:set', { chatId, active: true })).toEqual({ chatId, active: true });
    const t = (await atHost) as WireTyping;
    expect(t).toMatchObject({ chatId, memberId: agent.id, memberName: 'Ayu', active: true });
    expect(t.expiresAt).toBeGreaterThanOrEqual(started + 6000);
    expect(t.expiresAt).toBeLessThanOrEqual(Date.now() + 6000);
    expect(await atAdmin).toEqual(t);

    // Repeating the same state at once is answered ok and dropped; stopping goes through.
    expect(await must(agent.socket, 'typing:set', { chatId, active: true })).toEqual({ chatId, active: true });
    const stopped = seen.host.next('typing:changed');
    await must(agent.socket, 'typing:set', { chatId, active: false });
    expect(await stopped).toMatchObject({ chatId, memberId: agent.id, active: false });

    // A workspace-wide fact sent afterwards reaches everyone: whoever got no typing:changed before it never will.
    const sync = Object.values(seen).map(r => r.next('presence:changed'));
    await must(admin.socket, 'presence:set', { status: 'away' });
    await Promise.all(sync);
    const typingAt = (r: { events: Array<{ name: string }> }) => r.events.filter(e => e.name === 'typing:changed');
    expect(typingAt(seen.host)).toHaveLength(2);
    expect(typingAt(seen.admin)).toHaveLength(2);
    expect(typingAt(seen.sender)).toHaveLength(0);
    expect(typingAt(seen.senderPhone)).toHaveLength(0);
    expect(typingAt(seen.otherAgent)).toHaveLength(0);
    expect(typingAt(seen.outsider)).toHaveLength(0);

    expect(await count('events')).toBe(eventsBefore);
    expect(await count('audit_log')).toBe(auditBefore);
  });

  it('is refused like chat:get for a chat the member may not see', async () => {
    const { chatId } = await hostWithChat(stack);
    const outsider = await stack.device('agent');
    const reply = await call(outsider.socket, 'typing:set', { chatId, active: true });
    expect(reply.ok ? 'ok' : reply.error.code).toBe('not_found');
  });
});

describe('chat:assign with a handover', () => {
  it('stores a handover note with the transfer and delivers it to the new assignee', async () => {
    const { host, chatId, accountId } = await hostWithChat(stack);
    const admin = await stack.device('admin');
    await must(admin.socket, 'settings:update', { agentsSeeUnassigned: false });
    try {
      const from = await stack.device('agent');
      const to = await stack.device('agent');
      for (const m of [from, to]) await must(admin.socket, 'account:add-member', { accountId, memberId: m.id });
      const v1 = (await must(host.socket, 'chat:assign', { chatId, assigneeId: from.id, version: 0 })).version;
      const fromSeen = recorder(from.socket);
      const toSeen = recorder(to.socket);
      const granted = toSeen.next('chat:granted');
      const noted = toSeen.next('note:added');
      const handover = { note: 'Refund approved, send the form', draft: 'Dear customer, ', summary: 'Wants a refund' };
      const chat = await must(host.socket, 'chat:assign', { chatId, assigneeId: to.id, version: v1, handover });
      expect(chat.assigneeId).toBe(to.id);

      expect(((await granted) as { chat: WireChat }).chat.id).toBe(chatId);
      const live = ((await noted) as { note: WireNote }).note;
      expect(live).toMatchObject({
        chatId,
        body: handover.note,
        kind: 'handover',
        draft: handover.draft,
        summary: handover.summary,
      });
      // Granted before the note, so the device has the chat when the note arrives.
      const order = toSeen.events.map(e => e.name).filter(n => n === 'chat:granted' || n === 'note:added');
      expect(order).toEqual(['chat:granted', 'note:added']);

      // Pull and chat:get carry the same note.
      const page = await must(to.socket, 'sync:pull', { cursor: 0, limit: 1000 });
      const pulled = page.events.filter(
        (e): e is Extract<SyncEvent, { type: 'note:added' }> => e.type === 'note:added',
      );
      expect(pulled.map(e => e.note)).toEqual([live]);
      const types = page.events.map(e => e.type);
      expect(types.indexOf('chat:granted')).toBeLessThan(types.indexOf('note:added'));
      const { notes } = await must(to.socket, 'chat:get', { chatId });
      expect(notes).toEqual([live]);

      // The previous owner lost the chat: revoked, and the note never reached them.
      const lost = await call(from.socket, 'chat:get', { chatId });
      expect(lost.ok ? 'ok' : lost.error.code).toBe('not_found');
      const fromPage = await must(from.socket, 'sync:pull', { cursor: 0, limit: 1000 });
      expect(fromPage.events.some(e => e.type === 'note:added')).toBe(false);
      expect(fromSeen.events.some(e => e.name === 'note:added')).toBe(false);

      // One audit row for the transfer, naming the note.
      const audit = await must(admin.socket, 'audit:list', { chatId });
      const transfer = audit.filter(a => a.action === 'chat.assign');
      expect(transfer).toHaveLength(2);
      expect(transfer[0]!.after).toMatchObject({ assigneeId: to.id, handoverNoteId: live.id });
    } finally {
      await must(admin.socket, 'settings:update', { agentsSeeUnassigned: true });
    }
  });

  it('a stale assign with a handover is refused and stores no note', async () => {
    const { host, chatId, accountId } = await hostWithChat(stack);
    const admin = await stack.device('admin');
    const agent = await stack.device('agent');
    await must(admin.socket, 'account:add-member', { accountId, memberId: agent.id });
    await must(host.socket, 'chat:set-status', { chatId, status: 'pending', version: 0 });
    const notesBefore = await count('notes');
    const auditBefore = await count('audit_log');
    const stale = await call(host.socket, 'chat:assign', {
      chatId,
      assigneeId: agent.id,
      version: 0,
      handover: { note: 'lost', draft: 'x', summary: 'y' },
    });
    expect(stale.ok ? 'ok' : stale.error.code).toBe('conflict');
    expect(await count('notes')).toBe(notesBefore);
    expect(await count('audit_log')).toBe(auditBefore);
    expect((await must(admin.socket, 'chat:get', { chatId })).notes).toEqual([]);
  });

  it('an agent cannot assign with a handover, and plain notes are kind note', async () => {
    const { chatId, accountId } = await hostWithChat(stack);
    const admin = await stack.device('admin');
    const agent = await stack.device('agent');
    await must(admin.socket, 'account:add-member', { accountId, memberId: agent.id });
    const refused = await call(agent.socket, 'chat:assign', {
      chatId,
      assigneeId: agent.id,
      version: 0,
      handover: { note: 'mine now' },
    });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('forbidden');
    const note = await must(agent.socket, 'note:add', { chatId, body: 'plain' });
    expect(note).toMatchObject({ kind: 'note', draft: null, summary: null });
    expect((await must(admin.socket, 'chat:get', { chatId })).notes).toEqual([note]);
  });
});
