/**
 * Webhook endpoints and their delivery log, for the admin commands (handlers/webhooks.ts).
 * The queue itself (scanning the event log, claiming, recording attempts) is in
 * webhook-queue.ts. Plain mysql2: small tables, and the queue shares these row mappers.
 */
import type { ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import type {
  WebhookDeliveryStatus,
  WebhookDisabledReason,
  WebhookEventType,
  WireWebhook,
  WireWebhookDelivery,
} from '../../../../common/protocol-webhooks';
import { WEBHOOK_EVENT_TYPES } from '../../../../common/protocol-webhooks';
import { and, eq, sql } from 'drizzle-orm';
import type { Exec, RawExec } from '../index';
import { webhookDeliveries, webhookEndpoints } from '../schema';

const KNOWN_EVENTS = new Set<string>(WEBHOOK_EVENT_TYPES);

export type EndpointRow = WireWebhook & { readonly secret: string; readonly failingSince: number | null };

/** The stored JSON list, keeping only event types this server knows. */
export function eventsOf(text: string): WebhookEventType[] {
  try {
    const list: unknown = JSON.parse(text);
    return Array.isArray(list) ? list.filter((e): e is WebhookEventType => KNOWN_EVENTS.has(String(e))) : [];
  } catch {
    return [];
  }
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function endpointOf(r: RowDataPacket): EndpointRow {
  return {
    id: String(r['id']),
    url: String(r['url']),
    events: eventsOf(String(r['events'])),
    enabled: Boolean(r['enabled']),
    consecutiveFailures: Number(r['consecutive_failures']),
    disabledReason: (r['disabled_reason'] as WebhookDisabledReason | null) ?? null,
    createdAt: Number(r['created_at']),
    updatedAt: Number(r['updated_at']),
    secret: String(r['secret']),
    failingSince: num(r['failing_since']),
  };
}

export function toWireWebhook(e: EndpointRow): WireWebhook {
  return {
    id: e.id,
    url: e.url,
    events: e.events,
    enabled: e.enabled,
    consecutiveFailures: e.consecutiveFailures,
    disabledReason: e.disabledReason,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}

export async function listEndpoints(db: RawExec): Promise<EndpointRow[]> {
  const [rows] = await db.query<RowDataPacket[]>('select * from webhook_endpoints order by created_at, id');
  return rows.map(endpointOf);
}

export async function endpointById(db: RawExec, id: string, lock = false): Promise<EndpointRow | null> {
  const [rows] = await db.query<RowDataPacket[]>(
    `select * from webhook_endpoints where id = ?${lock ? ' for update' : ''}`,
    [id],
  );
  return rows[0] ? endpointOf(rows[0]) : null;
}

export async function insertEndpoint(
  db: Exec,
  e: { id: string; url: string; events: readonly WebhookEventType[]; secret: string; createdBy: string; now: number },
): Promise<void> {
  await db.insert(webhookEndpoints).values({
    id: e.id,
    url: e.url,
    events: JSON.stringify(e.events),
    secret: e.secret,
    enabled: true,
    consecutiveFailures: 0,
    createdBy: e.createdBy,
    createdAt: e.now,
    updatedAt: e.now,
  });
}

/**
 * An admin's change. Turning an endpoint on clears the failure count and the reason the
 * server gave when it turned it off, so it gets a fresh run of attempts.
 */
export async function updateEndpoint(
  db: Exec,
  id: string,
  patch: { url?: string | undefined; events?: readonly WebhookEventType[] | undefined; enabled?: boolean | undefined },
  now: number,
): Promise<void> {
  const revived = patch.enabled === true ? { disabledReason: null, consecutiveFailures: 0, failingSince: null } : {};
  await db
    .update(webhookEndpoints)
    .set({
      updatedAt: now,
      ...(patch.url !== undefined ? { url: patch.url } : {}),
      ...(patch.events !== undefined ? { events: JSON.stringify(patch.events) } : {}),
      ...(patch.enabled !== undefined ? { enabled: patch.enabled, disabledReason: null } : {}),
      ...revived,
    })
    .where(eq(webhookEndpoints.id, id));
  // Turned back on: what waited out a back-off while it was off goes now, not at the next
  // step, and with all its attempts: the failures were the endpoint's, which the admin fixed.
  // (A head that had spent 6 of 8 attempts failed for good after two slow answers.)
  if (patch.enabled === true)
    await db
      .update(webhookDeliveries)
      .set({ nextAttemptAt: now, attempts: 0 })
      .where(and(eq(webhookDeliveries.endpointId, id), eq(webhookDeliveries.status, 'pending')));
}

/** The endpoint and its whole log. */
export async function deleteEndpoint(db: Exec, id: string): Promise<void> {
  await db.delete(webhookDeliveries).where(eq(webhookDeliveries.endpointId, id));
  await db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id));
}

/** Turns a failing endpoint off; true for the one node whose update did it. */
export async function disableFailing(db: Exec, id: string, now: number): Promise<boolean> {
  const [res] = await db
    .update(webhookEndpoints)
    .set({ enabled: false, disabledReason: 'failing', updatedAt: now })
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.enabled, true)));
  return res.affectedRows > 0;
}

export const DELIVERY_COLUMNS = `id, endpoint_id, event_id, event_type, status, attempts, created_at, last_attempt_at,
  next_attempt_at, response_code, latency_ms, error`;

export function deliveryOf(r: RowDataPacket): WireWebhookDelivery {
  const status = String(r['status']) as WebhookDeliveryStatus;
  return {
    id: Number(r['id']),
    endpointId: String(r['endpoint_id']),
    eventId: String(r['event_id']),
    eventType: String(r['event_type']) as WebhookEventType,
    status,
    attempts: Number(r['attempts']),
    createdAt: Number(r['created_at']),
    lastAttemptAt: num(r['last_attempt_at']),
    nextAttemptAt: status === 'pending' ? num(r['next_attempt_at']) : null,
    responseCode: num(r['response_code']),
    latencyMs: num(r['latency_ms']),
    error: (r['error'] as string | null) ?? null,
  };
}

/** Newest first, `before` a delivery id to page back. */
export async function listDeliveries(
  db: RawExec,
  endpointId: string,
  before: number | undefined,
  limit: number,
): Promise<WireWebhookDelivery[]> {
  const [rows] = await db.query<RowDataPacket[]>(
    `select ${DELIVERY_COLUMNS} from webhook_deliveries
     where endpoint_id = ? and id < ? order by id desc limit ?`,
    [endpointId, before ?? Number.MAX_SAFE_INTEGER, limit],
  );
  return rows.map(deliveryOf);
}

export async function deliveryById(db: RawExec, id: number): Promise<WireWebhookDelivery | null> {
  const [rows] = await db.query<RowDataPacket[]>(`select ${DELIVERY_COLUMNS} from webhook_deliveries where id = ?`, [
    id,
  ]);
  return rows[0] ? deliveryOf(rows[0]) : null;
}

/**
 * A new delivery of the same event (same event id and body, so a deduplicating receiver
 * can tell), at the end of its chat's queue. Returns its id.
 */
export async function requeueDelivery(db: Exec, id: number, now: number): Promise<number | null> {
  const [res] = (await db.execute(
    sql`insert into webhook_deliveries (endpoint_id, event_id, event_type, chat_key, payload, status, attempts, next_attempt_at, created_at)
        select endpoint_id, event_id, event_type, chat_key, payload, 'pending', 0, ${now}, ${now} from webhook_deliveries where id = ${id}`,
  )) as unknown as [ResultSetHeader];
  return res.affectedRows > 0 ? res.insertId : null;
}
