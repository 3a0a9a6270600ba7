/**
 * RBAC rows of the Cloud API number commands: admins only (capability accounts.manage).
 * The world's Graph address is a closed port, so an admin's add is refused by the network
 * (`unavailable`) after the permission check every other role fails.
 */
import type { Case } from './rbac-world';
import { all, only } from './rbac-world';

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
];
