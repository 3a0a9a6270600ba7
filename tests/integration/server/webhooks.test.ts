/**
 * Outgoing webhooks against a real MariaDB and a loopback receiver: signature (checked
 * with a reference HMAC written here), the events and their payloads, back-off through
 * failures and timeouts, order per chat, exactly-once at a deduplicating receiver across
 * a server restart, and the automatic disable with its notice to admins.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WebhookOptions } from '../../../sync-server/src/webhooks/options';
import type { Receiver } from '../../helpers/webhook-receiver';
import { startReceiver } from '../../helpers/webhook-receiver';
import type { Client, Stack } from './harness';
import { call, hostWithChat, must, NOW, recorder, startNode, startStack } from './harness';

const FAST: Partial<WebhookOptions> = {
  allowPrivateNetworks: true,
  backoffMs: [300, 600],
  jitter: 0,
  timeoutMs: 400,
  pollMs: 50,
  disableAfterFailures: 6,
};

let stack: Stack;
let admin: Client;
let host: Client;
let accountId: string;
let chatId: string;
let jid: string;
const receivers: Receiver[] = [];

beforeAll(async () => {
  stack = await startStack({ webhooks: FAST });
  const world = await hostWithChat(stack);
  ({ accountId, chatId, jid } = world);
  host = world.host.socket;
  admin = (await stack.device('admin')).socket;
});
afterEach(async () => {
  for (const w of await must(admin, 'webhook:list', {})) await must(admin, 'webhook:delete', { id: w.id });
  for (const r of receivers.splice(0)) await r.close();
});
afterAll(async () => {
  await stack?.stop();
});

async function receiver(): Promise<Receiver> {
  const r = await startReceiver();
  receivers.push(r);
  return r;
}

let counter = 0;
/** One incoming customer message pushed by the host; returns its provider id. */
async function incoming(text: string, chatJid = jid): Promise<string> {
  const providerMessageId = `in-${++counter}-${Date.now()}`;
  await must(host, 'sync:push', {
    messages: [{ accountId, chatJid, providerMessageId, fromMe: false, type: 'text', body: text, timestamp: NOW() }],
  });
  return providerMessageId;
}

