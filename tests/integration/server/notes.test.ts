/**
 * note:add is idempotent by clientNoteId: a retry (after a lost answer, or racing the first
 * attempt) gets the stored note back, and the server keeps one row, one note:added event
 * and one audit entry. Someone else's id is refused without revealing their note.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncEvent, WireNote } from '../../../common/protocol';
import type { Stack } from './harness';
import { call, hostWithChat, must, recorder, startStack } from './harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

/** Rows about one note id: the note itself, its note:added events and its audit entries. */
async function traces(clientNoteId: string): Promise<{ notes: number; events: number; audit: number }> {
  const db = stack.node.app.database.db;
  const one = async (q: ReturnType<typeof sql>) => {
    const [rows] = (await db.execute(q)) as unknown as [Array<{ n: number }>];
    return Number(rows[0]?.n);
  };
  const [row] = (
    (await db.execute(sql`select id from notes where client_note_id = ${clientNoteId}`)) as unknown as [
      Array<{ id: string }>,
    ]
  )[0];
  const noteId = row?.id ?? '';
  return {
    notes: await one(sql`select count(*) as n from notes where client_note_id = ${clientNoteId}`),
    events: await one(
      sql`select count(*) as n from events where type = 'note:added' and payload like ${`%${noteId || 'none'}%`}`,
    ),
    audit: await one(
      sql`select count(*) as n from audit_log where action = 'note.add' and after like ${`%${noteId || 'none'}%`}`,
    ),
  };
}

describe('note:add with a clientNoteId', () => {
  it('a retry returns the stored note: one row, one event, one audit entry', async () => {
    const { host, chatId } = await hostWithChat(stack);
    const clientNoteId = randomUUID();
    const first = await must(host.socket, 'note:add', { chatId, body: 'Call back Friday', clientNoteId });
    expect(first).toMatchObject({ chatId, body: 'Call back Friday', authorId: host.id, clientNoteId });
    const again = await must(host.socket, 'note:add', { chatId, body: 'Call back Friday', clientNoteId });
    expect(again).toEqual(first);
    expect(await traces(clientNoteId)).toEqual({ notes: 1, events: 1, audit: 1 });
    // Pull and chat:get show it once, carrying the device's id.
    const page = await must(host.socket, 'sync:pull', { cursor: 0, limit: 1000 });
    const added = page.events.filter(
      (e): e is Extract<SyncEvent, { type: 'note:added' }> =>
        e.type === 'note:added' && e.note.clientNoteId === clientNoteId,
    );
    expect(added.map(e => e.note.id)).toEqual([first.id]);
    expect((await must(host.socket, 'chat:get', { chatId })).notes.filter(n => n.id === first.id)).toHaveLength(1);
  });

  it('retries racing each other from two devices store one note and all get it', async () => {
    const { host, chatId } = await hostWithChat(stack);
    const phone = await stack.connect((await stack.login(host.email, 'phone')).token);
    const clientNoteId = randomUUID();
    const seen = recorder(phone);
    const payload = { chatId, body: 'Refund approved', clientNoteId };
    const replies = await Promise.all(
      Array.from({ length: 8 }, (_, i) => must(i % 2 ? phone : host.socket, 'note:add', payload)),
    );
    const ids = new Set(replies.map((r: WireNote) => r.id));
    expect(ids.size).toBe(1);
    expect(await traces(clientNoteId)).toEqual({ notes: 1, events: 1, audit: 1 });
    // The other device hears of it once, live (it may have arrived before the replies).
    const deadline = Date.now() + 10_000;
    while (!seen.events.some(e => e.name === 'note:added') && Date.now() < deadline)
      await new Promise(resolve => setTimeout(resolve, 25));
    await must(phone, 'presence:list', {});
    expect(seen.events.filter(e => e.name === 'note:added')).toHaveLength(1);
  });

  it('refuses an id already used by someone else or for another chat, without revealing that note', async () => {
    const { host, chatId, accountId } = await hostWithChat(stack);
    const admin = await stack.device('admin');
    await must(host.socket, 'sync:push', { chats: [{ accountId, jid: '6299@c.us', isGroup: false, name: 'x' }] });
    const clientNoteId = randomUUID();
    await must(host.socket, 'note:add', { chatId, body: 'Mine', clientNoteId });
    const theirs = await call(admin.socket, 'note:add', { chatId, body: 'Mine', clientNoteId });
    expect(theirs).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(JSON.stringify(theirs)).not.toContain('Mine');
    const elsewhere = await call(host.socket, 'note:add', {
      chatId: `${accountId}:6299@c.us`,
      body: 'Mine',
      clientNoteId,
    });
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await traces(clientNoteId)).toEqual({ notes: 1, events: 1, audit: 1 });
  });

  it('without a clientNoteId every call is a new note (older desktops), and ids must be uuids', async () => {
    const { host, chatId } = await hostWithChat(stack);
    const a = await must(host.socket, 'note:add', { chatId, body: 'twice' });
    const b = await must(host.socket, 'note:add', { chatId, body: 'twice' });
    expect(a.id).not.toBe(b.id);
    expect(a.clientNoteId).toBeNull();
    const bad = await call(host.socket, 'note:add', { chatId, body: 'x', clientNoteId: 'not-a-uuid' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
  });
});
