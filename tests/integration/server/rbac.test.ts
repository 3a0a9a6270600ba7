/**
 * Every role × every command, against the member's own account, another account of the
 * workspace and ids that exist nowhere (another workspace's). Adding a command without a
 * row here fails the coverage test.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../common/domain';
import { COMMAND_NAMES } from '../../../common/protocol';
import type { CommandName } from '../../../common/protocol';
import type { ErrorCode } from '../../../common/result';
import type { Client, Stack } from './harness';
import { call, hostWithChat, must, NOW, startStack } from './harness';

type Outcome = 'ok' | ErrorCode;
type Scope = 'own' | 'other-account' | 'other-workspace';
type Ctx = { role: Role; socket: Client; memberId: string };
type Case = {
  cmd: CommandName;
  scope: Scope;
  args: (c: Ctx) => Promise<unknown> | unknown;
  expect: Record<Role, Outcome>;
};

const all = (o: Outcome): Record<Role, Outcome> => ({ admin: o, lead: o, agent: o });
const only = (roles: Role[], denied: Outcome = 'forbidden'): Record<Role, Outcome> => ({
  admin: roles.includes('admin') ? 'ok' : denied,
  lead: roles.includes('lead') ? 'ok' : denied,
  agent: roles.includes('agent') ? 'ok' : denied,
});

let stack: Stack;
let devices: Record<Role, { socket: Client; id: string; email: string; sessionId: string }>;
let adminSocket: Client;
let A: { accountId: string; chatId: string; hostSocket: Client };
let B: { accountId: string; chatId: string };
let assignedToLead: string;
/** An agent of A (a colleague to transfer to) and one of B only (not on A's number). */
let colleague: string;
let outsider: string;
const ghostChat = 'ghost-account:6200000@c.us';

async function unassigned(chatId: string): Promise<number> {
  const { chat } = await must(adminSocket, 'chat:get', { chatId });
  if (chat.assigneeId === null) return chat.version;
  return (await must(adminSocket, 'chat:assign', { chatId, assigneeId: null, version: chat.version })).version;
}
const versionOf = async (chatId: string) => (await must(adminSocket, 'chat:get', { chatId })).chat.version;
/** The workspace rule for agents handing chats on; each hand-on row sets the value it needs. */
const handOverRule = async (on: boolean) => must(adminSocket, 'settings:update', { agentsMayHandOver: on });
/** A.chatId assigned to `memberId` (the caller, or a colleague), at its new version. */
async function assignedTo(memberId: string): Promise<number> {
  const version = await versionOf(A.chatId);
  return (await must(adminSocket, 'chat:assign', { chatId: A.chatId, assigneeId: memberId, version })).version;
}

beforeAll(async () => {
  stack = await startStack();
  const a = await hostWithChat(stack);
  const b = await hostWithChat(stack);
  A = { accountId: a.accountId, chatId: a.chatId, hostSocket: a.host.socket };
  B = { accountId: b.accountId, chatId: b.chatId };
  const admin = await stack.device('admin');
  const lead = await stack.device('lead');
  const agent = await stack.device('agent');
  adminSocket = admin.socket;
  devices = { admin, lead, agent };
  for (const m of [lead, agent])
    await must(adminSocket, 'account:add-member', { accountId: A.accountId, memberId: m.id });
  colleague = (await stack.member('agent', 'colleague')).id;
  await must(adminSocket, 'account:add-member', { accountId: A.accountId, memberId: colleague });
  outsider = (await stack.member('agent', 'outsider')).id;
  await must(adminSocket, 'account:add-member', { accountId: B.accountId, memberId: outsider });
  assignedToLead = `${A.accountId}:6299999@c.us`;
  await must(a.host.socket, 'sync:push', {
    chats: [{ accountId: A.accountId, jid: '6299999@c.us', isGroup: false, name: 'Lead only' }],
  });
  await must(adminSocket, 'chat:assign', { chatId: assignedToLead, assigneeId: lead.id, version: 0 });
});
afterAll(async () => {
  await stack?.stop();
});

