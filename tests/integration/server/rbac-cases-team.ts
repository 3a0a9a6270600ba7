/** RBAC rows: sends, templates, presence, hand-on, sessions, audit, two-step, tags, AI policy, API keys. */
import { randomUUID } from 'node:crypto';
import { must } from './harness';
import type { Case } from './rbac-world';
import { all, assignedTo, ghostChat, handOverRule, only, unassigned, w } from './rbac-world';

export const teamCases: Case[] = [
  {
    cmd: 'message:send',
    scope: 'own',
    args: () => ({ clientMessageId: randomUUID(), chatId: w.A.chatId, body: 'hi' }),
    expect: all('ok'),
  },
  {
    cmd: 'message:send',
    scope: 'own',
    args: () => ({ clientMessageId: randomUUID(), chatId: w.assignedToLead, body: 'hi' }),
    expect: only(['admin', 'lead'], 'not_found'),
  },
  {
    cmd: 'message:send',
    scope: 'other-account',
    args: () => ({ clientMessageId: randomUUID(), chatId: w.B.chatId, body: 'hi' }),
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
      const s = await must(w.adminSocket, 'message:send', {
        clientMessageId: randomUUID(),
        chatId: w.A.chatId,
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
        await must(w.adminSocket, 'template:upsert', {
          shortcut: `d${randomUUID().slice(0, 8)}`,
          title: 'x',
          body: 'y',
        })
      ).id,
    }),
    expect: only(['admin', 'lead']),
  },
  { cmd: 'presence:set', scope: 'own', args: () => ({ status: 'away' }), expect: all('ok') },
  { cmd: 'presence:list', scope: 'own', args: () => ({}), expect: all('ok') },
  {
    cmd: 'session:revoke',
    scope: 'own',
    args: async c => ({ sessionId: (await w.stack.login(w.devices[c.role].email, 'second device')).sessionId }),
    expect: all('ok'),
  },
  {
    cmd: 'session:revoke',
    scope: 'other-account',
    args: async () => ({ sessionId: (await w.stack.login((await w.stack.member('agent')).email)).sessionId }),
    expect: only(['admin'], 'not_found'),
  },
  { cmd: 'session:list', scope: 'own', args: () => ({}), expect: all('ok') },
  {
    cmd: 'password:reset-start',
    scope: 'other-account',
    args: async () => ({ memberId: (await w.stack.member('agent')).id }),
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
    args: async () => ({ memberId: (await w.stack.member('agent')).id }),
    expect: only(['admin']),
  },
  { cmd: 'audit:list', scope: 'own', args: () => ({ chatId: w.A.chatId }), expect: only(['admin', 'lead']) },
  {
    cmd: 'audit:list',
    scope: 'other-account',
    args: () => ({ chatId: w.B.chatId }),
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
      return { chatId: w.A.chatId, assigneeId: null, version: await assignedTo(c.memberId) };
    },
    expect: all('ok'),
  },
  {
    cmd: 'chat:assign',
    scope: 'own',
    args: async c => {
      await handOverRule(true);
      const version = await assignedTo(c.memberId);
      return { chatId: w.A.chatId, assigneeId: w.colleague, version, handover: { note: 'over to you' } };
    },
    expect: all('ok'),
  },
  {
    // Not to someone who does not work on the number (an agent of B only).
    cmd: 'chat:assign',
    scope: 'own',
    args: async c => {
      await handOverRule(true);
      return { chatId: w.A.chatId, assigneeId: w.outsider, version: await assignedTo(c.memberId) };
    },
    expect: all('invalid_args'),
  },
  {
    // Not someone else's chat: invisible to an agent when unassigned chats are the only others they see.
    cmd: 'chat:assign',
    scope: 'own',
    args: async () => {
      await handOverRule(true);
      return { chatId: w.A.chatId, assigneeId: null, version: await assignedTo(w.colleague) };
    },
    expect: { admin: 'ok', lead: 'ok', agent: 'not_found' },
  },
  {
    // Not an unassigned chat (the agent sees it, but it is nobody's to hand on): claim it instead.
    cmd: 'chat:assign',
    scope: 'own',
    args: async () => {
      await handOverRule(true);
      return { chatId: w.A.chatId, assigneeId: w.colleague, version: await unassigned(w.A.chatId) };
    },
    expect: { admin: 'ok', lead: 'ok', agent: 'forbidden' },
  },
  {
    // Not when the workspace rule is off, even one's own chat.
    cmd: 'chat:assign',
    scope: 'own',
    args: async c => {
      await handOverRule(false);
      return { chatId: w.A.chatId, assigneeId: null, version: await assignedTo(c.memberId) };
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
    args: async () => ({ memberId: (await w.stack.member('agent')).id }),
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
      await must(w.adminSocket, 'tag:upsert', { name, color: 'blue' });
      return { from: name, to: `${name}-2` };
    },
    expect: only(['admin', 'lead']),
  },
  {
    cmd: 'tag:delete',
    scope: 'own',
    args: async () => {
      const name = `d-${randomUUID()}`.slice(0, 40);
      await must(w.adminSocket, 'tag:upsert', { name, color: 'green' });
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
  // Reports: admins on every number, leads on the numbers they lead, agents never.
  {
    cmd: 'reports:get',
    scope: 'own',
    args: () => ({ from: '2026-11-01', to: '2026-11-30', timeZone: 'Asia/Jakarta', accountId: w.A.accountId }),
    expect: only(['admin', 'lead']),
  },
  {
    cmd: 'reports:conversations',
    scope: 'own',
    args: () => ({ from: '2026-11-01', to: '2026-11-30', timeZone: 'UTC', accountId: w.A.accountId }),
    expect: only(['admin', 'lead']),
  },
  // A lead naming a number they do not lead is refused, not given an empty report.
  {
    cmd: 'reports:get',
    scope: 'other-account',
    args: () => ({ from: '2026-11-01', to: '2026-11-30', timeZone: 'UTC', accountId: w.B.accountId }),
    expect: { admin: 'ok', lead: 'forbidden', agent: 'forbidden' },
  },
  {
    cmd: 'reports:conversations',
    scope: 'other-account',
    args: () => ({ from: '2026-11-01', to: '2026-11-30', timeZone: 'UTC', accountId: w.B.accountId }),
    expect: { admin: 'ok', lead: 'forbidden', agent: 'forbidden' },
  },
  // REST API keys: admins only, on every number or restricted to some.
  { cmd: 'apiKey:list', scope: 'own', args: () => ({}), expect: only(['admin']) },
  {
    cmd: 'apiKey:create',
    scope: 'own',
    args: () => ({ name: 'CRM', scopes: ['chats:read'], accountIds: [w.A.accountId] }),
    expect: only(['admin']),
  },
  {
    cmd: 'apiKey:create',
    scope: 'other-workspace',
    args: () => ({ name: 'CRM', scopes: ['chats:read'], accountIds: ['ghost-account'] }),
    expect: { admin: 'not_found', lead: 'forbidden', agent: 'forbidden' },
  },
  {
    cmd: 'apiKey:revoke',
    scope: 'own',
    args: async () => {
      const created = await must(w.adminSocket, 'apiKey:create', { name: 'to revoke', scopes: ['chats:read'] });
      return { id: created.key.id };
    },
    expect: only(['admin']),
  },
  {
    cmd: 'apiKey:revoke',
    scope: 'other-workspace',
    args: () => ({ id: randomUUID() }),
    expect: { admin: 'not_found', lead: 'forbidden', agent: 'forbidden' },
  },
];
