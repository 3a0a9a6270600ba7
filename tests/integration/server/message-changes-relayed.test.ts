/**
 * Edit and delete-for-everyone from any device (message:change, issue #20) through real
 * sockets and MariaDB: a teammate's change is relayed to the number's host once, however
 * often the command is retried, is offered again when the host reconnects while it is not
 * reported, and its outcome reaches the teammate's devices. Refused before anything is
 * relayed: a message past WhatsApp's window, a message the customer sent, a Cloud number.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerIdOfWamid } from '../../../common/cloud/ids';
import { EDIT_WINDOW_MS } from '../../../common/message-actions';
import type { GraphApi } from '../../helpers/graph-api/server';
import { startGraphApi } from '../../helpers/graph-api/server';
import { fakeWamid, postWebhook, textMessage } from '../../helpers/graph-api/webhooks';
import type { Client, Stack } from './harness';
import { call, hostWithChat, must, recorder, startStack } from './harness';

const PHONE_ID = '106540352242925';
const ACCOUNT = `meta_${PHONE_ID}`;
const TOKEN = 'EAAG' + 'c'.repeat(60);
const APP_SECRET = 'app-secret-changes-01234';
const CUSTOMER = '6281234500003';

let stack: Stack;
let graph: GraphApi;
let teammate: Awaited<ReturnType<Stack['device']>>;
let host: { socket: Client };
let accountId: string;
let chatId: string;

/** A message the number sent `ageMs` ago, pushed by its host. */
async function sentByUs(ageMs = 60_000): Promise<string> {
  const id = `true_628123@c.us_${randomUUID().slice(0, 12).replace(/-/g, '')}`;
  await must(host.socket, 'sync:push', {
    messages: [
      {
        accountId,
        chatJid: '628123@c.us',
        providerMessageId: id,
        fromMe: true,
        type: 'text',
        body: 'Harga Rp10.000',
        timestamp: Date.now() - ageMs,
      },
    ],
  });
  return id;
}

const edit = (providerMessageId: string, clientChangeId = randomUUID()) => ({
  clientChangeId,
  chatId,
  providerMessageId,
  kind: 'edit' as const,
  text: 'Harga Rp12.000',
});

beforeAll(async () => {
  graph = await startGraphApi({ token: TOKEN, phoneNumberId: PHONE_ID });
  stack = await startStack({ cloud: { graphUrl: graph.baseUrl, pollMs: 200 } });
  const hosted = await hostWithChat(stack);
  ({ accountId, chatId } = hosted);
  host = hosted.host;
  teammate = await stack.device('agent', 'Tia Teammate');
  const admin = await stack.device('admin');
  await must(admin.socket, 'account:add-member', { accountId, memberId: teammate.id });
}, 120_000);
afterAll(async () => {
  await stack?.stop();
  await graph?.close();
});

