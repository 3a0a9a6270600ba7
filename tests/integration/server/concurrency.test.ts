import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncEvent, WireAudit, WireChat } from '../../../common/protocol';
import { call, hostWithChat, must, NOW, startStack } from './harness';
import type { Stack } from './harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

describe('assignments under contention', () => {
  it('two leads and 50 concurrent requests: one wins, 49 get the winner, one audit row', async () => {
    const { host, chatId, accountId } = await hostWithChat(stack);
    const admin = await stack.device('admin');
    const lead2 = await stack.device('lead');
    const agents = [await stack.member('agent'), await stack.member('agent')];
    for (const m of [lead2, ...agents]) await must(admin.socket, 'account:add-member', { accountId, memberId: m.id });

    const requests = Array.from({ length: 50 }, (_, i) => {
      const socket = i % 2 === 0 ? host.socket : lead2.socket;
      return call(socket, 'chat:assign', { chatId, assigneeId: agents[i % 2]!.id, version: 0 });
    });
    const replies = await Promise.all(requests);
    const winners = replies.filter(r => r.ok);
    expect(winners).toHaveLength(1);
    const winner = winners[0]!.ok ? winners[0]!.value : null;
    expect(winner?.version).toBe(1);
    for (const r of replies.filter(r => !r.ok)) {
      if (r.ok) continue;
      expect(r.error.code).toBe('conflict');
      const current = (r.error.details as { chat: WireChat }).chat;
      expect(current.assigneeId).toBe(winner?.assigneeId);
      expect(current.version).toBe(1);
    }
    const audit = (await must(admin.socket, 'audit:list', { chatId })) as WireAudit[];
    expect(audit.filter(a => a.action === 'chat.assign')).toHaveLength(1);
    const { chat } = await must(admin.socket, 'chat:get', { chatId });
    expect(chat.assigneeId).toBe(winner?.assigneeId);
    expect(chat.version).toBe(1);
  });
});

describe('pull', () => {
  it('returns 10,000 events from an old cursor, all, in order, none twice', async () => {
    const { host, accountId } = await hostWithChat(stack);
    const admin = await stack.device('admin');
    // The device is up to date before the burst: its cursor is the "old" one.
    let oldCursor = 0;
    for (let more = true; more;) {
      const page = await must(admin.socket, 'sync:pull', { cursor: oldCursor, limit: 1000 });
      oldCursor = page.cursor;
      more = page.hasMore;
    }
    // 5 batches × 2,000 messages in 2,000 chats = 10,000 messages:upserted events.
    const ts = NOW();
    for (let b = 0; b < 5; b++) {
      const messages = Array.from({ length: 2000 }, (_, i) => ({
        accountId,
        chatJid: `62${String(i).padStart(6, '0')}@c.us`,
        providerMessageId: `bulk-${b}-${i}`,
        fromMe: false,
        type: 'text',
        body: `message ${b}/${i}`,
        timestamp: ts + b,
      }));
      await must(host.socket, 'sync:push', { messages });
    }
    const seen = new Set<number>();
    const ids = new Set<string>();
    let cursor = oldCursor;
    let last = oldCursor;
    let pages = 0;
    for (;;) {
      const page = await must(admin.socket, 'sync:pull', { cursor, limit: 1000 });
      pages++;
      for (const e of page.events as SyncEvent[]) {
        expect(e.seq).toBeGreaterThan(last);
        expect(seen.has(e.seq)).toBe(false);
        seen.add(e.seq);
        last = e.seq;
        if (e.type === 'messages:upserted') for (const m of e.messages) ids.add(m.providerMessageId);
      }
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(seen.size).toBe(10_000);
    expect(ids.size).toBe(10_000);
    expect(pages).toBeGreaterThanOrEqual(10);
  }, 180_000);
});
