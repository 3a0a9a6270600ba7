/**
 * Malformed, oversized and mistyped payloads on every command: each is refused with an
 * error reply, the server stays up and no table changes.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../../common/protocol';
import type { CommandName } from '../../../common/protocol';
import type { Client, Stack } from './harness';
import { call, hostWithChat, must, NOW, startStack } from './harness';

let stack: Stack;
let admin: Client;
let host: Client;
let chatId: string;
let accountId: string;

const TABLES = [
  'members',
  'sessions',
  'accounts',
  'account_members',
  'chats',
  'contacts',
  'messages',
  'events',
  'audit_log',
  'notes',
  'sends',
  'templates',
  'workspace_tags',
  'workspace_settings',
];

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) {
    const [rows] = (await stack.node.app.database.db.execute(
      sql.raw(`select count(*) as n from \`${t}\``),
    )) as unknown as [Array<{ n: number }>];
    out[t] = Number(rows[0]?.n);
  }
  return out;
}

/** A valid payload per command, the starting point for mutations. */
function valid(name: CommandName): Record<string, unknown> {
  const id = randomUUID();
  const samples: Record<CommandName, Record<string, unknown>> = {
    'sync:pull': { cursor: 0, limit: 10 },
    'sync:push': {
      messages: [
        {
          accountId,
          chatJid: '62555@c.us',
          providerMessageId: id,
          fromMe: false,
          type: 'text',
          body: 'x',
          timestamp: NOW(),
        },
      ],
    },
    'account:register': { accountId: `fz-${id}`, name: 'n', provider: 'simulator' },
    'account:report-state': { accountId, state: 'ready' },
    'account:list': {},
    'account:add-member': { accountId, memberId: id },
    'account:remove-member': { accountId, memberId: id },
    'member:list': {},
    'member:create': {
      email: `f-${id.slice(0, 6)}@example.test`,
      name: 'n',
      role: 'agent',
      password: 'long enough pw',
    },
    'member:update': { memberId: id, name: 'n' },
    'settings:get': {},
    'settings:update': { agentsSeeUnassigned: false },
    'chat:get': { chatId },
    'chat:list': { accountId },
    'chat:assign': { chatId, assigneeId: null, version: 0, handover: { note: 'n', draft: null, summary: 's' } },
    'chat:claim': { chatId, version: 0 },
    'chat:set-status': { chatId, status: 'resolved', version: 0 },
    'chat:set-tags': { chatId, tags: ['a'], version: 0 },
    'messages:list': { chatId },
    'note:add': { chatId, body: 'n', clientNoteId: '7d3f1c2a-9b8e-4f6d-a5c4-3b2a1f0e9d8c' },
    'typing:set': { chatId, active: true },
    'message:send': { clientMessageId: id, chatId, body: 'b' },
    'send:pending': {},
    'send:report': { clientMessageId: id, status: 'sent', providerMessageId: 'p' },
    'template:list': {},
    'template:upsert': { shortcut: 'fz', title: 't', body: 'b' },
    'template:delete': { id },
    'presence:set': { status: 'away' },
    'presence:list': {},
    'session:revoke': { sessionId: id },
    'session:list': { memberId: id },
    'password:reset-start': { memberId: id },
    'password:change': { currentPassword: 'not it', newPassword: 'another long one' },
    'audit:list': { limit: 5 },
    'mfa:status': {},
    'mfa:enrol': {},
    'mfa:confirm': { code: '123456' },
    'mfa:disable': { code: '123456' },
    'mfa:recovery-regenerate': { code: '123456' },
    'mfa:reset': { memberId: id },
    'tag:list': {},
    'contact:update': { chatId, name: 'Fz', labels: ['fz'] },
    'chat:set-flags': { chatId, pinned: true },
    'tag:upsert': { name: 'fz', color: 'red' },
    'tag:rename': { from: 'fz', to: 'fy' },
    'tag:delete': { name: 'fy' },
    'aiPolicy:get': {},
    'aiPolicy:update': { allowed: true, baseUrl: 'https://ai.example.com/v1', model: 'm', forceRedact: true },
    'reports:get': { from: '2026-11-01', to: '2026-11-30', timeZone: 'Asia/Jakarta', accountId, tag: 'vip' },
    'reports:conversations': { from: '2026-11-01', to: '2026-11-30', timeZone: 'UTC', accountId, cursor: 'c' },
    'automation:get': { accountId },
    'automation:update': {
      accountId,
      hours: {
        timeZone: 'Asia/Jakarta',
        week: { sun: [], mon: [{ start: '09:00', end: '17:00' }], tue: [], wed: [], thu: [], fri: [], sat: [] },
        holidays: ['2026-12-25'],
      },
      away: { enabled: true, text: 'Closed until {{next_opening}}' },
      greeting: { enabled: false, text: 'Hi {{customer.name}}', idleHours: 24 },
    },
    'automation:hours': {},
    'assignment:get': { accountId },
    'assignment:update': { accountId, mode: 'round_robin', reassignAfterMinutes: null, slaMinutes: 30, capacities: [] },
    'rules:list': {},
    'rules:save': {
      rule: {
        name: 'Pricing',
        enabled: true,
        stopAfter: false,
        trigger: { type: 'message.received' },
        conditions: [{ kind: 'textContains', text: 'harga' }],
        actions: [{ kind: 'addTag', tag: 'pricing' }],
      },
    },
    'rules:delete': { id },
    'rules:reorder': { ids: [id] },
    'rules:test': { accountId, text: 'berapa harga?' },
    'rules:runs': { limit: 10 },
    'automationAi:get': {},
    'automationAi:set': { baseUrl: 'http://127.0.0.1:9/v1', model: 'm', apiKey: 'sk-sample' },
    'apiKey:list': {},
    'apiKey:create': { name: 'CRM', scopes: ['chats:read'], accountIds: [accountId] },
    'apiKey:revoke': { id },
    'webhook:list': {},
    'webhook:create': { url: 'https://hooks.example.com/blazz', events: ['message.received'] },
    'webhook:update': { id, enabled: false },
    'webhook:delete': { id },
    'webhook:deliveries': { id, limit: 10 },
    'webhook:redeliver': { deliveryId: 1 },
    'cloud:list': {},
    'cloud:add': {
      name: 'Support',
      phoneNumberId: '106540352242922',
      wabaId: '102290129340398',
      accessToken: 'EAAG' + 'x'.repeat(40),
      appSecret: 'a'.repeat(32),
      verifyToken: 'verify-me-please',
    },
    'cloud:remove': { accountId: 'meta_106540352242922' },
    'cloud:templates': { accountId: 'meta_106540352242922' },
    'cloud:send-template': {
      chatId: 'meta_106540352242922:6281234567890@c.us',
      clientMessageId: '7d1f0e7c-7a57-4b35-9d0c-2f5f1ad1c9a1',
      name: 'order_update',
      language: 'id',
      parameters: ['Budi'],
    },
    'message:react': {
      clientReactionId: '5b0c3f9e-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
      chatId: 'meta_106540352242922:6281234567890@c.us',
      providerMessageId: 'd2FtaWQuSEJnTE1qYzRNVFl3',
      emoji: '👍',
    },
    'reaction:report': { clientReactionId: '5b0c3f9e-1a2b-4c3d-8e9f-0a1b2c3d4e5f', status: 'sent', error: null },
    'reaction:pending': {},
    'message:change': {
      clientChangeId: '6c1d4a0f-2b3c-4d4e-9fa0-1b2c3d4e5f60',
      chatId: 'meta_106540352242922:6281234567890@c.us',
      providerMessageId: 'd2FtaWQuSEJnTE1qYzRNVFl3',
      kind: 'edit',
      text: 'Sampai jumpa besok',
    },
    'message-change:report': { clientChangeId: '6c1d4a0f-2b3c-4d4e-9fa0-1b2c3d4e5f60', status: 'sent', error: null },
    'message-change:pending': {},
    'chat:read': { chatId: 'meta_106540352242922:6281234567890@c.us', upToMessageId: 'd2FtaWQuSEJnTE1qYzRNVFl3' },
    'account:set-read-receipts': { accountId: 'meta_106540352242922', enabled: false },
  };
  return samples[name];
}

