/**
 * Reactions from any device (message:react, issues #19 and #20): on a Cloud API number the
 * server sends the reaction through Graph once, however often the command is retried, and
 * stores it as the number's; on a desktop number it is relayed to the host once, reported
 * by the host, and offered again while it is not.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerIdOfWamid } from '../../../common/cloud/ids';
import { metaError } from '../../helpers/graph-api/faults';
import type { GraphApi } from '../../helpers/graph-api/server';
import { startGraphApi } from '../../helpers/graph-api/server';
import { fakeWamid, postWebhook, textMessage } from '../../helpers/graph-api/webhooks';
import type { Stack } from './harness';
import { call, hostWithChat, must, recorder, sqlRows, startStack } from './harness';

const PHONE_ID = '106540352242924';
const ACCOUNT = `meta_${PHONE_ID}`;
const TOKEN = 'EAAG' + 'r'.repeat(60);
const APP_SECRET = 'app-secret-reactions-0123';
const CUSTOMER = '6281234500002';
const CHAT = `${ACCOUNT}:${CUSTOMER}@c.us`;

let stack: Stack;
let graph: GraphApi;
let admin: Awaited<ReturnType<Stack['device']>>;
let agent: Awaited<ReturnType<Stack['device']>>;
const inbound = fakeWamid();

const rows = (sql: string, args: unknown[] = []) => sqlRows(stack, sql, args);
const reactions = () => graph.sent.filter(s => s.body['type'] === 'reaction');

beforeAll(async () => {
  graph = await startGraphApi({ token: TOKEN, phoneNumberId: PHONE_ID });
  stack = await startStack({ cloud: { graphUrl: graph.baseUrl, pollMs: 200 } });
  const env = {
    url: stack.node.url,
    appSecret: APP_SECRET,
    phoneNumberId: PHONE_ID,
    displayPhone: '+62 812-3456-7890',
  };
  admin = await stack.device('admin');
  agent = await stack.device('agent');
  await must(admin.socket, 'cloud:add', {
    name: 'Reactions',
    phoneNumberId: PHONE_ID,
    wabaId: '102290129340398',
    accessToken: TOKEN,
    appSecret: APP_SECRET,
    verifyToken: 'verify-token-reactions',
  });
  await must(admin.socket, 'account:add-member', { accountId: ACCOUNT, memberId: agent.id });
  await postWebhook(env, textMessage(env, { id: inbound, from: CUSTOMER, text: 'thanks!' }));
  await stack.node.app.cloud.idle();
  await must(admin.socket, 'chat:assign', { chatId: CHAT, assigneeId: agent.id, version: 0 });
}, 120_000);
afterAll(async () => {
  await stack?.stop();
  await graph?.close();
});

describe('on a Cloud API number', () => {
  const react = (clientReactionId: string, emoji = '👍') =>
    call(agent.socket, 'message:react', {
      clientReactionId,
      chatId: CHAT,
      providerMessageId: providerIdOfWamid(inbound)!,
      emoji,
    });

  it('reaches Graph once, however often the command is retried, and is stored as the number’s', async () => {
    const id = randomUUID();
    const first = await react(id);
    expect(first.ok && first.value).toMatchObject({ clientReactionId: id, state: 'sent', error: null });
    const again = await react(id);
    expect(again.ok && again.value).toMatchObject({ state: 'sent' });
    await Promise.all([react(id), react(id)]);
    expect(reactions().map(s => s.body)).toEqual([
      {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: CUSTOMER,
        type: 'reaction',
        reaction: { message_id: inbound, emoji: '👍' },
      },
    ]);
    const stored = await rows('select sender_jid, emoji from message_reactions where provider_message_id = ?', [
      providerIdOfWamid(inbound),
    ]);
    expect(stored).toEqual([{ sender_jid: '6281234567890@c.us', emoji: '👍' }]);
  });

  it('answers two first tries of one reaction at once, and sends it once', async () => {
    const before = reactions().length;
    const raced = randomUUID();
    const both = await Promise.all([react(raced, '🙏'), react(raced, '🙏')]);
    expect(both.map(r => r.ok && r.value.clientReactionId)).toEqual([raced, raced]);
    expect(reactions().length - before).toBe(1);
  });

  it('takes the reaction back with an empty emoji', async () => {
    const r = await react(randomUUID(), '');
    expect(r.ok && r.value.state).toBe('sent');
    expect(reactions().at(-1)?.body['reaction']).toEqual({ message_id: inbound, emoji: '' });
  });

  it('answers a Meta refusal as the reaction’s failure code, and a retry does not call Graph again', async () => {
    graph.inject(metaError(400, 131026, 'Message Undeliverable.'));
    const id = randomUUID();
    const before = graph.received.length;
    const r = await react(id, '❤️');
    expect(r.ok && r.value).toMatchObject({ state: 'failed', error: 'invalid_number' });
    const again = await react(id, '❤️');
    expect(again.ok && again.value).toMatchObject({ state: 'failed', error: 'invalid_number' });
    expect(graph.received.length).toBe(before + 1);
  });

  it('refuses an unknown message and someone else’s reaction id; fails more than one emoji without calling Graph', async () => {
    const unknown = await call(agent.socket, 'message:react', {
      clientReactionId: randomUUID(),
      chatId: CHAT,
      providerMessageId: 'not-stored-here',
      emoji: '👍',
    });
    expect(!unknown.ok && unknown.error.code).toBe('not_found');
    // More than one emoji: the Graph client refuses it before any request.
    const before = graph.received.length;
    const two = await react(randomUUID(), '👍👍');
    expect(two.ok && two.value).toMatchObject({ state: 'failed', error: 'bad_request' });
    expect(graph.received.length).toBe(before);
    const id = randomUUID();
    await react(id);
    const stolen = await call(admin.socket, 'message:react', {
      clientReactionId: id,
      chatId: CHAT,
      providerMessageId: providerIdOfWamid(inbound)!,
      emoji: '👍',
    });
    expect(!stolen.ok && stolen.error.code).toBe('conflict');
  });
});

describe('on a number a desktop hosts', () => {
  it('is relayed to the host once, offered while not reported, and settled by its report', async () => {
    const { host, chatId } = await hostWithChat(stack);
    const seen = recorder(host.socket);
    const id = randomUUID();
    const args = { clientReactionId: id, chatId, providerMessageId: 'm1', emoji: '🙏' };
    const requested = seen.next('reaction:requested');
    const queued = await must(admin.socket, 'message:react', args);
    expect(queued).toMatchObject({ state: 'queued', chatJid: '628123@c.us', emoji: '🙏' });
    expect(await requested).toMatchObject({ clientReactionId: id, providerMessageId: 'm1', state: 'queued' });
    // A retried command is answered from the stored request and is not relayed again.
    expect((await must(admin.socket, 'message:react', args)).state).toBe('queued');
    await must(admin.socket, 'presence:list', {});
    expect(seen.events.filter(e => e.name === 'reaction:requested')).toHaveLength(1);
    expect((await must(host.socket, 'reaction:pending', {})).map(r => r.clientReactionId)).toEqual([id]);
    // Only the host reports, and the first report wins.
    const foreign = await call(admin.socket, 'reaction:report', { clientReactionId: id, status: 'sent' });
    expect(!foreign.ok && foreign.error.code).toBe('forbidden');
    expect(await must(host.socket, 'reaction:report', { clientReactionId: id, status: 'sent' })).toMatchObject({
      state: 'sent',
    });
    const late = await must(host.socket, 'reaction:report', { clientReactionId: id, status: 'failed', error: 'x' });
    expect(late).toMatchObject({ state: 'sent', error: null });
    expect(await must(host.socket, 'reaction:pending', {})).toEqual([]);
    expect((await must(admin.socket, 'message:react', args)).state).toBe('sent');
  });
});
