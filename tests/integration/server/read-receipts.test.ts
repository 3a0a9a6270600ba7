/**
 * Read receipts from any device (chat:read, issue #19): on a Cloud API number the server
 * marks the chat's last inbound message read through Graph once, however often the chat is
 * read, and retries through a Graph outage; on a desktop number it relays the receipt to
 * the host once. A number's "Send read receipts" setting stops both.
 */
import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { providerIdOfWamid } from '../../../common/cloud/ids';
import { metaError } from '../../helpers/graph-api/faults';
import type { GraphApi } from '../../helpers/graph-api/server';
import { startGraphApi } from '../../helpers/graph-api/server';
import { fakeWamid, postWebhook, textMessage } from '../../helpers/graph-api/webhooks';
import { pruneSettled } from '../../../sync-server/src/db/repositories/read-receipts';
import { SETTLED_KEEP_MS } from '../../../sync-server/src/cloud/read-worker';
import type { Stack } from './harness';
import { NOW, call, hostWithChat, must, recorder, startStack } from './harness';

const PHONE_ID = '106540352242925';
const ACCOUNT = `meta_${PHONE_ID}`;
const TOKEN = 'EAAG' + 'q'.repeat(60);
const APP_SECRET = 'app-secret-read-receipts-01';
const CUSTOMER = '6281234500003';
const CHAT = `${ACCOUNT}:${CUSTOMER}@c.us`;

let stack: Stack;
let graph: GraphApi;
let admin: Awaited<ReturnType<Stack['device']>>;
let agent: Awaited<ReturnType<Stack['device']>>;
const env = () => ({
  url: stack.node.url,
  appSecret: APP_SECRET,
  phoneNumberId: PHONE_ID,
  displayPhone: '+62 812-3456-7891',
});

const reads = () => graph.received.filter(r => (r.json as Record<string, unknown> | null)?.['status'] === 'read');
const readIds = () => reads().map(r => (r.json as { message_id: string }).message_id);

async function inbound(text: string): Promise<string> {
  const id = fakeWamid();
  await postWebhook(env(), textMessage(env(), { id, from: CUSTOMER, text }));
  await stack.node.app.cloud.idle();
  return id;
}

async function receiptRows(): Promise<RowDataPacket[]> {
  const [r] = await stack.node.app.database.raw.query<RowDataPacket[]>(
    'select provider_message_id, state, attempts, error from read_receipts where account_id = ? order by created_at',
    [ACCOUNT],
  );
  return r;
}

beforeAll(async () => {
  graph = await startGraphApi({ token: TOKEN, phoneNumberId: PHONE_ID });
  stack = await startStack({ cloud: { graphUrl: graph.baseUrl, pollMs: 100 } });
  admin = await stack.device('admin');
  agent = await stack.device('agent');
  await must(admin.socket, 'cloud:add', {
    name: 'Read receipts',
    phoneNumberId: PHONE_ID,
    wabaId: '102290129340399',
    accessToken: TOKEN,
    appSecret: APP_SECRET,
    verifyToken: 'verify-token-read-receipts',
  });
  await must(admin.socket, 'account:add-member', { accountId: ACCOUNT, memberId: agent.id });
}, 120_000);
afterAll(async () => {
  await stack?.stop();
  await graph?.close();
});