/** Payloads no schema accepts: wrong shapes, wrong types per field, unknown fields, huge strings. */
function mutations(name: CommandName): unknown[] {
  const base = valid(name);
  const out: unknown[] = [null, 42, 'text', [], [base], true, { ...base, unexpected: 1 }];
  for (const key of Object.keys(base)) {
    out.push({ ...base, [key]: { nested: { deeper: [1, 2, 3] } } });
    out.push({ ...base, [key]: 'x'.repeat(70_000) });
    out.push({ ...base, [key]: -1.5 });
  }
  if (name === 'chat:assign') {
    out.push({ ...base, handover: { note: 'x'.repeat(10_001) } });
    out.push({ ...base, handover: { draft: 'x'.repeat(65_537) } });
    out.push({ ...base, handover: { summary: 7 } });
    out.push({ ...base, handover: { note: 'n', extra: true } });
  }
  if (name === 'note:add') {
    out.push({ ...base, clientNoteId: 'not-a-uuid' });
    out.push({ ...base, clientNoteId: null });
  }
  if (name === 'typing:set') {
    out.push({ chatId });
    out.push({ chatId, active: 'yes' });
  }
  if (name === 'sync:push') {
    out.push({ messages: [{ ...(base['messages'] as object[])[0], timestamp: 1 }] });
    out.push({ messages: Array.from({ length: 2001 }, () => (base['messages'] as object[])[0]) });
    out.push({ messages: [{ accountId, chatJid: '62@c.us' }] });
    const vote = {
      accountId,
      providerMessageId: 'no-such-poll',
      voterJid: '62555@c.us',
      options: ['a'],
      timestamp: NOW(),
    };
    out.push({ votes: Array.from({ length: 2001 }, () => vote) });
    out.push({ votes: [{ ...vote, options: Array.from({ length: 13 }, () => 'a') }] });
  }
  return out;
}

