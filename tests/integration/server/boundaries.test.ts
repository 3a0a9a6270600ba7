/**
 * Every string field of every command at its longest and one longer (issue #15, point 8),
 * generated from the command schemas: the longest is stored or refused for a reason of its
 * own, one more is `invalid_args`, and nothing answers `internal` (a value the schema
 * allows but its column cannot hold). Plain text is sent as '€' (three bytes in utf8mb4,
 * one UTF-16 unit for zod), the worst case for byte-limited TEXT columns.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { accountIdSchema, providerMessageIdSchema } from '../../../common/ids';
import { COMMAND_NAMES, COMMAND_SCHEMAS, UNKNOWN_POLL } from '../../../common/protocol';
import type { CommandName } from '../../../common/protocol';
import type { Client, Stack } from './harness';
import { call, hostWithChat, must, NOW, PASSWORD, startStack } from './harness';

let stack: Stack;
let host: Client;
let admin: Client;
let accountId: string;
let chatId: string;

beforeAll(async () => {
  stack = await startStack();
  const hosted = await hostWithChat(stack, `bd-${randomUUID().slice(0, 8)}`);
  ({ accountId, chatId } = hosted);
  host = hosted.host.socket;
  // The host is a lead; the boundaries of admin-only commands need an admin's socket.
  admin = (await stack.device('admin')).socket;
}, 60_000);
afterAll(async () => {
  await stack?.stop();
});

/** One valid payload per command; each call gets fresh ids so nothing collides. */
function sample(name: CommandName): Record<string, unknown> {
  const id = randomUUID();
  const ts = NOW();
  const common = { accountId, providerMessageId: `p-${id}` };
  const samples: Record<CommandName, Record<string, unknown>> = {
    'sync:pull': { cursor: 0, limit: 1 },
    'sync:push': {
      batchId: id,
      contacts: [{ accountId, jid: '628001@c.us', name: 'n', pushName: 'p' }],
      chats: [{ accountId, jid: '628002@c.us', isGroup: false, name: 'n' }],
      messages: [
        {
          ...common,
          chatJid: '628002@c.us',
          author: '628003@c.us',
          authorName: 'a',
          fromMe: false,
          type: 'image',
          body: 'b',
          caption: 'c',
          media: { mimeType: 'image/png', fileName: 'f.png', localPath: '/tmp/f.png', thumbnail: 'AAAA' },
          location: { lat: 0, lng: 0, name: 'here' },
          vcard: 'v',
          quotedProviderMessageId: 'q1',
          timestamp: ts,
          mentions: ['628003@c.us', '123456789012345@lid'],
        },
        // The poll the votes below are for (a vote for a poll the workspace lacks is refused).
        {
          accountId,
          providerMessageId: `poll-${id}`,
          chatJid: '628002@c.us',
          fromMe: false,
          type: 'poll',
          body: 'q',
          poll: { question: 'q', options: ['a', 'b'], multiple: false },
          timestamp: ts,
        },
      ],
      votes: [{ accountId, providerMessageId: `poll-${id}`, voterJid: '628005@c.us', options: ['a'], timestamp: ts }],
      acks: [{ ...common, ack: 'read' }],
      edits: [{ ...common, body: 'e', editedAt: ts }],
      revokes: [{ ...common, revokedAt: ts }],
      reactions: [{ ...common, senderJid: '628004@c.us', emoji: '👍', timestamp: ts }],
    },
    'account:register': { accountId, name: 'Support line', provider: 'simulator' },
    'account:report-state': { accountId, state: 'ready' },
    'account:list': {},
    'account:add-member': { accountId, memberId: id },
    'account:remove-member': { accountId, memberId: id },
    'member:list': {},
    'member:create': { email: `b-${id}@example.test`, name: 'n', role: 'agent', password: PASSWORD },
    'member:update': { memberId: id, name: 'n' },
    'settings:get': {},
    'settings:update': { agentsSeeUnassigned: true },
    'chat:get': { chatId },
    'chat:list': { accountId },
    'chat:assign': { chatId, assigneeId: null, version: 0, handover: { note: 'n', draft: 'd', summary: 's' } },
    'chat:claim': { chatId, version: 0 },
    'chat:set-status': { chatId, status: 'open', version: 0 },
    'chat:set-tags': { chatId, tags: ['t'], version: 0 },
    'messages:list': { chatId },
    'note:add': { chatId, body: 'n', clientNoteId: id },
    'typing:set': { chatId, active: true },
    'message:send': { clientMessageId: id, chatId, body: 'b', quotedProviderMessageId: 'q1' },
    'send:report': { clientMessageId: id, status: 'failed', providerMessageId: 'p1', error: 'e' },
    'template:list': {},
    'template:upsert': { shortcut: `s${id.slice(0, 8)}`, title: 't', body: 'b' },
    'template:delete': { id },
    'presence:set': { status: 'online' },
    'send:pending': {},
    'presence:list': {},
    'session:revoke': { sessionId: id },
    'audit:list': { chatId },
    'session:list': {},
    // A wrong current password: the boundary is checked without changing the host's password.
    'password:change': { currentPassword: `not-${PASSWORD}`, newPassword: `${PASSWORD}-new` },
    'password:reset-start': { memberId: id },
    'mfa:status': {},
    'mfa:enrol': {},
    'mfa:confirm': { code: '000000' },
    'mfa:disable': { code: '000000' },
    'mfa:recovery-regenerate': { code: '000000' },
    'mfa:reset': { memberId: id },
    'tag:list': {},
    'contact:update': { chatId, name: 'Bd', labels: ['bd'] },
    'chat:set-flags': { chatId, archived: true },
    'tag:upsert': { name: `t${id.slice(0, 8)}`, color: 'red' },
    'tag:rename': { from: `t${id.slice(0, 8)}`, to: `u${id.slice(0, 8)}` },
    'tag:delete': { name: `u${id.slice(0, 8)}` },
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

type Path = Array<string | number>;
type Leaf = { path: Path; schema: z.ZodString };

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    const def = s._zod.def as { type: string; innerType?: z.ZodType; in?: z.ZodType };
    if (def.innerType && ['optional', 'nullable', 'default', 'prefault', 'readonly'].includes(def.type))
      s = def.innerType;
    else if (def.type === 'pipe' && def.in) s = def.in;
    else return s;
  }
}

