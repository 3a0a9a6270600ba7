/**
 * Full history through the core: past the oldest stored message, messages:loadOlder asks the
 * number's provider (a simulated phone in its own process) for the page before it, stores it
 * through the ingest path and answers with that page, until the phone has no more.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandName, CommandResult, DeskEvents } from '../../../common/api';
import type { Message } from '../../../common/domain';
import type { Core } from '../../../main/core/core';
import { createCore } from '../../../main/core/core';
import { silentLogger } from '../../../main/platform/log';
import { callCore, until } from '../../helpers/core';

let core: Core;
let dataDir: string;
const OLDER = 70;

const call = <K extends CommandName>(name: K, args: unknown): Promise<CommandResult<K>> => callCore(core, name, args);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'blazz-core-older-'));
  core = await createCore({
    dataDir,
    shell: 'headless',
    version: 'test',
    log: silentLogger,
    accounts: {
      simulator: { qrScanDelayMs: 50, chatterIntervalMs: 0, ackStepMs: 100, history: 6, chats: 3, olderHistory: OLDER },
    },
  });
});
afterAll(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const allStored = async (chatId: string): Promise<Message[]> =>
  (await call('messages:list', { chatId, limit: 200 })).messages as Message[];

describe('messages:loadOlder', () => {
  it('pages the phone’s older messages into the store until the beginning of the chat', async () => {
    const received: Message[] = [];
    core.events.subscribe((name, payload) => {
      if (name === 'messages:received') received.push(...(payload as DeskEvents['messages:received']).messages);
    });
    const [account] = await call('demo:start', {});
    await until('the number ready', async () => (await call('accounts:list', {})).every(a => a.state === 'ready'));
    const chat = await until('a chat with its synced messages', async () => {
      const items = (await call('chats:list', { accountIds: [account!.id] })).items;
      return items.find(c => c.lastMessageAt !== null) ?? null;
    });
    const before = await allStored(chat.id);
    expect(before.length).toBeGreaterThan(0);
    const oldestBefore = before[0]!.timestamp;

    const first = await call('messages:loadOlder', { chatId: chat.id });
    expect(first).toMatchObject({ received: 50, hasMore: true, reachedLimit: false });
    expect(first.page.messages).toHaveLength(50);
    expect(first.page.messages.every(m => m.timestamp < oldestBefore)).toBe(true);
    const times = first.page.messages.map(m => m.timestamp);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // Stored through the ingest path: the renderer heard of them as any new message.
    const firstIds = new Set(first.page.messages.map(m => m.id));
    expect(received.filter(m => firstIds.has(m.id))).toHaveLength(50);

    const second = await call('messages:loadOlder', { chatId: chat.id });
    expect(second).toMatchObject({ received: OLDER - 50, hasMore: false });
    expect(second.page.messages.every(m => m.timestamp < first.page.messages[0]!.timestamp)).toBe(true);
    expect(await allStored(chat.id)).toHaveLength(before.length + OLDER);

    // At the beginning, asking again brings nothing and says so.
    const third = await call('messages:loadOlder', { chatId: chat.id });
    expect(third).toMatchObject({ received: 0, hasMore: false, page: { messages: [] } });
    // Older history never counts as unread.
    expect((await call('chats:get', { chatId: chat.id })).unreadCount).toBe(chat.unreadCount);
  });

  it('says the number is not connected while it is stopped, and works again once it is back', async () => {
    const account = (await call('accounts:list', {}))[1]!;
    const chat = (await call('chats:list', { accountIds: [account.id] })).items[0]!;
    await call('accounts:stop', { accountId: account.id });
    const reply = await core.dispatch('messages:loadOlder', { chatId: chat.id }, { transport: 'internal' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    await call('accounts:start', { accountId: account.id });
    await until('the number ready again', async () =>
      (await call('accounts:list', {})).every(a => a.state === 'ready'),
    );
    expect((await call('messages:loadOlder', { chatId: chat.id })).received).toBe(50);
  });

  it('refuses an unknown chat as not_found', async () => {
    const reply = await core.dispatch('messages:loadOlder', { chatId: 'acc_x:1@c.us' }, { transport: 'internal' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