describe('on a number a desktop hosts', () => {
  it('relays a retried change to the host once, and tells the teammate how it went', async () => {
    const seen = recorder(host.socket);
    const mine = recorder(teammate.socket);
    const args = edit(await sentByUs());
    const requested = seen.next('message-change:requested');
    const queued = await must(teammate.socket, 'message:change', args);
    expect(queued).toMatchObject({ state: 'queued', chatJid: '628123@c.us', kind: 'edit', text: 'Harga Rp12.000' });
    expect(await requested).toMatchObject({ clientChangeId: args.clientChangeId, state: 'queued' });
    // Retried (a lost answer), twice at once: answered from the stored request, not relayed again.
    await Promise.all([must(teammate.socket, 'message:change', args), must(teammate.socket, 'message:change', args)]);
    await must(host.socket, 'presence:list', {});
    expect(seen.events.filter(e => e.name === 'message-change:requested')).toHaveLength(1);
    // Someone else cannot take the id over; only the host reports, and the first report wins.
    const stolen = await call(host.socket, 'message:change', args);
    expect(!stolen.ok && stolen.error.code).toBe('conflict');
    const foreign = await call(teammate.socket, 'message-change:report', {
      clientChangeId: args.clientChangeId,
      status: 'sent',
    });
    expect(!foreign.ok && foreign.error.code).toBe('forbidden');
    const settled = mine.next('message-change:settled');
    await must(host.socket, 'message-change:report', { clientChangeId: args.clientChangeId, status: 'sent' });
    expect(await settled).toMatchObject({ clientChangeId: args.clientChangeId, state: 'sent', error: null });
    const late = await must(host.socket, 'message-change:report', {
      clientChangeId: args.clientChangeId,
      status: 'failed',
      error: 'too_late',
    });
    expect(late).toMatchObject({ state: 'sent', error: null });
    expect(mine.events.filter(e => e.name === 'message-change:settled')).toHaveLength(1);
    expect((await must(teammate.socket, 'message:change', args)).state).toBe('sent');
  });

  it('waits while the host is offline and is offered once when it reconnects', async () => {
    const del = { clientChangeId: randomUUID(), chatId, providerMessageId: await sentByUs(), kind: 'delete' };
    host.socket.disconnect();
    const queued = await must(teammate.socket, 'message:change', del);
    expect(queued).toMatchObject({ state: 'queued', kind: 'delete', text: null });
    const seen = recorder(host.socket);
    const offered = seen.next('message-change:requested');
    host.socket.connect();
    expect(await offered).toMatchObject({ clientChangeId: del.clientChangeId, kind: 'delete' });
    expect((await must(host.socket, 'message-change:pending', {})).map(c => c.clientChangeId)).toEqual([
      del.clientChangeId,
    ]);
    const mine = recorder(teammate.socket);
    const settled = mine.next('message-change:settled');
    await must(host.socket, 'message-change:report', {
      clientChangeId: del.clientChangeId,
      status: 'failed',
      error: 'not_found',
    });
    expect(await settled).toMatchObject({ state: 'failed', error: 'not_found' });
    expect(await must(host.socket, 'message-change:pending', {})).toEqual([]);
    // A reconnect after the report offers nothing.
    host.socket.disconnect();
    host.socket.connect();
    await must(host.socket, 'presence:list', {});
    expect(seen.events.filter(e => e.name === 'message-change:requested')).toHaveLength(1);
  });

  it('takes a change of a reply the host reported sent but has not pushed yet', async () => {
    // The send's report reaches the server (and the teammate) before the host's push of the message.
    const clientMessageId = randomUUID();
    await must(teammate.socket, 'message:send', { clientMessageId, chatId, body: 'Harga Rp10.000' });
    const providerMessageId = `true_628123@c.us_${randomUUID().slice(0, 8)}`;
    await must(host.socket, 'send:report', { clientMessageId, status: 'sent', providerMessageId });
    expect(await must(teammate.socket, 'message:change', edit(providerMessageId))).toMatchObject({ state: 'queued' });
    // A reply the host has not reported is nothing to change yet.
    const waiting = randomUUID();
    await must(teammate.socket, 'message:send', { clientMessageId: waiting, chatId, body: 'Belum terkirim' });
    const r = await call(teammate.socket, 'message:change', edit(`true_628123@c.us_${randomUUID().slice(0, 8)}`));
    expect(!r.ok && r.error.code).toBe('not_found');
  });

  it('refuses, with codes and without relaying, what WhatsApp would refuse', async () => {
    const seen = recorder(host.socket);
    const codeOf = async (args: unknown) => {
      const r = await call(teammate.socket, 'message:change', args);
      return r.ok ? 'ok' : `${r.error.code}`;
    };
    const old = await sentByUs(EDIT_WINDOW_MS + 5 * 60_000);
    expect(await codeOf(edit(old))).toBe('too_late');
    // Deleting for everyone is allowed for about two days: the same message still may be.
    expect(await codeOf({ clientChangeId: randomUUID(), chatId, providerMessageId: old, kind: 'delete' })).toBe('ok');
    expect(await codeOf(edit('m1'))).toBe('forbidden');
    expect(await codeOf(edit('not-stored-here'))).toBe('not_found');
    expect(await codeOf({ ...edit(await sentByUs()), text: '  ' })).toBe('invalid_args');
    expect(await codeOf({ ...edit(await sentByUs()), kind: 'delete' })).toBe('invalid_args');
    await must(host.socket, 'presence:list', {});
    expect(seen.events.filter(e => e.name === 'message-change:requested')).toHaveLength(1);
  });
});

describe('on a Cloud API number', () => {
  it('is refused as unsupported: Graph cannot edit or delete a sent message', async () => {
    const admin = await stack.device('admin');
    const env = {
      url: stack.node.url,
      appSecret: APP_SECRET,
      phoneNumberId: PHONE_ID,
      displayPhone: '+62 812-0000-0003',
    };
    await must(admin.socket, 'cloud:add', {
      name: 'Changes',
      phoneNumberId: PHONE_ID,
      wabaId: '102290129340398',
      accessToken: TOKEN,
      appSecret: APP_SECRET,
      verifyToken: 'verify-token-changes',
    });
    const inbound = fakeWamid();
    await postWebhook(env, textMessage(env, { id: inbound, from: CUSTOMER, text: 'halo' }));
    await stack.node.app.cloud.idle();
    const before = graph.received.length;
    const r = await call(admin.socket, 'message:change', {
      clientChangeId: randomUUID(),
      chatId: `${ACCOUNT}:${CUSTOMER}@c.us`,
      providerMessageId: providerIdOfWamid(inbound)!,
      kind: 'delete',
    });
    expect(!r.ok && r.error.code).toBe('unsupported');
    expect(graph.received.length).toBe(before);
  });
});