const cases: Case[] = [
  { cmd: 'sync:pull', scope: 'own', args: () => ({ cursor: 0, limit: 10 }), expect: all('ok') },
  {
    cmd: 'sync:push',
    scope: 'own',
    args: () => ({
      messages: [
        {
          accountId: A.accountId,
          chatJid: '62777@c.us',
          providerMessageId: randomUUID(),
          fromMe: false,
          type: 'text',
          body: 'x',
          timestamp: NOW(),
        },
      ],
    }),
    expect: all('forbidden'),
  },
  {
    cmd: 'sync:push',
    scope: 'other-workspace',
    args: () => ({ chats: [{ accountId: 'ghost-account', jid: '62777@c.us', isGroup: false, name: 'x' }] }),
    expect: all('forbidden'),
  },
  {
    cmd: 'account:register',
    scope: 'own',
    args: () => ({ accountId: `new-${randomUUID()}`, name: 'New', provider: 'simulator' }),
    expect: only(['admin', 'lead']),
  },
  {
    cmd: 'account:register',
    scope: 'other-account',
    args: () => ({ accountId: B.accountId, name: 'Hijack', provider: 'simulator' }),
    expect: only(['admin']),
  },
  {
    cmd: 'account:report-state',
    scope: 'own',
    args: () => ({ accountId: A.accountId, state: 'ready' }),
    expect: all('forbidden'),
  },
  { cmd: 'account:list', scope: 'own', args: () => ({}), expect: all('ok') },
  {
    cmd: 'account:add-member',
    scope: 'own',
    args: async () => ({ accountId: A.accountId, memberId: (await stack.member('agent')).id }),
    expect: only(['admin']),
  },
  {
    cmd: 'account:add-member',
    scope: 'other-workspace',
    args: async () => ({ accountId: 'ghost-account', memberId: (await stack.member('agent')).id }),
    expect: { admin: 'not_found', lead: 'forbidden', agent: 'forbidden' },
  },
  {
    cmd: 'account:remove-member',
    scope: 'own',
    args: async () => {
      const m = await stack.member('agent');
      await must(adminSocket, 'account:add-member', { accountId: A.accountId, memberId: m.id });
      return { accountId: A.accountId, memberId: m.id };
    },
    expect: only(['admin']),
  },
  { cmd: 'member:list', scope: 'own', args: () => ({}), expect: all('ok') },
  {
    cmd: 'member:create',
    scope: 'own',
    args: () => ({
      email: `n-${randomUUID().slice(0, 8)}@example.test`,
      name: 'New',
      role: 'agent',
      password: 'long enough pw',
    }),
    expect: only(['admin']),
  },
  {
    cmd: 'member:update',
    scope: 'own',
    args: async () => ({ memberId: (await stack.member('agent')).id, name: 'Renamed' }),
    expect: only(['admin']),
  },
  {
    cmd: 'member:update',
    scope: 'other-workspace',
    args: () => ({ memberId: randomUUID(), name: 'Nobody' }),
    expect: { admin: 'not_found', lead: 'forbidden', agent: 'forbidden' },
  },
  { cmd: 'settings:get', scope: 'own', args: () => ({}), expect: all('ok') },
  { cmd: 'settings:update', scope: 'own', args: () => ({ agentsSeeUnassigned: true }), expect: only(['admin']) },
  { cmd: 'chat:get', scope: 'own', args: () => ({ chatId: A.chatId }), expect: all('ok') },
  {
    cmd: 'chat:get',
    scope: 'own',
    args: () => ({ chatId: assignedToLead }),
    expect: only(['admin', 'lead'], 'not_found'),
  },
  { cmd: 'chat:get', scope: 'other-account', args: () => ({ chatId: B.chatId }), expect: only(['admin'], 'not_found') },
  { cmd: 'chat:get', scope: 'other-workspace', args: () => ({ chatId: ghostChat }), expect: all('not_found') },
  { cmd: 'chat:list', scope: 'own', args: () => ({ accountId: A.accountId }), expect: all('ok') },
  {
    cmd: 'chat:list',
    scope: 'other-account',
    args: () => ({ accountId: B.accountId }),
    expect: only(['admin'], 'not_found'),
  },
  {
    cmd: 'chat:assign',
    scope: 'own',
    args: async () => ({ chatId: A.chatId, assigneeId: null, version: await unassigned(A.chatId) }),
    expect: only(['admin', 'lead']),
  },
  {
    cmd: 'chat:assign',
    scope: 'other-account',
    args: async () => ({ chatId: B.chatId, assigneeId: null, version: await versionOf(B.chatId) }),
    expect: { admin: 'ok', lead: 'not_found', agent: 'forbidden' },
  },
  {
    cmd: 'chat:assign',
    scope: 'other-workspace',
    args: () => ({ chatId: ghostChat, assigneeId: null, version: 0 }),
    expect: { admin: 'not_found', lead: 'not_found', agent: 'forbidden' },
  },
  {
    cmd: 'chat:claim',
    scope: 'own',
    args: async () => ({ chatId: A.chatId, version: await unassigned(A.chatId) }),
    expect: all('ok'),
  },
  {
    cmd: 'chat:claim',
    scope: 'own',
    args: async () => ({ chatId: assignedToLead, version: await versionOf(assignedToLead) }),
    expect: { admin: 'conflict', lead: 'ok', agent: 'not_found' },
  },
  {
    cmd: 'chat:claim',
    scope: 'other-account',
    args: async () => ({ chatId: B.chatId, version: await unassigned(B.chatId) }),
    expect: only(['admin'], 'not_found'),
  },
  {
    cmd: 'chat:set-status',
    scope: 'own',
    args: async () => ({ chatId: A.chatId, status: 'pending', version: await unassigned(A.chatId) }),
    expect: all('ok'),
  },
  {
    cmd: 'chat:set-status',
    scope: 'other-account',
    args: async () => ({ chatId: B.chatId, status: 'resolved', version: await versionOf(B.chatId) }),
    expect: only(['admin'], 'not_found'),
  },
  {
    cmd: 'chat:set-tags',
    scope: 'own',
    args: async () => ({ chatId: A.chatId, tags: ['vip'], version: await unassigned(A.chatId) }),
    expect: all('ok'),
  },
  {
    cmd: 'chat:set-tags',
    scope: 'other-account',
    args: async () => ({ chatId: B.chatId, tags: ['x'], version: await versionOf(B.chatId) }),
    expect: only(['admin'], 'not_found'),
  },
  { cmd: 'messages:list', scope: 'own', args: () => ({ chatId: A.chatId }), expect: all('ok') },
  {
    cmd: 'messages:list',
    scope: 'other-account',
    args: () => ({ chatId: B.chatId }),
    expect: only(['admin'], 'not_found'),
  },
  { cmd: 'note:add', scope: 'own', args: () => ({ chatId: A.chatId, body: 'internal' }), expect: all('ok') },
  {
    cmd: 'note:add',
    scope: 'other-account',
    args: () => ({ chatId: B.chatId, body: 'internal' }),
    expect: only(['admin'], 'not_found'),
  },
  { cmd: 'typing:set', scope: 'own', args: () => ({ chatId: A.chatId, active: true }), expect: all('ok') },
  {
    cmd: 'typing:set',
    scope: 'own',
    args: () => ({ chatId: assignedToLead, active: true }),
    expect: only(['admin', 'lead'], 'not_found'),
  },
  {
    cmd: 'typing:set',
    scope: 'other-account',
    args: () => ({ chatId: B.chatId, active: true }),
    expect: only(['admin'], 'not_found'),
  },
  {
    cmd: 'typing:set',
    scope: 'other-workspace',
    args: () => ({ chatId: ghostChat, active: true }),
    expect: all('not_found'),
  },
  {
    cmd: 'chat:assign',
    scope: 'own',
    args: async () => ({
      chatId: A.chatId,
      assigneeId: null,
      version: await unassigned(A.chatId),
      handover: { note: 'over to you', draft: 'Dear customer', summary: 'asks for a refund' },
    }),
    expect: only(['admin', 'lead']),
  },
  {
    cmd: 'chat:assign',
    scope: 'other-account',
    args: async () => ({ chatId: B.chatId, assigneeId: null, version: await versionOf(B.chatId), handover: {} }),
    expect: { admin: 'ok', lead: 'not_found', agent: 'forbidden' },
  },
  {
    cmd: 'message:send',
    scope: 'own',
    args: () => ({ clientMessageId: randomUUID(), chatId: A.chatId, body: 'hi' }),
    expect: all('ok'),
  },
  {
    cmd: 'message:send',
    scope: 'own',
    args: () => ({ clientMessageId: randomUUID(), chatId: assignedToLead, body: 'hi' }),
    expect: only(['admin', 'lead'], 'not_found'),
  },
  {
    cmd: 'message:send',
    scope: 'other-account',
    args: () => ({ clientMessageId: randomUUID(), chatId: B.chatId, body: 'hi' }),
    expect: only(['admin'], 'not_found'),
  },
  {
    cmd: 'message:send',
    scope: 'other-workspace',
    args: () => ({ clientMessageId: randomUUID(), chatId: ghostChat, body: 'hi' }),
    expect: all('not_found'),
  },
  { cmd: 'send:pending', scope: 'own', args: () => ({}), expect: all('ok') },
  {
    cmd: 'send:report',
    scope: 'own',
    args: async () => {
      const s = await must(adminSocket, 'message:send', {
        clientMessageId: randomUUID(),
        chatId: A.chatId,
        body: 'to report',
      });
      return { clientMessageId: s.clientMessageId, status: 'sent', providerMessageId: 'wa-1' };
    },
    expect: all('forbidden'),
  },
  {
    cmd: 'send:report',
    scope: 'other-workspace',
    args: () => ({ clientMessageId: randomUUID(), status: 'failed' }),
    expect: all('not_found'),
  },
  { cmd: 'template:list', scope: 'own', args: () => ({}), expect: all('ok') },
  {
    cmd: 'template:upsert',
    scope: 'own',
    args: () => ({ shortcut: `t${randomUUID().slice(0, 8)}`, title: 'Thanks', body: 'Thank you!' }),
    expect: only(['admin', 'lead']),
  },
  {
    cmd: 'template:delete',
    scope: 'own',
    args: async () => ({
      id: (
        await must(adminSocket, 'template:upsert', { shortcut: `d${randomUUID().slice(0, 8)}`, title: 'x', body: 'y' })
      ).id,
    }),
    expect: only(['admin', 'lead']),
  },
  { cmd: 'presence:set', scope: 'own', args: () => ({ status: 'away' }), expect: all('ok') },
  { cmd: 'presence:list', scope: 'own', args: () => ({}), expect: all('ok') },
  {
    cmd: 'session:revoke',
    scope: 'own',
    args: async c => ({ sessionId: (await stack.login(devices[c.role].email, 'second device')).sessionId }),
    expect: all('ok'),
  },
  {
    cmd: 'session:revoke',
    scope: 'other-account',
    args: async () => ({ sessionId: (await stack.login((await stack.member('agent')).email)).sessionId }),
    expect: only(['admin'], 'not_found'),
  },
  { cmd: 'session:list', scope: 'own', args: () => ({}), expect: all('ok') },
  {
    cmd: 'password:reset-start',
    scope: 'other-account',
    args: async () => ({ memberId: (await stack.member('agent')).id }),
    expect: only(['admin']),
  },
  {
    // Any role may change its own password; with a wrong current one every role is refused alike.
    cmd: 'password:change',
    scope: 'own',
    args: () => ({ currentPassword: 'not the password', newPassword: 'some new passphrase' }),
    expect: all('forbidden'),
  },
  {
    cmd: 'session:list',
    scope: 'other-account',
    args: async () => ({ memberId: (await stack.member('agent')).id }),
    expect: only(['admin']),
  },
  { cmd: 'audit:list', scope: 'own', args: () => ({ chatId: A.chatId }), expect: only(['admin', 'lead']) },
  {
    cmd: 'audit:list',
    scope: 'other-account',
    args: () => ({ chatId: B.chatId }),
    expect: { admin: 'ok', lead: 'not_found', agent: 'forbidden' },
  },
  // A lead reads the rows of their accounts' chats (audit.test.ts checks which); an agent none.
  { cmd: 'audit:list', scope: 'own', args: () => ({}), expect: only(['admin', 'lead']) },
  // Handing a chat on (common/handover.ts). Leads and admins keep their powers; an agent may
  // release or transfer only their own chat, only to a member of its number, only while
  // `agentsMayHandOver` is on. The last row leaves the rule off, as the rows above expect.
  {
    cmd: 'chat:assign',
    scope: 'own',
    args: async c => {
      await handOverRule(true);
      return { chatId: A.chatId, assigneeId: null, version: await assignedTo(c.memberId) };
    },
    expect: all('ok'),
  },
  {
    cmd: 'chat:assign',
    scope: 'own',
    args: async c => {
      await handOverRule(true);
      const version = await assignedTo(c.memberId);
      return { chatId: A.chatId, assigneeId: colleague, version, handover: { note: 'over to you' } };
    },
    expect: all('ok'),
  },
  {
    // Not to someone who does not work on the number (an agent of B only).
    cmd: 'chat:assign',
    scope: 'own',
    args: async c => {
      await handOverRule(true);
      return { chatId: A.chatId, assigneeId: outsider, version: await assignedTo(c.memberId) };
    },
    expect: all('invalid_args'),
  },
  {
    // Not someone else's chat: invisible to an agent when unassigned chats are the only others they see.
    cmd: 'chat:assign',
    scope: 'own',
    args: async () => {
      await handOverRule(true);
      return { chatId: A.chatId, assigneeId: null, version: await assignedTo(colleague) };
    },
    expect: { admin: 'ok', lead: 'ok', agent: 'not_found' },
  },
  {
    // Not an unassigned chat (the agent sees it, but it is nobody's to hand on): claim it instead.
    cmd: 'chat:assign',
    scope: 'own',
    args: async () => {
      await handOverRule(true);
      return { chatId: A.chatId, assigneeId: colleague, version: await unassigned(A.chatId) };
    },
    expect: { admin: 'ok', lead: 'ok', agent: 'forbidden' },
  },
  {
    // Not when the workspace rule is off, even one's own chat.
    cmd: 'chat:assign',
    scope: 'own',
    args: async c => {
      await handOverRule(false);
      return { chatId: A.chatId, assigneeId: null, version: await assignedTo(c.memberId) };
    },
    expect: only(['admin', 'lead']),
  },
  // Every member manages only their own second factor; the matrix's enrolment waits for a code.
  { cmd: 'mfa:status', scope: 'own', args: () => ({}), expect: all('ok') },
  { cmd: 'mfa:enrol', scope: 'own', args: () => ({}), expect: all('ok') },
  { cmd: 'mfa:confirm', scope: 'own', args: () => ({ code: '000000' }), expect: all('invalid_args') },
  { cmd: 'mfa:disable', scope: 'own', args: () => ({ code: '000000' }), expect: all('conflict') },
  { cmd: 'mfa:recovery-regenerate', scope: 'own', args: () => ({ code: '000000' }), expect: all('conflict') },
  // Only an admin turns off someone else's (this member has none, hence conflict).
  {
    cmd: 'mfa:reset',
    scope: 'other-account',
    args: async () => ({ memberId: (await stack.member('agent')).id }),
    expect: { admin: 'conflict', lead: 'forbidden', agent: 'forbidden' },
  },
  // Requiring it of admins: only an admin, and only one who uses it (these do not).
  {
    cmd: 'settings:update',
    scope: 'own',
    args: () => ({ adminsRequireMfa: true }),
    expect: { admin: 'conflict', lead: 'forbidden', agent: 'forbidden' },
  },
  // The workspace's tag list: everyone reads it, admins and leads change it (tags.test.ts: what changes).
  { cmd: 'tag:list', scope: 'own', args: () => ({}), expect: all('ok') },
  {
    cmd: 'tag:upsert',
    scope: 'own',
    args: () => ({ name: `t-${randomUUID()}`.slice(0, 40), color: 'red' }),
    expect: only(['admin', 'lead']),
  },
  {
    cmd: 'tag:rename',
    scope: 'own',
    args: async () => {
      const name = `r-${randomUUID()}`.slice(0, 40);
      await must(adminSocket, 'tag:upsert', { name, color: 'blue' });
      return { from: name, to: `${name}-2` };
    },
    expect: only(['admin', 'lead']),
  },
  {
    cmd: 'tag:delete',
    scope: 'own',
    args: async () => {
      const name = `d-${randomUUID()}`.slice(0, 40);
      await must(adminSocket, 'tag:upsert', { name, color: 'green' });
      return { name };
    },
    expect: only(['admin', 'lead']),
  },
  // Every desktop follows the workspace's AI policy, so everyone reads it; only admins change it.
  { cmd: 'aiPolicy:get', scope: 'own', args: () => ({}), expect: all('ok') },
  {
    cmd: 'aiPolicy:update',
    scope: 'own',
    args: () => ({ allowed: true, baseUrl: null, model: null, forceRedact: false }),
    expect: only(['admin']),
  },
];

describe('RBAC matrix', () => {
  it('covers every command', () => {
    const covered = new Set(cases.map(c => c.cmd));
    expect(COMMAND_NAMES.filter(n => !covered.has(n))).toEqual([]);
  });

  for (const role of ['admin', 'lead', 'agent'] as const) {
    for (const c of cases) {
      it(`${role} ${c.cmd} (${c.scope}) → ${c.expect[role]}`, async () => {
        const d = devices[role];
        const args = await c.args({ role, socket: d.socket, memberId: d.id });
        const reply = await call(d.socket, c.cmd, args);
        expect(reply.ok ? 'ok' : reply.error.code).toBe(c.expect[role]);
      });
    }
  }
});
