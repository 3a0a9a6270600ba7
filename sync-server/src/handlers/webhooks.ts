/**
 * `webhook:*` (admins: capability `webhooks.manage`): endpoints, their secret (returned once
 * by create, kept AES-256-GCM encrypted under the server key), the delivery log and
 * redelivery. Every change is audited. The deliveries themselves: webhooks/worker.ts.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { WebhookEventType } from '../../../common/protocol-webhooks';
import { CommandError } from '../../../common/result';
import { encryptSecret } from '../auth/mfa-crypto';
import {
  deleteEndpoint,
  disableFailing,
  deliveryById,
  endpointById,
  insertEndpoint,
  listDeliveries,
  listEndpoints,
  requeueDelivery,
  toWireWebhook,
  updateEndpoint,
} from '../db/repositories/webhooks';
import { insertAudit } from '../db/repositories/workspace';
import type { AddressPolicy } from '../webhooks/address';
import { targetRefusal } from '../webhooks/address';
import { requireCapability } from './access';
import { rooms } from './rooms';
import type { Caller, Services } from './context';
import type { HandlerTable } from './dispatch';

/** Endpoints one workspace may have: each costs a request per event. */
export const MAX_WEBHOOKS = 20;

type WebhookHandlers = Pick<
  HandlerTable,
  'webhook:list' | 'webhook:create' | 'webhook:update' | 'webhook:delete' | 'webhook:deliveries' | 'webhook:redeliver'
>;

export type WebhookDeps = { readonly policy: AddressPolicy; kick(): void };

async function checkTarget(url: string, policy: AddressPolicy): Promise<void> {
  const refusal = await targetRefusal(new URL(url), policy);
  if (refusal)
    throw new CommandError('invalid_args', 'this URL may not receive webhooks', { reason: 'refused_target', refusal });
}

async function mustExist(services: Services, id: string) {
  const endpoint = await endpointById(services.database.raw, id);
  if (!endpoint) throw new CommandError('not_found', 'no such webhook');
  return endpoint;
}

const sorted = (events: readonly WebhookEventType[]) => [...new Set(events)].sort();

export function webhookHandlers(services: Services, deps: WebhookDeps): WebhookHandlers {
  const raw = services.database.raw;
  const audit = (caller: Caller, action: string, before: unknown, after: unknown) =>
    insertAudit(services.db, {
      memberId: caller.memberId,
      deviceId: caller.sessionId,
      action,
      chatId: null,
      before,
      after,
      at: Date.now(),
    });
  return {
    'webhook:list': async caller => {
      requireCapability(caller, 'webhooks.manage');
      return (await listEndpoints(raw)).map(toWireWebhook);
    },

    'webhook:create': async (caller, args) => {
      requireCapability(caller, 'webhooks.manage');
      const key = services.mfaKey;
      if (!key)
        throw new CommandError('unavailable', 'the server has no key to keep webhook secrets', {
          reason: 'no_server_key',
        });
      await checkTarget(args.url, deps.policy);
      if ((await listEndpoints(raw)).length >= MAX_WEBHOOKS)
        throw new CommandError('conflict', `at most ${MAX_WEBHOOKS} webhooks`, { reason: 'too_many' });
      const secret = `whsec_${randomBytes(32).toString('base64url')}`;
      const id = randomUUID();
      const events = sorted(args.events);
      const now = Date.now();
      await services.db.transaction(async tx => {
        await insertEndpoint(tx, {
          id,
          url: args.url,
          events,
          secret: encryptSecret(key, Buffer.from(secret, 'utf8')),
          createdBy: caller.memberId,
          now,
        });
        await insertAudit(tx, {
          memberId: caller.memberId,
          deviceId: caller.sessionId,
          action: 'webhook.create',
          chatId: null,
          before: null,
          after: { id, url: args.url, events },
          at: now,
        });
      });
      deps.kick();
      const created = await mustExist(services, id);
      return { webhook: toWireWebhook(created), secret };
    },

    'webhook:update': async (caller, args) => {
      requireCapability(caller, 'webhooks.manage');
      const before = await mustExist(services, args.id);
      if (args.url !== undefined) await checkTarget(args.url, deps.policy);
      const patch = { url: args.url, events: args.events && sorted(args.events), enabled: args.enabled };
      await updateEndpoint(services.db, args.id, patch, Date.now());
      const after = await mustExist(services, args.id);
      const view = (e: typeof after) => ({ url: e.url, events: e.events, enabled: e.enabled });
      await audit(caller, 'webhook.update', { id: args.id, ...view(before) }, { id: args.id, ...view(after) });
      deps.kick();
      return toWireWebhook(after);
    },

    'webhook:delete': async (caller, { id }) => {
      requireCapability(caller, 'webhooks.manage');
      const before = await mustExist(services, id);
      await services.db.transaction(async tx => {
        await deleteEndpoint(tx, id);
        await insertAudit(tx, {
          memberId: caller.memberId,
          deviceId: caller.sessionId,
          action: 'webhook.delete',
          chatId: null,
          before: { id, url: before.url, events: before.events },
          after: null,
          at: Date.now(),
        });
      });
      return { id };
    },

    'webhook:deliveries': async (caller, args) => {
      requireCapability(caller, 'webhooks.manage');
      await mustExist(services, args.id);
      return listDeliveries(raw, args.id, args.before, args.limit);
    },

    'webhook:redeliver': async (caller, { deliveryId }) => {
      requireCapability(caller, 'webhooks.manage');
      const original = await deliveryById(raw, deliveryId);
      if (!original) throw new CommandError('not_found', 'no such delivery');
      const now = Date.now();
      const newId = await services.db.transaction(async tx => {
        const id = await requeueDelivery(tx, deliveryId, now);
        await insertAudit(tx, {
          memberId: caller.memberId,
          deviceId: caller.sessionId,
          action: 'webhook.redeliver',
          chatId: null,
          before: { deliveryId, eventId: original.eventId },
          after: { deliveryId: id, endpointId: original.endpointId },
          at: now,
        });
        return id;
      });
      const fresh = newId === null ? null : await deliveryById(raw, newId);
      if (!fresh) throw new CommandError('not_found', 'no such delivery');
      deps.kick();
      return fresh;
    },
  };
}

/**
 * The worker found an endpoint failing too long: turn it off (once, whichever node gets
 * there first), audit it as the server's doing, and tell the admins' devices.
 */
export async function disableFailingEndpoint(services: Services, endpoint: { id: string; url: string }): Promise<void> {
  const now = Date.now();
  const disabled = await services.db.transaction(async tx => {
    if (!(await disableFailing(tx, endpoint.id, now))) return false;
    await insertAudit(tx, {
      memberId: null,
      deviceId: null,
      action: 'webhook.disabled',
      chatId: null,
      before: { id: endpoint.id, url: endpoint.url, enabled: true },
      after: { id: endpoint.id, url: endpoint.url, enabled: false, reason: 'failing' },
      at: now,
    });
    return true;
  });
  if (disabled) services.io.to(rooms.admins).emit('webhook:disabled', { ...endpoint, reason: 'failing' });
}