describe('on a Cloud API number', () => {
  it('marks the last inbound message read through Graph once, however often the chat is read', async () => {
    await inbound('first');
    const last = await inbound('second');
    await must(admin.socket, 'chat:assign', { chatId: CHAT, assigneeId: agent.id, version: 0 });
    const first = await must(agent.socket, 'chat:read', { chatId: CHAT });
    expect(first).toEqual({ chatId: CHAT, providerMessageId: providerIdOfWamid(last), receipt: 'queued' });
    await Promise.all([
      must(agent.socket, 'chat:read', { chatId: CHAT }),
      must(admin.socket, 'chat:read', { chatId: CHAT }),
    ]);
    await stack.node.app.cloud.idle();
    expect(reads().map(r => r.json)).toEqual([{ messaging_product: 'whatsapp', status: 'read', message_id: last }]);
    expect(await must(agent.socket, 'chat:read', { chatId: CHAT })).toMatchObject({ receipt: 'done' });
    expect(readIds()).toEqual([last]);
  });

  it('marks up to the message given, and answers none when the chat has nothing inbound before it', async () => {
    const older = await inbound('older');
    const newer = await inbound('newer');
    const before = reads().length;
    const r = await must(agent.socket, 'chat:read', { chatId: CHAT, upToMessageId: providerIdOfWamid(older)! });
    expect(r.providerMessageId).toBe(providerIdOfWamid(older));
    await stack.node.app.cloud.idle();
    expect(readIds().slice(before)).toEqual([older]);
    const unknown = await must(agent.socket, 'chat:read', { chatId: CHAT, upToMessageId: 'not-stored' });
    expect(unknown).toEqual({ chatId: CHAT, providerMessageId: null, receipt: 'none' });
    await must(agent.socket, 'chat:read', { chatId: CHAT });
    await stack.node.app.cloud.idle();
    expect(readIds().slice(before)).toEqual([older, newer]);
  });

  it('retries through a Graph outage from the queue, and gives up on a refusal', async () => {
    const id = await inbound('during an outage');
    const outage = () => metaError(503, 2, 'Service temporarily unavailable');
    // The client's own three tries all fail: the receipt goes back to the queue.
    graph.inject(outage(), outage(), outage());
    await must(agent.socket, 'chat:read', { chatId: CHAT });
    await vi.waitFor(() => expect(readIds().filter(m => m === id)).toHaveLength(4), { timeout: 15_000 });
    await vi.waitFor(async () =>
      expect((await receiptRows()).find(r => r['provider_message_id'] === providerIdOfWamid(id))).toMatchObject({
        state: 'sent',
        attempts: 2,
      }),
    );
    const refused = await inbound('refused');
    graph.inject(metaError(400, 131026, 'Message Undeliverable.'));
    await must(agent.socket, 'chat:read', { chatId: CHAT });
    await stack.node.app.cloud.idle();
    expect((await receiptRows()).find(r => r['provider_message_id'] === providerIdOfWamid(refused))).toMatchObject({
      state: 'failed',
      attempts: 1,
      error: 'invalid_number',
    });
  }, 30_000);

  it('sends nothing while the number’s “Send read receipts” is off; only a manager may change it', async () => {
    const refused = await call(agent.socket, 'account:set-read-receipts', { accountId: ACCOUNT, enabled: false });
    expect(!refused.ok && refused.error.code).toBe('forbidden');
    expect(await must(admin.socket, 'account:set-read-receipts', { accountId: ACCOUNT, enabled: false })).toEqual({
      accountId: ACCOUNT,
      enabled: false,
    });
    const id = await inbound('private');
    const before = graph.received.length;
    expect(await must(agent.socket, 'chat:read', { chatId: CHAT })).toMatchObject({ receipt: 'off' });
    await stack.node.app.cloud.idle();
    expect(graph.received.length).toBe(before);
    await must(admin.socket, 'account:set-read-receipts', { accountId: ACCOUNT, enabled: true });
    expect(await must(agent.socket, 'chat:read', { chatId: CHAT })).toMatchObject({ receipt: 'queued' });
    await stack.node.app.cloud.idle();
    expect(readIds().at(-1)).toBe(id);
  });

  it('refuses a chat the member may not see', async () => {
    const outsider = await stack.device('agent', 'not on this number');
    const r = await call(outsider.socket, 'chat:read', { chatId: CHAT });
    expect(!r.ok && r.error.code).toBe('not_found');
  });
});

