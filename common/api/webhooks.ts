/**
 * Settings → Webhooks (admins). The core relays each command to the workspace server's
 * `webhook:*` (which checks the caller is an admin); nothing is kept on this device.
 */
import {
  webhookCreateSchema,
  webhookDeliveriesSchema,
  webhookIdSchema,
  webhookRedeliverSchema,
  webhookUpdateSchema,
} from '../protocol-webhooks';
import type { WireWebhook, WireWebhookCreated, WireWebhookDelivery } from '../protocol-webhooks';
import { z } from 'zod';
import { command } from './define';

export type { WireWebhook, WireWebhookCreated, WireWebhookDelivery };

export const webhooksCommands = {
  'webhooks:list': command<readonly WireWebhook[]>()(z.strictObject({})),
  /** The answer carries the signing secret: the only time anyone sees it. */
  'webhooks:create': command<WireWebhookCreated>()(webhookCreateSchema),
  'webhooks:update': command<WireWebhook>()(webhookUpdateSchema),
  'webhooks:delete': command<{ readonly id: string }>()(webhookIdSchema),
  'webhooks:deliveries': command<readonly WireWebhookDelivery[]>()(webhookDeliveriesSchema),
  'webhooks:redeliver': command<WireWebhookDelivery>()(webhookRedeliverSchema),
} as const;
