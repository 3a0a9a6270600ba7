/**
 * The push path stores each message once and logs references to it: pull and live
 * delivery fill the messages in as they are stored now. Updates in a batch apply in
 * order (acks forward only, edits, then sticky revokes), unknown messages are skipped.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncEvent, WireMessage } from '../../../common/protocol';
import { MAX_PULL_MESSAGES } from '../../../sync-server/src/db/repositories/events';
import type { Stack } from './harness';
import { hostWithChat, must, recorder, startStack } from './harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const text = (accountId: string, chatJid: string, id: string, at: number, body = `body of ${id}`) => ({
  accountId,
  chatJid,
  providerMessageId: id,
  fromMe: false,
  type: 'text',
  body,
  timestamp: at,
});

async function eventually<T>(probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise(resolve => setTimeout(resolve, 25));
  }
}

type Upserted = Extract<SyncEvent, { type: 'messages:upserted' }>;
const upserted = (events: SyncEvent[]) => events.filter((e): e is Upserted => e.type === 'messages:upserted');

describe('sync:push', () => {
  it('logs references, not copies: the events table holds no message text', async () => {
    const { host, accountId, jid } = await hostWithChat(stack);
    await must(host.socket, 'sync:push', {
      messages: [text(accountId, jid, 'ref-1', Date.now() - 2000, 'a secret only the messages table holds')],
    });
    const [rows] = (await stack.node.app.database.db.execute(
      sql`select count(*) as n from events where payload like '%a secret only%'`,
    )) as unknown as [Array<{ n: number }>];
    expect(Number(rows[0]?.n)).toBe(0);
    const admin = await stack.device('admin');
    const page = await must(admin.socket, 'sync:pull', { cursor: 0, limit: 1000 });
    const bodies = upserted(page.events).flatMap(e => e.messages.map(m => m.body));
    expect(bodies).toContain('a secret only the messages table holds');
  });

  it('applies acks, edits and revokes of a batch in order and delivers the stored state', async () => {
    const { host, accountId, jid, chatId } = await hostWithChat(stack);
    const admin = await stack.device('admin');
    const t = Date.now() - 10_000;
    await must(host.socket, 'sync:push', {
      messages: [1, 2, 3].map(i => text(accountId, jid, `u-${i}`, t + i)),
    });
    const seen = recorder(admin.socket);
    const { lastSeq } = await must(host.socket, 'sync:push', {
      acks: [
        { accountId, providerMessageId: 'u-1', ack: 'read' },
        { accountId, providerMessageId: 'u-1', ack: 'delivered' },
        { accountId, providerMessageId: 'unknown', ack: 'read' },
      ],
      edits: [
        { accountId, providerMessageId: 'u-2', body: 'first edit', editedAt: t + 10 },
        { accountId, providerMessageId: 'u-2', body: 'second edit', editedAt: t + 11 },
        { accountId, providerMessageId: 'u-3', body: 'edited then revoked', editedAt: t + 12 },
      ],
      revokes: [{ accountId, providerMessageId: 'u-3', revokedAt: t + 13 }],
    });
    // Live delivery follows the ack: wait for this batch's event (the first batch's may arrive too).
    const event = await eventually(() => seen.events.map(e => e.payload as Upserted).find(e => e.seq === lastSeq));
    expect(event.chatId).toBe(chatId);
    const byId = new Map(event.messages.map(m => [m.providerMessageId, m]));
    expect([...byId.keys()]).toEqual(['u-1', 'u-2', 'u-3']);
    expect(byId.get('u-1')?.ack).toBe('read');
    expect(byId.get('u-2')).toMatchObject({ body: 'second edit', edited: true });
    expect(byId.get('u-3')).toMatchObject({ body: null, revoked: true });
    // A later edit cannot bring a revoked message back.
    await must(host.socket, 'sync:push', {
      edits: [{ accountId, providerMessageId: 'u-3', body: 'back?', editedAt: t + 14 }],
    });
    const stored = await must(admin.socket, 'messages:list', { chatId });
    expect(stored.find(m => m.providerMessageId === 'u-3')).toMatchObject({ body: null, revoked: true });
    expect(stored.filter(m => m.providerMessageId === 'unknown')).toEqual([]);
  });

  it('merges a message pushed again the same whichever columns its statement writes', async () => {
    const { host, accountId, jid, chatId } = await hostWithChat(stack);
    const admin = await stack.device('admin');
    const t = Date.now() - 20_000;
    const sha = 'b'.repeat(64);
    const rich = (id: string, at: number) => ({
      ...text(accountId, jid, id, at),
      type: 'image',
      caption: 'first caption',
      media: { mimeType: 'image/jpeg', fileName: 'a.jpg', size: 10, sha256: sha },
      author: '62811@c.us',
      clientMessageId: '5a4c1d2e-0b7f-4c43-9e55-0d6d2b8f6a10',
      ack: 'read',
    });
    const gone = (id: string, at: number) => ({ ...text(accountId, jid, id, at), body: null, revoked: true });
    await must(host.socket, 'sync:push', {
      messages: [
        rich('narrow-rich', t),
        gone('narrow-gone', t + 1),
        rich('wide-rich', t + 2),
        gone('wide-gone', t + 3),
      ],
    });
    const again = (id: string, at: number) => ({ ...text(accountId, jid, id, at), body: 'pushed again' });
    // Narrow: every row leaves the optional columns at their defaults, so the statement omits them.
    await must(host.socket, 'sync:push', { messages: [again('narrow-rich', t), again('narrow-gone', t + 1)] });
    // Wide: one new row sets every optional column, so the statement writes them all.
    await must(host.socket, 'sync:push', {
      messages: [
        again('wide-rich', t + 2),
        again('wide-gone', t + 3),
        {
          ...rich('wide-new', t + 4),
          authorName: 'Dewi',
          location: { lat: 1, lng: 2 },
          quotedProviderMessageId: 'wide-rich',
          edited: true,
        },
      ],
    });
    const stored = new Map((await must(admin.socket, 'messages:list', { chatId })).map(m => [m.providerMessageId, m]));
    const comparable = (id: string) => {
      const { rowId: _rowId, providerMessageId: _id, timestamp: _ts, ...rest } = stored.get(id)!;
      return rest;
    };
    expect(comparable('narrow-rich')).toEqual(comparable('wide-rich'));
    expect(comparable('narrow-gone')).toEqual(comparable('wide-gone'));
    expect(stored.get('narrow-rich')).toMatchObject({
      body: 'pushed again',
      caption: null,
      media: { sha256: sha },
      clientMessageId: '5a4c1d2e-0b7f-4c43-9e55-0d6d2b8f6a10',
      ack: 'read',
      author: '62811@c.us',
      type: 'image',
    });
    expect(stored.get('narrow-gone')).toMatchObject({ body: null, revoked: true });
    expect(stored.get('wide-new')).toMatchObject({ edited: true, location: { lat: 1, lng: 2 }, authorName: 'Dewi' });
  });

  it('delivers a push live exactly as a pull returns it: inserted, merged and updated-in-the-same-batch messages', async () => {
    const { host, accountId, jid } = await hostWithChat(stack);
    const admin = await stack.device('admin');
    const seen = recorder(admin.socket);
    const t = Date.now() - 30_000;
    const sha = 'a'.repeat(64);
    /** Pushes a batch and checks its live fact against a pull of the same seq. */
    const liveEqualsPull = async (batch: Record<string, unknown>) => {
      const { lastSeq } = await must(host.socket, 'sync:push', batch);
      const live = (await eventually(() =>
        seen.events.map(e => e.payload as Upserted).find(e => e.seq === lastSeq),
      )) as Upserted;
      const page = await must(admin.socket, 'sync:pull', { cursor: lastSeq! - 1, limit: 10 });
      const pulled = upserted(page.events).find(e => e.seq === lastSeq)!;
      expect(live.messages).toEqual(pulled.messages);
      expect(live.messages.every(m => Number.isInteger(m.rowId) && m.rowId > 0)).toBe(true);
      return new Map(live.messages.map(m => [m.providerMessageId, m]));
    };
    // All new: built from the push itself, only the row ids read.
    const inserted = await liveEqualsPull({
      messages: [
        { ...text(accountId, jid, 'old-1', t), ack: 'read' },
        {
          ...text(accountId, jid, 'new-media', t + 1),
          type: 'image',
          body: null,
          caption: 'a photo ✓',
          media: { mimeType: 'image/jpeg', fileName: 'p.jpg', size: 1234, sha256: sha, width: 10, height: 20 },
          author: '62899@c.us',
          authorName: 'Dewi',
          quotedProviderMessageId: 'old-1',
        },
        {
          ...text(accountId, jid, 'new-location', t + 2),
          type: 'location',
          location: { lat: -6.2, lng: 106.8, name: 'Jakarta' },
          fromMe: true,
          clientMessageId: '8b0f3c52-56a1-4f37-9d3c-2a4f8f0a7e11',
        },
      ],
    });
    expect(inserted.get('new-media')).toMatchObject({
      caption: 'a photo ✓',
      authorName: 'Dewi',
      quotedProviderMessageId: 'old-1',
    });
    expect(inserted.get('new-location')?.location).toEqual({ lat: -6.2, lng: 106.8, name: 'Jakarta' });
    // Merged with a stored row, or changed later in the same batch: read back as stored.
    const merged = await liveEqualsPull({
      messages: [
        { ...text(accountId, jid, 'old-1', t), ack: 'delivered' },
        text(accountId, jid, 'acked-in-batch', t + 3),
        text(accountId, jid, 'edited-in-batch', t + 4),
      ],
      acks: [{ accountId, providerMessageId: 'acked-in-batch', ack: 'read' }],
      edits: [{ accountId, providerMessageId: 'edited-in-batch', body: 'after the edit', editedAt: t + 5 }],
    });
    expect(merged.get('old-1')?.ack).toBe('read');
    expect(merged.get('acked-in-batch')?.ack).toBe('read');
    expect(merged.get('edited-in-batch')).toMatchObject({ body: 'after the edit', edited: true });
    // New messages acked or edited in their own batch (no stored row to merge with).
    const updatedInBatch = await liveEqualsPull({
      messages: [text(accountId, jid, 'fresh-acked', t + 6), text(accountId, jid, 'fresh-edited', t + 7)],
      acks: [{ accountId, providerMessageId: 'fresh-acked', ack: 'played' }],
      edits: [{ accountId, providerMessageId: 'fresh-edited', body: 'edited at once', editedAt: t + 8 }],
    });
    expect(updatedInBatch.get('fresh-acked')?.ack).toBe('played');
    expect(updatedInBatch.get('fresh-edited')).toMatchObject({ body: 'edited at once', edited: true });
  });

  it('applies pushes a device keeps in flight together in the order it sent them', async () => {
    const { host, accountId, jid, chatId } = await hostWithChat(stack);
    const admin = await stack.device('admin');
    const t = Date.now() - 20_000;
    const ids = Array.from({ length: 1000 }, (_, i) => `p-${i}`);
    // A big batch and, right behind it without waiting, small ones that update its messages:
    // applied out of order, the acks and the edit would find nothing and be lost.
    const replies = await Promise.all([
      must(host.socket, 'sync:push', { messages: ids.map((id, i) => text(accountId, jid, id, t + i)) }),
      must(host.socket, 'sync:push', { acks: ids.map(id => ({ accountId, providerMessageId: id, ack: 'read' })) }),
      must(host.socket, 'sync:push', {
        edits: [{ accountId, providerMessageId: 'p-999', body: 'edited in flight', editedAt: t + 5000 }],
      }),
    ]);
    expect(replies.map(r => r.lastSeq! > 0)).toEqual([true, true, true]);
    expect(replies[0]!.lastSeq! < replies[1]!.lastSeq! && replies[1]!.lastSeq! < replies[2]!.lastSeq!).toBe(true);
    const stored = await must(admin.socket, 'messages:list', { chatId, limit: 200 });
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.every(m => m.ack === 'read' || m.fromMe)).toBe(true);
    expect(stored.find(m => m.providerMessageId === 'p-999')).toMatchObject({ body: 'edited in flight', edited: true });
  });

  it('does not echo a batch back to the device that pushed it, live or in its pulls; others get it both ways', async () => {
    const { host, accountId, jid } = await hostWithChat(stack);
    const admin = await stack.device('admin');
    const hostSeen = recorder(host.socket);
    const adminSeen = recorder(admin.socket);
    const { lastSeq } = await must(host.socket, 'sync:push', {
      messages: [text(accountId, jid, 'echo-1', Date.now() - 1000)],
    });
    const live = await eventually(() => adminSeen.events.map(e => e.payload as Upserted).find(e => e.seq === lastSeq));
    expect(live.messages.map(m => m.providerMessageId)).toEqual(['echo-1']);
    // A later workspace fact reaches both: the host had its chance to get the batch and did not.
    const both = [hostSeen.next('presence:changed'), adminSeen.next('presence:changed')];
    await must(admin.socket, 'presence:set', { status: 'away' });
    await Promise.all(both);
    expect(hostSeen.events.filter(e => e.name === 'messages:upserted')).toEqual([]);
    const pulled = async (socket: typeof host.socket) =>
      upserted((await must(socket, 'sync:pull', { cursor: lastSeq! - 1, limit: 10 })).events).flatMap(e =>
        e.messages.map(m => m.providerMessageId),
      );
    expect(await pulled(admin.socket)).toEqual(['echo-1']);
    expect(await pulled(host.socket)).toEqual([]);
  });

  it('cuts pull pages by the messages they fill in, and the pages together are complete and in order', async () => {
    const { host, accountId, jid } = await hostWithChat(stack);
    const admin = await stack.device('admin');
    const start = (await must(admin.socket, 'sync:pull', { cursor: 0, limit: 1000 })).cursor;
    const total = MAX_PULL_MESSAGES + 1500;
    const t = Date.now() - 100_000;
    for (let i = 0; i < total; i += 2000) {
      const n = Math.min(2000, total - i);
      await must(host.socket, 'sync:push', {
        messages: Array.from({ length: n }, (_, j) => text(accountId, jid, `page-${i + j}`, t + i + j)),
      });
    }
    let cursor = start;
    const got: WireMessage[] = [];
    const seqs: number[] = [];
    let pages = 0;
    for (let more = true; more; pages++) {
      const page = await must(admin.socket, 'sync:pull', { cursor, limit: 1000 });
      const filled = upserted(page.events).reduce((n, e) => n + e.messages.length, 0);
      expect(filled).toBeLessThanOrEqual(MAX_PULL_MESSAGES);
      for (const e of page.events) seqs.push(e.seq);
      got.push(...upserted(page.events).flatMap(e => e.messages));
      cursor = page.cursor;
      more = page.hasMore;
    }
    expect(pages).toBeGreaterThan(1);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    const ids = got.map(m => m.providerMessageId);
    expect(new Set(ids).size).toBe(total);
    expect(ids).toEqual(Array.from({ length: total }, (_, i) => `page-${i}`));
  });
});