describe('on a number a desktop hosts', () => {
  it('is relayed to the host once per message', async () => {
    const { host, chatId, accountId, jid } = await hostWithChat(stack);
    const seen = recorder(host.socket);
    const requested = seen.next('read:requested');
    const updated = seen.next('chat:updated');
    expect(await must(admin.socket, 'chat:read', { chatId })).toEqual({
      chatId,
      providerMessageId: 'm1',
      receipt: 'relayed',
    });
    expect(await requested).toEqual({ accountId, chatId, chatJid: jid, providerMessageId: 'm1' });
    // Unread is team state: every device of the chat hears it was read, up to m1's time.
    const [m1] = await must(admin.socket, 'messages:list', { chatId, limit: 5 });
    expect(await updated).toMatchObject({ chat: { id: chatId, unreadCount: 0, readAt: m1!.timestamp } });
    expect(await must(admin.socket, 'chat:read', { chatId })).toMatchObject({ receipt: 'done' });
    await must(host.socket, 'sync:push', {
      messages: [
        {
          accountId,
          chatJid: jid,
          providerMessageId: 'm2',
          fromMe: true,
          type: 'text',
          body: 'ok',
          timestamp: NOW() + 1,
        },
      ],
    });
    // An outgoing message is not the customer's: the receipt stays on m1.
    expect(await must(admin.socket, 'chat:read', { chatId })).toMatchObject({
      providerMessageId: 'm1',
      receipt: 'done',
    });
    await must(admin.socket, 'presence:list', {});
    expect(seen.events.filter(e => e.name === 'read:requested')).toHaveLength(1);
    // Read that far already: no second fact.
    expect(seen.events.filter(e => e.name === 'chat:updated')).toHaveLength(1);
  });
});

describe('read on the desktop that hosts the number', () => {
  it('comes back to that desktop as read:requested, and not while the number’s receipts are off', async () => {
    const { host, chatId, accountId, jid } = await hostWithChat(stack);
    const seen = recorder(host.socket);
    const requested = seen.next('read:requested');
    expect(await must(host.socket, 'chat:read', { chatId })).toMatchObject({ receipt: 'relayed' });
    expect(await requested).toEqual({ accountId, chatId, chatJid: jid, providerMessageId: 'm1' });
    await must(admin.socket, 'account:set-read-receipts', { accountId, enabled: false });
    await must(host.socket, 'sync:push', {
      messages: [
        {
          accountId,
          chatJid: jid,
          providerMessageId: 'm2',
          fromMe: false,
          type: 'text',
          body: 'again',
          timestamp: NOW() + 1,
        },
      ],
    });
    expect(await must(host.socket, 'chat:read', { chatId })).toMatchObject({ providerMessageId: 'm2', receipt: 'off' });
    await must(host.socket, 'presence:list', {});
    expect(seen.events.filter(e => e.name === 'read:requested')).toHaveLength(1);
  });
});

describe('on a number whose host desktop is offline', () => {
  it('keeps the receipt and hands it to the host once, when it connects again', async () => {
    const { host, chatId, accountId, jid } = await hostWithChat(stack);
    const hostOnline = async () => {
      const [r] = await stack.node.app.database.raw.query<RowDataPacket[]>(
        'select host_online from accounts where id = ?',
        [accountId],
      );
      return Boolean(r[0]?.['host_online']);
    };
    const until = async (want: boolean) => {
      for (let i = 0; i < 200 && (await hostOnline()) !== want; i++) await new Promise(r => setTimeout(r, 25));
      expect(await hostOnline()).toBe(want);
    };
    host.socket.disconnect();
    await until(false);
    expect(await must(admin.socket, 'chat:read', { chatId })).toMatchObject({
      providerMessageId: 'm1',
      receipt: 'relayed',
    });
    expect(await must(admin.socket, 'chat:read', { chatId })).toMatchObject({ receipt: 'relayed' });
    const state = async () => {
      const [r] = await stack.node.app.database.raw.query<RowDataPacket[]>(
        'select state from read_receipts where account_id = ?',
        [accountId],
      );
      return r.map(x => x['state']);
    };
    expect(await state()).toEqual(['pending']);

    const back = await stack.connect(host.token);
    const seen = recorder(back);
    expect(await seen.next('read:requested')).toEqual({ accountId, chatId, chatJid: jid, providerMessageId: 'm1' });
    expect(await state()).toEqual(['relayed']);

    // Once: neither another reconnect nor another read hands it over again.
    back.disconnect();
    await until(false);
    const again = await stack.connect(host.token);
    const seenAgain = recorder(again);
    await until(true);
    expect(await must(admin.socket, 'chat:read', { chatId })).toMatchObject({ receipt: 'done' });
    await new Promise(r => setTimeout(r, 300));
    expect(seenAgain.events.filter(e => e.name === 'read:requested')).toEqual([]);
    expect(seen.events.filter(e => e.name === 'read:requested')).toHaveLength(1);
  });
});

