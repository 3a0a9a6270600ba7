import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountId } from '../../../common/domain';
import { deskCommands } from '../../../common/api';
import type { Store } from '../../../main/store';
import { addAccount, chatOfJid, memoryStore, msg, T0 } from './fixtures';

let store: Store;
let a1: AccountId;

beforeEach(() => {
  store = memoryStore();
  a1 = addAccount(store, 'acc1');
  store.ingest({
    messages: [
      msg(a1, '6281@c.us', { body: 'paket sudah sampai?', timestamp: T0 + 1000 }),
      msg(a1, '6281@c.us', { body: 'paket dikirim hari ini', fromMe: true, timestamp: T0 + 2000 }),
      msg(a1, '6282@c.us', { body: 'paket saya rusak', timestamp: T0 + 86_400_000 }),
    ],
  });
});
afterEach(() => store.close());

const bodies = (r: ReturnType<Store['searchMessages']>) => r.hits.map(h => h.message.body);

describe('message search filters', () => {
  it('keeps only our messages or only the customer’s', () => {
    expect(bodies(store.searchMessages({ query: 'paket', sender: 'me' }))).toEqual(['paket dikirim hari ini']);
    expect(bodies(store.searchMessages({ query: 'paket', sender: 'them' }))).toEqual([
      'paket saya rusak',
      'paket sudah sampai?',
    ]);
  });

  it('combines the sender with the chat and the date range', () => {
    const chatId = chatOfJid(a1, '6281@c.us');
    expect(bodies(store.searchMessages({ query: 'paket', chatId, sender: 'them' }))).toEqual(['paket sudah sampai?']);
    expect(bodies(store.searchMessages({ query: 'paket', sender: 'them', from: T0 + 3000 }))).toEqual([
      'paket saya rusak',
    ]);
  });

  it('refuses a sender the command does not know', () => {
    const args = deskCommands['search:messages'].args;
    expect(args.safeParse({ query: 'x', sender: 'me' }).success).toBe(true);
    expect(args.safeParse({ query: 'x', sender: 'bot' }).success).toBe(false);
  });
});
