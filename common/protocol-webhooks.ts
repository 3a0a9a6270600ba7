/**
 * Outgoing webhooks on the sync protocol (admins only, capability `webhooks.manage`):
 * endpoints that receive signed POSTs for workspace events, and their delivery log.
 * Registered in protocol.ts and reply-schemas.ts; described in docs/protocol.md,
 * "Outgoing webhooks", and docs/webhooks.md (events, payloads, signature, retries).
 */
import { z } from 'zod';
import type { Reply } from './result';

/** The events an endpoint may subscribe to; the `type` of each payload. */
export const WEBHOOK_EVENT_TYPES = [
  'message.received',
  'message.status',
  'chat.assigned',
  'chat.status_changed',
  'note.added',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
export const webhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);

/** Why the server turned an endpoint off by itself; an admin's own switch leaves it null. */
export const WEBHOOK_DISABLED_REASONS = ['failing'] as const;
export type WebhookDisabledReason = (typeof WEBHOOK_DISABLED_REASONS)[number];

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export type WireWebhook = {
  id: string;
  url: string;
  events: WebhookEventType[];
  enabled: boolean;
  consecutiveFailures: number;
  disabledReason: WebhookDisabledReason | null;
  createdAt: number;
  updatedAt: number;
};

/** `webhook:create` only: the signing secret, shown this once (the server keeps it encrypted). */
export type WireWebhookCreated = { webhook: WireWebhook; secret: string };

export type WireWebhookDelivery = {
  id: number;
  endpointId: string;
  eventId: string;
  eventType: WebhookEventType;
  status: WebhookDeliveryStatus;
  attempts: number;
  createdAt: number;
  lastAttemptAt: number | null;
  nextAttemptAt: number | null;
  responseCode: number | null;
  latencyMs: number | null;
  /** A code (`timeout`, `network`, `http_status`, `refused_address`), never a sentence. */
  error: string | null;
};

/** The fact admins' devices receive (not logged) when the server disables a failing endpoint. */
export type WireWebhookDisabled = { id: string; url: string; reason: WebhookDisabledReason };

/** Endpoint URLs: http(s), no credentials in them, bounded. The server adds the network rule (docs/webhooks.md). */
export const webhookUrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .refine(u => !/^[a-z]+:\/\/[^/]*@/i.test(u), { message: 'no credentials in the URL' });
const eventsSchema = z.array(webhookEventTypeSchema).min(1).max(WEBHOOK_EVENT_TYPES.length);
const uuid = z.uuid();

export const webhookCreateSchema = z.strictObject({ url: webhookUrlSchema, events: eventsSchema });
export const webhookUpdateSchema = z.strictObject({
  id: uuid,
  url: webhookUrlSchema.optional(),
  events: eventsSchema.optional(),
  enabled: z.boolean().optional(),
});
export const webhookIdSchema = z.strictObject({ id: uuid });
export const webhookDeliveriesSchema = z.strictObject({
  id: uuid,
  /** Older than this delivery id (paging back); newest first. */
  before: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export const webhookRedeliverSchema = z.strictObject({ deliveryId: z.number().int().positive() });

type Cmd<T> = (payload: unknown, ack: (reply: Reply<T>) => void) => void;

export interface WebhookCommands {
  'webhook:list': Cmd<WireWebhook[]>;
  'webhook:create': Cmd<WireWebhookCreated>;
  'webhook:update': Cmd<WireWebhook>;
  'webhook:delete': Cmd<{ id: string }>;
  'webhook:deliveries': Cmd<WireWebhookDelivery[]>;
  'webhook:redeliver': Cmd<WireWebhookDelivery>;
}

export const WEBHOOK_COMMAND_SCHEMAS = {
  'webhook:list': z.strictObject({}),
  'webhook:create': webhookCreateSchema,
  'webhook:update': webhookUpdateSchema,
  'webhook:delete': webhookIdSchema,
  'webhook:deliveries': webhookDeliveriesSchema,
  'webhook:redeliver': webhookRedeliverSchema,
} as const;

const wireWebhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(webhookEventTypeSchema),
  enabled: z.boolean(),
  consecutiveFailures: z.number().int(),
  disabledReason: z.enum(WEBHOOK_DISABLED_REASONS).nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
const wireDeliverySchema = z.object({
  id: z.number().int(),
  endpointId: z.string(),
  eventId: z.string(),
  eventType: webhookEventTypeSchema,
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.number().int(),
  createdAt: z.number().int(),
  lastAttemptAt: z.number().int().nullable(),
  nextAttemptAt: z.number().int().nullable(),
  responseCode: z.number().int().nullable(),
  latencyMs: z.number().int().nullable(),
  error: z.string().nullable(),
});
export const wireWebhookDisabledSchema = z.object({
  id: z.string(),
  url: z.string(),
  reason: z.enum(WEBHOOK_DISABLED_REASONS),
});

export const WEBHOOK_REPLY_SCHEMAS = {
  'webhook:list': z.array(wireWebhookSchema),
  'webhook:create': z.object({ webhook: wireWebhookSchema, secret: z.string() }),
  'webhook:update': wireWebhookSchema,
  'webhook:delete': z.object({ id: z.string() }),
  'webhook:deliveries': z.array(wireDeliverySchema),
  'webhook:redeliver': wireDeliverySchema,
} as const;