describe('housekeeping', () => {
  it('prunes settled receipts, reactions and message changes a month old, and keeps queued and recent ones', async () => {
    const raw = stack.node.app.database.raw;
    const old = Date.now() - SETTLED_KEEP_MS - 60_000;
    const recent = Date.now();
    const receipt = (id: string, state: string, at: number) => [ACCOUNT, id, CHAT, state, 1, at, null, at, at];
    await raw.query(
      `insert into read_receipts (account_id, provider_message_id, chat_id, state, attempts, next_attempt_at, error, created_at, updated_at) values ?`,
      [[receipt('old-sent', 'sent', old), receipt('old-queued', 'queued', old), receipt('new-sent', 'sent', recent)]],
    );
    const reaction = (id: string, state: string, at: number) => [
      id,
      ACCOUNT,
      CHAT,
      `${CUSTOMER}@c.us`,
      'm',
      '👍',
      agent.id,
      state,
      null,
      at,
      at,
    ];
    const ids = ['00000000-0000-4000-8000-00000000aa01', '00000000-0000-4000-8000-00000000aa02'];
    await raw.query(
      `insert into reaction_requests (client_reaction_id, account_id, chat_id, chat_jid, provider_message_id, emoji, sender_id, state, error, created_at, updated_at) values ?`,
      [[reaction(ids[0]!, 'failed', old), reaction(ids[1]!, 'sent', recent)]],
    );
    const changes = ['00000000-0000-4000-8000-00000000cc01', '00000000-0000-4000-8000-00000000cc02'];
    const change = (id: string, state: string, at: number) => [
      id,
      ACCOUNT,
      CHAT,
      `${CUSTOMER}@c.us`,
      'm',
      'edit',
      'baru',
      agent.id,
      state,
      null,
      at,
      at,
    ];
    await raw.query(
      `insert into message_changes (client_change_id, account_id, chat_id, chat_jid, provider_message_id, kind, text, sender_id, state, error, created_at, updated_at) values ?`,
      [[change(changes[0]!, 'sent', old), change(changes[1]!, 'queued', old)]],
    );
    expect(await pruneSettled(raw, Date.now() - SETTLED_KEEP_MS)).toBe(3);
    const [changesLeft] = await raw.query<RowDataPacket[]>(
      'select client_change_id from message_changes where client_change_id in (?)',
      [changes],
    );
    // A change still queued waits for its host, however old.
    expect(changesLeft.map(r => r['client_change_id'])).toEqual([changes[1]]);
    const left = (await receiptRows()).map(r => r['provider_message_id']);
    expect(left).toEqual(expect.arrayContaining(['old-queued', 'new-sent']));
    expect(left).not.toContain('old-sent');
    const [reactions] = await raw.query<RowDataPacket[]>(
      'select client_reaction_id from reaction_requests where client_reaction_id in (?)',
      [ids],
    );
    expect(reactions.map(r => r['client_reaction_id'])).toEqual([ids[1]]);
  });
});