/** The reference check a receiver would write: HMAC-SHA256 over "<t>.<body>", 5-minute window. */
function verify(secret: string, header: string, body: string, nowS: number): boolean {
  const parts = Object.fromEntries(header.split(',').map(p => p.split('=') as [string, string]));
  const t = Number(parts['t']);
  if (!Number.isInteger(t) || Math.abs(nowS - t) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  const given = Buffer.from(parts['v1'] ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

type Payload = { id: string; type: string; occurredAt: string; data: Record<string, unknown> };
const payloads = (r: Receiver) => r.requests.map(q => JSON.parse(q.body) as Payload);

describe('webhooks', () => {
  it('signs each delivery and sends message.received with its documented shape', async () => {
    const r = await receiver();
    const { webhook, secret } = await must(admin, 'webhook:create', { url: r.url, events: ['message.received'] });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(webhook).toMatchObject({ url: r.url, events: ['message.received'], enabled: true });
    // The secret is shown once: the list never carries it.
    expect(JSON.stringify(await must(admin, 'webhook:list', {}))).not.toContain(secret);
    const id = await incoming('where is my order?');
    await r.waitFor(x => x.requests.length === 1);
    const [req] = r.requests;
    const header = String(req!.headers['blazz-signature']);
    expect(verify(secret, header, req!.body, Math.floor(Date.now() / 1000))).toBe(true);
    expect(verify(secret, header, req!.body.replace('order', 'ordeR'), Math.floor(Date.now() / 1000))).toBe(false);
    expect(verify('whsec_wrong', header, req!.body, Math.floor(Date.now() / 1000))).toBe(false);
    expect(verify(secret, header, req!.body, Math.floor(Date.now() / 1000) + 301)).toBe(false);
    const [p] = payloads(r);
    expect(req!.headers['blazz-event-id']).toBe(p!.id);
    expect(req!.headers['content-type']).toBe('application/json');
    expect(p).toMatchObject({ type: 'message.received', data: { accountId, chatId } });
    expect(new Date(p!.occurredAt).toISOString()).toBe(p!.occurredAt);
    expect(p!.data['message']).toMatchObject({ providerMessageId: id, body: 'where is my order?', fromMe: false });
    await expect
      .poll(async () => (await must(admin, 'webhook:deliveries', { id: webhook.id }))[0]?.status)
      .toBe('delivered');
    const [log] = await must(admin, 'webhook:deliveries', { id: webhook.id });
    expect(log).toMatchObject({ eventId: p!.id, eventType: 'message.received', responseCode: 200, attempts: 1 });
  });

  it('sends chat.assigned, chat.status_changed and note.added, each once, in the order they happened', async () => {
    const r = await receiver();
    const events = ['chat.assigned', 'chat.status_changed', 'note.added'] as const;
    await must(admin, 'webhook:create', { url: r.url, events: [...events] });
    const lead = await stack.member('lead');
    await must(admin, 'account:add-member', { accountId, memberId: lead.id });
    const { chat } = await must(admin, 'chat:get', { chatId });
    const assigned = await must(admin, 'chat:assign', { chatId, assigneeId: lead.id, version: chat.version });
    const resolved = await must(admin, 'chat:set-status', { chatId, status: 'resolved', version: assigned.version });
    await must(admin, 'note:add', { chatId, body: 'refund approved' });
    // Tags change the chat too, but neither its assignee nor its status: no event.
    await must(admin, 'chat:set-tags', { chatId, tags: ['vip'], version: resolved.version });
    await incoming('not subscribed');
    await r.waitFor(x => x.requests.length >= 3);
    await new Promise(res => setTimeout(res, 300));
    const got = payloads(r);
    expect(got.map(p => p.type)).toEqual(['chat.assigned', 'chat.status_changed', 'note.added']);
    expect(got[0]!.data).toMatchObject({
      previousAssigneeId: chat.assigneeId,
      chat: { id: chatId, assigneeId: lead.id },
    });
    expect(got[1]!.data).toMatchObject({ previousStatus: chat.status, chat: { status: 'resolved' } });
    expect(got[2]!.data).toMatchObject({ chatId, note: { body: 'refund approved' } });
    expect(new Set(got.map(p => p.id)).size).toBe(3);
  });

  it('sends message.status when an outgoing message moves on, and nothing for edits of incoming ones', async () => {
    const r = await receiver();
    await must(admin, 'webhook:create', { url: r.url, events: ['message.received', 'message.status'] });
    const out = `out-${Date.now()}`;
    await must(host, 'sync:push', {
      messages: [
        {
          accountId,
          chatJid: jid,
          providerMessageId: out,
          fromMe: true,
          type: 'text',
          body: 'on its way',
          timestamp: NOW(),
        },
      ],
    });
    const inId = await incoming('hi there');
    await must(host, 'sync:push', {
      acks: [{ accountId, providerMessageId: out, ack: 'delivered' }],
      edits: [{ accountId, providerMessageId: inId, body: 'hi there!', editedAt: NOW() }],
    });
    // Facts are read as the message is when the worker gets to them: wait, or both acks may come as one 'read'.
    await r.waitFor(x => x.requests.length >= 2);
    await must(host, 'sync:push', { acks: [{ accountId, providerMessageId: out, ack: 'read' }] });
    await r.waitFor(x => x.requests.length >= 3);
    await new Promise(res => setTimeout(res, 300));
    const got = payloads(r);
    expect(got.map(p => p.type)).toEqual(['message.received', 'message.status', 'message.status']);
    expect(got[1]!.data).toMatchObject({
      accountId,
      chatId,
      providerMessageId: out,
      previousStatus: expect.any(String),
      status: 'delivered',
    });
    expect(got[2]!.data).toMatchObject({ providerMessageId: out, previousStatus: 'delivered', status: 'read' });
  });

  it('retries through an error and a timeout with back-off, then delivers', async () => {
    const r = await receiver();
    r.behave = n => (n === 0 ? { status: 500 } : n === 1 ? { hang: true } : { status: 204 });
    const { webhook } = await must(admin, 'webhook:create', { url: r.url, events: ['message.received'] });
    await incoming('retry me');
    await r.waitFor(x => x.accepted.size === 1);
    const [a, b, c] = r.requests;
    // Attempt 2 waited the first delay (300 ms), attempt 3 the timeout (400) and the second delay (600).
    expect(b!.at - a!.at).toBeGreaterThanOrEqual(280);
    expect(c!.at - b!.at).toBeGreaterThanOrEqual(950);
    expect(new Set(r.requests.map(q => q.headers['blazz-event-id'])).size).toBe(1);
    await expect
      .poll(async () => (await must(admin, 'webhook:deliveries', { id: webhook.id }))[0]?.status)
      .toBe('delivered');
    const [log] = await must(admin, 'webhook:deliveries', { id: webhook.id });
    expect(log).toMatchObject({ attempts: 3, responseCode: 204, error: null });
    // One success resets the endpoint's run of failures.
    expect((await must(admin, 'webhook:list', {}))[0]!.consecutiveFailures).toBe(0);
  });

  it("keeps each chat's order while a delivery of that chat is being retried", async () => {
    const r = await receiver();
    const firstOf = new Set<string>();
    // The first attempt of every event fails: each must still arrive before the next one of its chat.
    r.behave = (_n, body) => {
      const id = (JSON.parse(body) as Payload).id;
      if (firstOf.has(id)) return { status: 200 };
      firstOf.add(id);
      return { status: 503 };
    };
    await must(admin, 'webhook:create', { url: r.url, events: ['message.received'] });
    const otherJid = '628777@c.us';
    await must(host, 'sync:push', { chats: [{ accountId, jid: otherJid, isGroup: false, name: 'Other' }] });
    const sent: Record<string, string[]> = { a: [], b: [] };
    for (let i = 0; i < 4; i++) {
      sent['a']!.push(await incoming(`a${i}`));
      sent['b']!.push(await incoming(`b${i}`, otherJid));
    }
    await r.waitFor(x => x.accepted.size === 8, 20_000);
    const order = [...r.accepted.values()].map(
      b => (JSON.parse(b) as { data: { message: { providerMessageId: string; chatId: string } } }).data.message,
    );
    expect(order.filter(m => m.chatId === chatId).map(m => m.providerMessageId)).toEqual(sent['a']);
    expect(order.filter(m => m.chatId !== chatId).map(m => m.providerMessageId)).toEqual(sent['b']);
  });

  it('refuses private and plain-http targets unless the operator allows them', async () => {
    const strict = await startNode(stack.mariadb.url, { webhooks: { enabled: false } });
    try {
      const s = await stack.login((await stack.member('admin')).email);
      const strictAdmin = await stack.connect(s.token, strict.url);
      for (const url of [
        'http://127.0.0.1:9/hook',
        'https://127.0.0.1/hook',
        'https://10.1.2.3/hook',
        'https://192.168.1.1/hook',
        'https://169.254.169.254/latest/meta-data',
        'https://[::1]/hook',
        'https://[fd00::1]/hook',
        'https://[::ffff:127.0.0.1]/hook',
        'https://localhost/hook',
        'http://93.184.216.34/hook',
      ]) {
        const reply = await call(strictAdmin, 'webhook:create', { url, events: ['note.added'] });
        expect(reply.ok ? 'ok' : reply.error, url).toMatchObject({
          code: 'invalid_args',
          details: { reason: 'refused_target' },
        });
      }
      const ok = await call(strictAdmin, 'webhook:create', {
        url: 'https://93.184.216.34/hook',
        events: ['note.added'],
      });
      expect(ok.ok).toBe(true);
      const creds = await call(strictAdmin, 'webhook:create', {
        url: 'https://u:p@93.184.216.34/',
        events: ['note.added'],
      });
      expect(creds.ok ? 'ok' : creds.error.code).toBe('invalid_args');
    } finally {
      await strict.app.close();
    }
  });

  it('disables an endpoint after repeated failures, tells the admins and audits it', async () => {
    const r = await receiver();
    r.behave = () => ({ status: 500 });
    const { webhook } = await must(admin, 'webhook:create', { url: r.url, events: ['message.received'] });
    const facts = recorder(admin);
    const notice = facts.next('webhook:disabled', 20_000);
    for (let i = 0; i < 3; i++) await incoming(`fail ${i}`);
    expect(await notice).toEqual({ id: webhook.id, url: r.url, reason: 'failing' });
    const [after] = await must(admin, 'webhook:list', {});
    expect(after).toMatchObject({ enabled: false, disabledReason: 'failing' });
    expect(after!.consecutiveFailures).toBeGreaterThanOrEqual(6);
    const audit = await must(admin, 'audit:list', { limit: 20 });
    expect(audit.find(a => a.action === 'webhook.disabled')).toMatchObject({ memberId: null });
    // Disabled: nothing more is sent. Re-enabled: the queue resumes, and a redelivery goes out again.
    const count = r.requests.length;
    await new Promise(res => setTimeout(res, 800));
    expect(r.requests.length).toBe(count);
    const waiting = await must(admin, 'webhook:deliveries', { id: webhook.id });
    expect(Math.max(...waiting.map(d => d.attempts))).toBeGreaterThanOrEqual(6);
    r.behave = () => ({ status: 200 });
    await must(admin, 'webhook:update', { id: webhook.id, enabled: true });
    // Re-enabled, the waiting deliveries start over with every attempt (at most the one under way).
    const resumed = await must(admin, 'webhook:deliveries', { id: webhook.id });
    for (const d of resumed) if (d.status === 'pending') expect(d.attempts).toBeLessThanOrEqual(1);
    await r.waitFor(x => x.accepted.size === 3);
    const [latest] = await must(admin, 'webhook:deliveries', { id: webhook.id });
    const again = await must(admin, 'webhook:redeliver', { deliveryId: latest!.id });
    expect(again).toMatchObject({ eventId: latest!.eventId, status: 'pending', attempts: 0 });
    await r.waitFor(x => x.requests.filter(q => q.headers['blazz-event-id'] === latest!.eventId).length >= 2);
    const audited = (await must(admin, 'audit:list', { limit: 50 })).map(a => a.action);
    expect(audited).toEqual(expect.arrayContaining(['webhook.create', 'webhook.update', 'webhook.redeliver']));
  });
  it('sends each delivery once when two nodes share the queue', async () => {
    const r = await receiver();
    const other = await startNode(stack.mariadb.url, { webhooks: FAST });
    try {
      await must(admin, 'webhook:create', { url: r.url, events: ['message.received'] });
      const chats = ['628401@c.us', '628402@c.us', '628403@c.us'];
      await must(host, 'sync:push', { chats: chats.map(j => ({ accountId, jid: j, isGroup: false, name: j })) });
      for (let i = 0; i < 30; i++) await incoming(`two nodes ${i}`, chats[i % 3]);
      await r.waitFor(x => x.accepted.size === 30, 20_000);
      await new Promise(res => setTimeout(res, 500));
      expect(r.requests).toHaveLength(30);
    } finally {
      await other.app.close();
    }
  });

  // Last: it replaces the stack's node.
  it('is exactly-once by event id at a deduplicating receiver across a server restart mid-delivery', async () => {
    const r = await receiver();
    // The receiver processes the first request of each event and then never answers it.
    const seen = new Set<string>();
    r.behave = (_n, body) => {
      const id = (JSON.parse(body) as Payload).id;
      if (seen.has(id)) return { status: 200 };
      seen.add(id);
      return { hang: true };
    };
    await must(admin, 'webhook:create', { url: r.url, events: ['message.received'] });
    const ids = [await incoming('one'), await incoming('two'), await incoming('three')];
    await r.waitFor(x => x.requests.length >= 1);
    // The node stops while its attempt is open; another node on the same database carries on.
    await stack.node.app.close();
    const second = await startNode(stack.mariadb.url, { webhooks: FAST });
    try {
      await r.waitFor(x => x.accepted.size === 3, 20_000);
      const delivered = [...r.accepted.values()].map(
        b => (JSON.parse(b) as { data: { message: { providerMessageId: string } } }).data.message.providerMessageId,
      );
      expect(delivered).toEqual(ids);
      // Every event reached the receiver more than once, and it processed each exactly once.
      expect(r.requests.length).toBeGreaterThan(3);
      expect(new Set(r.requests.map(q => q.headers['blazz-event-id'])).size).toBe(3);
    } finally {
      // The stack closes this node at the end; afterEach cleans up through it.
      stack.node = second;
      const s = await stack.login((await stack.member('admin')).email);
      admin = await stack.connect(s.token, second.url);
    }
  });
});
