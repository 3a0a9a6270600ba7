import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandName, CommandResult, DeskEvents } from '../../../common/api';
import type { Core } from '../../../main/core/core';
import { createCore } from '../../../main/core/core';
import { silentLogger } from '../../../main/platform/log';
import { callCore, until } from '../../helpers/core';

const ctx = { transport: 'internal' } as const;
let core: Core;
let dataDir: string;

const call = <K extends CommandName>(name: K, args: unknown): Promise<CommandResult<K>> => callCore(core, name, args);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'blazz-core-'));
  core = await createCore({
    dataDir,
    shell: 'headless',
    version: 'test',
    log: silentLogger,
    accounts: { simulator: { qrScanDelayMs: 50, chatterIntervalMs: 300, ackStepMs: 100, history: 5, chats: 4 } },
  });
});
afterAll(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('demo accounts through the core', () => {
  it('starts two simulated accounts whose chats land in the store and reach the renderer as events', async () => {
    const received: DeskEvents['messages:received'][] = [];
    core.events.subscribe((name, payload) => {
      if (name === 'messages:received') received.push(payload as DeskEvents['messages:received']);
    });
    const started = await call('demo:start', {});
    expect(started).toHaveLength(2);
    await until('both accounts ready', async () => (await call('accounts:list', {})).every(a => a.state === 'ready'));
    const page = await until('chats of both accounts in the inbox', async () => {
      const p = await call('chats:list', {});
      return new Set(p.items.map(c => c.accountId)).size === 2 && p;
    });
    expect(page.items.length).toBeGreaterThanOrEqual(2);
    await until('live messages as events', async () => received.length > 0);
    const accounts = await call('accounts:list', {});
    expect(accounts.some(a => a.unreadCount > 0)).toBe(true);
  });

  it('sends a reply through the outbox and sees it acknowledged', async () => {
    const chat = (await call('chats:list', {})).items.find(c => !c.isGroup)!;
    const optimistic = await call('messages:send', { chatId: chat.id, text: 'Halo, ada yang bisa kami bantu?' });
    expect(optimistic).toMatchObject({ fromMe: true, ack: 'pending', body: 'Halo, ada yang bisa kami bantu?' });
    const sent = await until('the message to be sent', async () => {
      const msgs = (await call('messages:list', { chatId: chat.id })).messages;
      const mine = msgs.filter(m => m.clientMessageId === optimistic.clientMessageId);
      return mine.length === 1 && ['sent', 'delivered', 'read'].includes(mine[0]!.ack) && mine[0];
    });
    expect(sent.providerMessageId).not.toMatch(/^local:/);
    // The same client id again is answered from the outbox, not sent twice.
    const again = await call('messages:send', {
      chatId: chat.id,
      text: 'Halo, ada yang bisa kami bantu?',
      clientMessageId: optimistic.clientMessageId!,
    });
    expect(again.clientMessageId).toBe(optimistic.clientMessageId);
    const msgs = (await call('messages:list', { chatId: chat.id })).messages;
    expect(msgs.filter(m => m.clientMessageId === optimistic.clientMessageId)).toHaveLength(1);
  });

  it('replies to a customer from another of our numbers in that number’s chat with them', async () => {
    const chat = (await call('chats:list', {})).items.find(c => !c.isGroup)!;
    const other = (await call('accounts:list', {})).find(a => a.id !== chat.accountId)!;
    const target = `${other.id}:${chat.jid}`;
    const sent = await call('messages:send', { chatId: target, text: 'Dari nomor kami yang lain' });
    expect(sent.chatId).toBe(target);
    expect(sent.accountId).toBe(other.id);
    const created = await call('chats:get', { chatId: target });
    expect(created.jid).toBe(chat.jid);
    // A made-up chat of an account that does not exist is still refused.
    const bogus = await core.dispatch(
      'messages:send',
      { chatId: `acc_nope:${chat.jid}`, text: 'x' },
      { transport: 'internal' },
    );
    expect(bogus).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('finds messages by full-text search', async () => {
    const hits = await call('search:messages', { query: 'bantu' });
    expect(hits.hits.length).toBeGreaterThan(0);
  });

  it('hands the page media as a data: URL, and nothing for messages without media', async () => {
    const withMedia = await until('a message with a stored image or document', async () => {
      for (const chat of (await call('chats:list', {})).items) {
        const m = (await call('messages:list', { chatId: chat.id, limit: 200 })).messages.find(x => x.media?.localPath);
        if (m) return m;
      }
      return null;
    });
    const { url } = await call('media:url', { messageId: withMedia.id });
    expect(url).toMatch(/^data:[\w/.+-]+;base64,/);
    expect(url.length).toBeGreaterThan(100);
    const plain = (await call('messages:list', { chatId: withMedia.chatId })).messages.find(m => !m.media)!;
    const reply = await core.dispatch('media:url', { messageId: plain.id }, ctx);
    expect(reply).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses to send into a chat that does not exist', async () => {
    const reply = await core.dispatch('messages:send', { chatId: 'nope:123@c.us', text: 'hi' }, ctx);
    expect(reply).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