/** The string fields with a length limit, where the sample has a value for them. */
function leaves(schema: z.ZodType, value: unknown, path: Path = []): Leaf[] {
  const s = unwrap(schema);
  const def = s._zod.def as { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType };
  if (def.type === 'string') return (s as z.ZodString).maxLength !== null ? [{ path, schema: s as z.ZodString }] : [];
  if (def.type === 'object' && def.shape && value && typeof value === 'object')
    return Object.entries(def.shape).flatMap(([k, v]) =>
      k in value ? leaves(v, (value as Record<string, unknown>)[k], [...path, k]) : [],
    );
  if (def.type === 'array' && def.element && Array.isArray(value) && value.length > 0)
    return leaves(def.element, value[0], [...path, 0]);
  return [];
}

/** A value of exactly `length` the field's format accepts, or null when its format cannot be that long. */
function valueOf(schema: z.ZodString, length: number): string | null {
  if (schema === accountIdSchema) return null; // an unknown account is refused before any column
  if (schema === providerMessageIdSchema) return `p${randomUUID()}`.padEnd(length, 'x').slice(0, length);
  const format = (schema as { format?: string | null }).format ?? null;
  if (format === 'email') return `${'a'.repeat(length - 13)}@example.test`;
  if (format !== null) return null;
  if (schema.minLength !== null && schema.minLength > length) return null;
  // Refinements (chat ids) are left to the id tests; plain text is the worst case for bytes.
  return schema.safeParse('€'.repeat(length)).success ? '€'.repeat(length) : null;
}

function setAt(target: Record<string, unknown>, path: Path, value: string): Record<string, unknown> {
  const copy = structuredClone(target);
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return copy;
}

const ADMIN_ONLY = new Set([
  'member:create',
  'member:update',
  'account:add-member',
  'account:remove-member',
  'settings:update',
  'password:reset-start',
  'aiPolicy:update',
  'apiKey:list',
  'apiKey:create',
  'apiKey:revoke',
]);
const socketFor = (name: CommandName) => (ADMIN_ONLY.has(name) ? admin : host);

