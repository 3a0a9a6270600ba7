import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inboxCommands } from '../../../common/api/inbox';
import type { AccountId } from '../../../common/domain';
import { CommandError } from '../../../common/result';
import { inboxHandlers } from '../../../main/core/handlers/inbox';
import type { CallContext } from '../../../main/core/router';
import type { Store } from '../../../main/store';
import { addAccount, chatOfJid, memoryStore, msg } from './fixtures';

let store: Store;
let acc: AccountId;
const ctx: CallContext = { transport: 'internal' };

beforeEach(() => {
  store = memoryStore();
  acc = addAccount(store);
  store.ingest({
    chats: [{ accountId: acc, jid: '6281@c.us', isGroup: false, name: 'Rina Kusuma' }],
    messages: [msg(acc, '6281@c.us', { body: 'tolong cek resi' }), msg(acc, '6282@c.us', { body: 'resi belum ada' })],
  });
});
afterEach(() => store.close());

/** Parses like dispatch does, then calls the handler. */
async function call<K extends keyof typeof inboxCommands>(name: K, raw: unknown) {
  const handlers = inboxHandlers(store);
  const args = inboxCommands[name].args.parse(raw);
  const handler = handlers[name] as (a: typeof args, c: CallContext) => unknown;
  return handler(args, ctx);
}

describe('inbox commands', () => {
  it('lists chats, gets one, and marks it read', async () => {
    const page = (await call('chats:list', {})) as { items: { id: string; unreadCount: number }[] };
    expect(page.items.map(c => c.id)).toEqual([chatOfJid(acc, '6282@c.us'), chatOfJid(acc, '6281@c.us')]);
    expect(await call('chats:get', { chatId: chatOfJid(acc, '6281@c.us') })).toMatchObject({ name: 'Rina Kusuma' });
    await expect(call('chats:get', { chatId: 'acc1:nobody@c.us' })).rejects.toMatchObject({ code: 'not_found' });
    expect(await call('chats:markRead', { chatId: chatOfJid(acc, '6281@c.us') })).toMatchObject({ unreadCount: 0 });
    expect(await call('chats:unreadCounts', {})).toEqual([{ accountId: acc, unreadChats: 1, unreadMessages: 1 }]);
  });

  it('pages messages and searches messages and chats', async () => {
    const page = (await call('messages:list', { chatId: chatOfJid(acc, '6281@c.us') })) as {
      messages: { body: string }[];
    };
    expect(page.messages.map(m => m.body)).toEqual(['tolong cek resi']);
    const found = (await call('search:messages', { query: 'resi' })) as { hits: unknown[]; chats: unknown[] };
    expect(found.hits).toHaveLength(2);
    const byName = (await call('search:messages', { query: 'rina' })) as { hits: unknown[]; chats: { name: string }[] };
    expect(byName.chats.map(c => c.name)).toEqual(['Rina Kusuma']);
  });

  it('rejects arguments the schemas do not allow', () => {
    expect(inboxCommands['chats:list'].args.safeParse({ limit: 10_000 }).success).toBe(false);
    expect(inboxCommands['search:messages'].args.safeParse({ query: 'x'.repeat(501) }).success).toBe(false);
    expect(
      inboxCommands['templates:save'].args.safeParse({ shortcut: 'has space', title: 't', body: 'b' }).success,
    ).toBe(false);
  });

  it('creates, updates and deletes templates, refusing a shortcut clash', async () => {
    const t = (await call('templates:save', { shortcut: 'thanks', title: 'Thanks', body: 'Terima kasih!' })) as {
      id: string;
    };
    await call('templates:save', { id: t.id, shortcut: 'thanks', title: 'Thanks v2', body: 'Makasih!' });
    expect(await call('templates:list', {})).toEqual([
      { id: t.id, shortcut: 'thanks', title: 'Thanks v2', body: 'Makasih!' },
    ]);
    const clash = call('templates:save', { shortcut: 'thanks', title: 'Other', body: 'x' });
    await expect(clash).rejects.toBeInstanceOf(CommandError);
    await expect(clash).rejects.toMatchObject({ code: 'conflict' });
    expect(await call('templates:delete', { id: t.id })).toEqual({ deleted: true });
    expect(await call('notes:list', { chatId: chatOfJid(acc, '6281@c.us') })).toEqual([]);
  });
});
