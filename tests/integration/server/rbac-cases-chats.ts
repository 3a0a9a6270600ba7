/** RBAC rows: sync, accounts, members, settings and chats (assignment, status, tags, notes). */
import { randomUUID } from 'node:crypto';
import { must, NOW } from './harness';
import type { Case } from './rbac-world';
import { all, ghostChat, only, unassigned, versionOf, w } from './rbac-world';

export const chatCases: Case[] = [
  { cmd: 'sync:pull', scope: 'own', args: () => ({ cursor: 0, limit: 10 }), expect: all('ok') },
  {
    cmd: 'sync:push',
    scope: 'own',
    args: () => ({
      messages: [
        {
          accountId: w.A.accountId,
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
    args: () => ({ accountId: w.B.accountId, name: 'Hijack', provider: 'simulator' }),
    expect: only(['admin']),
  },
  {
    cmd: 'account:report-state',
    scope: 'own',
    args: () => ({ accountId: w.A.accountId, state: 'ready' }),
    expect: all('forbidden'),
  },
  { cmd: 'account:list', scope: 'own', args: () => ({}), expect: all('ok') },
  {
    cmd: 'account:add-member',
    scope: 'own',
    args: async () => ({ accountId: w.A.accountId, memberId: (await w.stack.member('agent')).id }),
    expect: only(['admin']),
  },
  {
    cmd: 'account:add-member',
    scope: 'other-workspace',
    args: async () => ({ accountId: 'ghost-account', memberId: (await w.stack.member('agent')).id }),
    expect: { admin: 'not_found', lead: 'forbidden', agent: 'forbidden' },
  },
  {
    cmd: 'account:remove-member',
    scope: 'own',
    args: async () => {
      const m = await w.stack.member('agent');
      await must(w.adminSocket, 'account:add-member', { accountId: w.A.accountId, memberId: m.id });
      return { accountId: w.A.accountId, memberId: m.id };
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
    args: async () => ({ memberId: (await w.stack.member('agent')).id, name: 'Renamed' }),
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
  { cmd: 'chat:get', scope: 'own', args: () => ({ chatId: w.A.chatId }), expect: all('ok') },
  {
    cmd: 'chat:get',
    scope: 'own',
    args: () => ({ chatId: w.assignedToLead }),
    expect: only(['admin', 'lead'], 'not_found'),
  },
  {
    cmd: 'chat:get',
    scope: 'other-account',
    args: () => ({ chatId: w.B.chatId }),
    expect: only(['admin'], 'not_found'),
  },
  { cmd: 'chat:get', scope: 'other-workspace', args: () => ({ chatId: ghostChat }), expect: all('not_found') },
  { cmd: 'chat:list', scope: 'own', args: () => ({ accountId: w.A.accountId }), expect: all('ok') },
  {
    cmd: 'chat:list',
    scope: 'other-account',
    args: () => ({ accountId: w.B.accountId }),
    expect: only(['admin'], 'not_found'),
  },
  {
    cmd: 'chat:assign',
    scope: 'own',
    args: async () => ({ chatId: w.A.chatId, assigneeId: null, version: await unassigned(w.A.chatId) }),
    expect: only(['admin', 'lead']),
  },
  {
    cmd: 'chat:assign',
    scope: 'other-account',
    args: async () => ({ chatId: w.B.chatId, assigneeId: null, version: await versionOf(w.B.chatId) }),
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
    args: async () => ({ chatId: w.A.chatId, version: await unassigned(w.A.chatId) }),
    expect: all('ok'),
  },
  {
    cmd: 'chat:claim',
    scope: 'own',
    args: async () => ({ chatId: w.assignedToLead, version: await versionOf(w.assignedToLead) }),
    expect: { admin: 'conflict', lead: 'ok', agent: 'not_found' },
  },
  {
    cmd: 'chat:claim',
    scope: 'other-account',
    args: async () => ({ chatId: w.B.chatId, version: await unassigned(w.B.chatId) }),
    expect: only(['admin'], 'not_found'),
  },
  {
    cmd: 'chat:set-status',
    scope: 'own',
    args: async () => ({ chatId: w.A.chatId, status: 'pending', version: await unassigned(w.A.chatId) }),
    expect: all('ok'),
  },
  {
    cmd: 'chat:set-status',
    scope: 'other-account',
    args: async () => ({ chatId: w.B.chatId, status: 'resolved', version: await versionOf(w.B.chatId) }),
    expect: only(['admin'], 'not_found'),
  },
  {
    cmd: 'chat:set-tags',
    scope: 'own',
    args: async () => ({ chatId: w.A.chatId, tags: ['vip'], version: await unassigned(w.A.chatId) }),
    expect: all('ok'),
  },
  {
    cmd: 'chat:set-tags',
    scope: 'other-account',
    args: async () => ({ chatId: w.B.chatId, tags: ['x'], version: await versionOf(w.B.chatId) }),
    expect: only(['admin'], 'not_found'),
  },
  // The customer's name and labels: whoever may update the chat (contacts.test.ts: how far it reaches).
  { cmd: 'contact:update', scope: 'own', args: () => ({ chatId: w.A.chatId, labels: ['vip'] }), expect: all('ok') },
  {
    cmd: 'contact:update',
    scope: 'other-account',
    args: () => ({ chatId: w.B.chatId, name: 'x' }),
    expect: only(['admin'], 'not_found'),
  },
  { cmd: 'messages:list', scope: 'own', args: () => ({ chatId: w.A.chatId }), expect: all('ok') },
  {
    cmd: 'messages:list',
    scope: 'other-account',
    args: () => ({ chatId: w.B.chatId }),
    expect: only(['admin'], 'not_found'),
  },
  { cmd: 'note:add', scope: 'own', args: () => ({ chatId: w.A.chatId, body: 'internal' }), expect: all('ok') },
  {
    cmd: 'note:add',
    scope: 'other-account',
    args: () => ({ chatId: w.B.chatId, body: 'internal' }),
    expect: only(['admin'], 'not_found'),
  },
  { cmd: 'typing:set', scope: 'own', args: () => ({ chatId: w.A.chatId, active: true }), expect: all('ok') },
  {
    cmd: 'typing:set',
    scope: 'own',
    args: () => ({ chatId: w.assignedToLead, active: true }),
    expect: only(['admin', 'lead'], 'not_found'),
  },
  {
    cmd: 'typing:set',
    scope: 'other-account',
    args: () => ({ chatId: w.B.chatId, active: true }),
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
      chatId: w.A.chatId,
      assigneeId: null,
      version: await unassigned(w.A.chatId),
      handover: { note: 'over to you', draft: 'Dear customer', summary: 'asks for a refund' },
    }),
    expect: only(['admin', 'lead']),
  },
  {
    cmd: 'chat:assign',
    scope: 'other-account',
    args: async () => ({ chatId: w.B.chatId, assigneeId: null, version: await versionOf(w.B.chatId), handover: {} }),
    expect: { admin: 'ok', lead: 'not_found', agent: 'forbidden' },
  },
];