describe('string boundaries of every command', () => {
  for (const name of COMMAND_NAMES) {
    it(
      name,
      async () => {
        const schema = COMMAND_SCHEMAS[name] as z.ZodType;
        for (const { path, schema: field } of leaves(schema, sample(name))) {
          const max = field.maxLength!;
          const where = `${name} ${path.join('.')} (max ${max})`;
          const longest = valueOf(field, max);
          if (longest !== null) {
            const reply = await call(socketFor(name), name, setAt(sample(name), path, longest));
            if (!reply.ok) {
              expect(reply.error.code, where).not.toBe('internal');
              // A vote must name a poll the workspace has: a longest id names none, and says so.
              if (where.startsWith('sync:push votes.0.providerMessageId'))
                expect(reply.error, where).toMatchObject({ code: 'invalid_args', details: UNKNOWN_POLL });
              else expect(reply.error.code, where).not.toBe('invalid_args');
            }
          }
          const tooLong = await call(socketFor(name), name, setAt(sample(name), path, 'x'.repeat(max + 1)));
          expect(['invalid_args', 'payload_too_large'], where).toContain(tooLong.ok ? 'ok' : tooLong.error.code);
        }
      },
      60_000,
    );
  }

  it('refuses hostile poll votes in sync:push cleanly, and stays up', async () => {
    const base = sample('sync:push');
    const vote = (base['votes'] as Array<Record<string, unknown>>)[0]!;
    const hostile: unknown[] = [
      'votes',
      { length: 3 },
      [null],
      [{ ...vote, providerMessageId: 'no-such-poll' }],
      [{ ...vote, voterJid: '<script>alert(1)</script>' }],
      [{ ...vote, options: Array(13).fill('a') }],
      [{ ...vote, options: [{ $ne: 1 }] }],
      [{ ...vote, options: 'a' }],
      [{ ...vote, timestamp: '2026-01-01' }],
      [{ ...vote, timestamp: 1e300 }],
      [{ ...vote, accountId: "x' OR 1=1 --" }],
      [{ ...vote, __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } }],
      Array(5001).fill(vote),
    ];
    for (const votes of hostile) {
      const reply = await call(host, 'sync:push', { ...sample('sync:push'), votes });
      const what = JSON.stringify(votes).slice(0, 80);
      expect(reply.ok, what).toBe(false);
      if (!reply.ok)
        expect(['invalid_args', 'payload_too_large', 'forbidden', 'not_found'], what).toContain(reply.error.code);
    }
    // Nothing was half-stored, and the server still answers.
    expect((await call(host, 'sync:push', sample('sync:push'))).ok).toBe(true);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('refuses hostile mentions in sync:push cleanly, and stays up', async () => {
    const base = sample('sync:push');
    const message = (base['messages'] as Array<Record<string, unknown>>)[0]!;
    const hostile: unknown[] = [
      '628003@c.us',
      { length: 3 },
      { 0: '628003@c.us' },
      [null],
      [{ jid: '628003@c.us' }],
      [['628003@c.us']],
      [42],
      Array.from({ length: 101 }, (_, i) => `62800${i}@c.us`),
      ['<script>alert(1)</script>'],
      ["628003@c.us' OR 1=1 --"],
      ['628003@c.us; drop table message_mentions'],
      ['__proto__'],
      ['constructor'],
      [''],
      [`${'6'.repeat(60)}@c.us`],
    ];
    for (const mentions of hostile) {
      const reply = await call(host, 'sync:push', { ...base, messages: [{ ...message, mentions }] });
      const what = JSON.stringify(mentions).slice(0, 80);
      expect(reply.ok, what).toBe(false);
      if (!reply.ok) expect(reply.error.code, what).toBe('invalid_args');
    }
    // A message whose own `__proto__` key tries to supply mentions is refused, and pollutes nothing.
    const polluting = JSON.parse(
      JSON.stringify({ ...message, mentions: ['628003@c.us'] }).replace('{', '{"__proto__":{"mentions":[1]},'),
    ) as Record<string, unknown>;
    const proto = await call(host, 'sync:push', { ...base, messages: [polluting] });
    expect(proto.ok ? 'ok' : proto.error.code).toBe('invalid_args');
    // Nothing was half-stored, and the server still answers.
    expect((await call(host, 'sync:push', base)).ok).toBe(true);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('signs in a member whose e-mail is as long as member:create allows', async () => {
    const email = `${'L'.repeat(254 - 13)}@example.test`;
    await must(admin, 'member:create', { email, name: 'Long', role: 'agent', password: PASSWORD });
    const session = await stack.login(email);
    expect(session.token).toBeTruthy();
  });
});
