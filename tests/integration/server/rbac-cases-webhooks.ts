/**
 * RBAC rows of the webhook commands: admins only (capability webhooks.manage). The world's
 * server runs without its webhook worker (rbac-world.ts), so the literal public address
 * below is saved but never called.
 */
import { must } from './harness';
import type { Case } from './rbac-world';
import { only, w } from './rbac-world';

const URL = 'https://93.184.216.34/hook';
const webhook = async () => (await must(w.adminSocket, 'webhook:create', { url: URL, events: ['note.added'] })).webhook;

/** A logged delivery to redeliver: written as the worker would have written it. */
async function delivery(): Promise<number> {
  const { id } = await webhook();
  const [res] = (await w.stack.node.app.database.raw.query(
    `insert into webhook_deliveries (endpoint_id, event_id, event_type, chat_key, payload, status, attempts, next_attempt_at, created_at)
     values (?, ?, 'note.added', '', '{}', 'delivered', 1, 0, 0)`,
    [id, crypto.randomUUID()],
  )) as unknown as [{ insertId: number }];
  // Disabled so nothing picks the redelivery up.
  await must(w.adminSocket, 'webhook:update', { id, enabled: false });
  return res.insertId;
}

export const webhookCases: Case[] = [
  { cmd: 'webhook:list', scope: 'own', args: () => ({}), expect: only(['admin']) },
  {
    cmd: 'webhook:create',
    scope: 'own',
    args: () => ({ url: URL, events: ['message.received', 'chat.assigned'] }),
    expect: only(['admin']),
  },
  {
    cmd: 'webhook:update',
    scope: 'own',
    args: async () => ({ id: (await webhook()).id, enabled: false }),
    expect: only(['admin']),
  },
  { cmd: 'webhook:delete', scope: 'own', args: async () => ({ id: (await webhook()).id }), expect: only(['admin']) },
  {
    cmd: 'webhook:deliveries',
    scope: 'own',
    args: async () => ({ id: (await webhook()).id }),
    expect: only(['admin']),
  },
  {
    cmd: 'webhook:redeliver',
    scope: 'own',
    args: async () => ({ deliveryId: await delivery() }),
    expect: only(['admin']),
  },
];
