/**
 * RBAC rows of the Cloud API number commands: admins only (capability accounts.manage).
 * The world's Graph address is a closed port, so an admin's add is refused by the network
 * (`unavailable`) after the permission check every other role fails.
 */
import { must } from './harness';
import type { Case } from './rbac-world';
import { all, only, w } from './rbac-world';

const react = (chatId: string) => () => ({
  clientReactionId: crypto.randomUUID(),
  chatId,
  providerMessageId: 'm1',
  emoji: '👍',
});

const add = {
  name: 'Support',
  phoneNumberId: '106540352242922',
  wabaId: '102290129340398',
  accessToken: 'EAAG' + 'x'.repeat(40),
  appSecret: 'a'.repeat(32),
  verifyToken: 'verify-me-please',
};

export const cloudCases: Case[] = [
  { cmd: 'cloud:list', scope: 'own', args: () => ({}), expect: only(['admin']) },
  { cmd: 'cloud:add', scope: 'own', args: () => add, expect: { ...only([]), admin: 'unavailable' } },
  {
    cmd: 'cloud:remove',
    scope: 'other-workspace',
    args: () => ({ accountId: 'meta_1' }),
    expect: { ...only([]), admin: 'not_found' },
  },
  // No Cloud number in the world: members of none, every role is told there is none.
  { cmd: 'cloud:templates', scope: 'other-workspace', args: () => ({ accountId: 'meta_1' }), expect: all('not_found') },
  {
    cmd: 'cloud:send-template',
    scope: 'other-workspace',
    args: () => ({
      chatId: 'meta_1:6281234567890@c.us',
      clientMessageId: crypto.randomUUID(),
      name: 'order_update',
      language: 'id',
      parameters: [],
    }),
    expect: all('not_found'),
  },
  // Reactions: permission as message:send (who may see the chat); relayed to number A's host.
  { cmd: 'message:react', scope: 'own', args: () => react(w.A.chatId)(), expect: all('ok') },
  {
    cmd: 'message:react',
    scope: 'other-account',
    args: () => react(w.B.chatId)(),
    expect: only(['admin'], 'not_found'),
  },
  {
    cmd: 'message:react',
    scope: 'other-workspace',
    args: react('meta_1:6281234567890@c.us'),
    expect: all('not_found'),
  },
  // Only the number's host reports; none of the three members' devices hosts A.
  {
    cmd: 'reaction:report',
    scope: 'own',
    args: async () => {
      const r = await must(w.adminSocket, 'message:react', react(w.A.chatId)());
      return { clientReactionId: r.clientReactionId, status: 'sent' };
    },
    expect: all('forbidden'),
  },
  { cmd: 'reaction:pending', scope: 'own', args: () => ({}), expect: all('ok') },
  // Read receipts: permission as reading the chat; a number's setting is the admin's.
  { cmd: 'chat:read', scope: 'own', args: () => ({ chatId: w.A.chatId }), expect: all('ok') },
  {
    cmd: 'chat:read',
    scope: 'other-account',
    args: () => ({ chatId: w.B.chatId }),
    expect: only(['admin'], 'not_found'),
  },
  {
    cmd: 'chat:read',
    scope: 'other-workspace',
    args: () => ({ chatId: 'meta_1:6281234567890@c.us' }),
    expect: all('not_found'),
  },
  {
    cmd: 'account:set-read-receipts',
    scope: 'own',
    args: () => ({ accountId: w.A.accountId, enabled: true }),
    expect: only(['admin']),
  },
  {
    cmd: 'account:set-read-receipts',
    scope: 'other-workspace',
    args: () => ({ accountId: 'meta_1', enabled: false }),
    expect: { ...only([]), admin: 'not_found' },
  },
];