beforeAll(async () => {
  stack = await startStack();
  const setup = await hostWithChat(stack);
  host = setup.host.socket;
  chatId = setup.chatId;
  accountId = setup.accountId;
  admin = (await stack.device('admin')).socket;
});
afterAll(async () => {
  await stack?.stop();
});

describe('fuzz', () => {
  it('refuses every malformed payload on every command and writes nothing', async () => {
    const before = await counts();
    for (const name of COMMAND_NAMES) {
      for (const socket of [admin, host]) {
        for (const payload of mutations(name)) {
          const reply = await call(socket, name, payload);
          expect(reply.ok, `${name} accepted ${JSON.stringify(payload).slice(0, 120)}`).toBe(false);
          if (!reply.ok) expect(['invalid_args', 'payload_too_large']).toContain(reply.error.code);
        }
      }
    }
    // Sessions only change their last-seen time; rows are compared by count.
    expect(await counts()).toEqual(before);
    const health = await fetch(`${stack.node.url}/healthz`);
    expect(health.status).toBe(200);
    expect((await must(admin, 'chat:get', { chatId })).chat.id).toBe(chatId);
  }, 120_000);

  it('answers unknown commands, ignores commands without an ack, and survives an oversized packet', async () => {
    const emitAck = admin.timeout(5000).emitWithAck as (
      ev: string,
      p: unknown,
    ) => Promise<{ ok: boolean; error?: { code: string } }>;
    const unknown = await emitAck.call(admin.timeout(5000), 'chat:explode', {});
    expect(unknown.error?.code).toBe('unknown_command');
    const victim = await stack.device('lead');
    const before = await counts();
    (admin.emit as (ev: string, p: unknown) => void)('note:add', { chatId, body: 'no ack, no note' });
    expect((await must(admin, 'chat:get', { chatId })).notes).toHaveLength(0);
    // Over Socket.IO's packet limit the connection is closed; the server keeps serving others.
    const closed = new Promise<void>(resolve => victim.socket.on('disconnect', () => resolve()));
    (victim.socket.emit as (ev: string, p: unknown) => void)('note:add', { chatId, body: 'x'.repeat(5_000_000) });
    await closed;
    expect(await counts()).toEqual(before);
    expect((await must(host, 'chat:get', { chatId })).chat.id).toBe(chatId);
  });
});
