/**
 * Drains cloud_webhook_inbox: each verified body becomes ingest batches (common/cloud/
 * to-ingest.ts) stored through the same path as a host device's push, so Meta's retries
 * and duplicates change nothing the second time and statuses only move forward. A status
 * for a message not stored yet (Meta may report it before Graph answered our send) waits
 * and is tried again; a body that is not a webhook is kept as failed with a code.
 */
import { webhookToIngest } from '../../../common/cloud/to-ingest';
import type { WebhookEvents } from '../../../common/cloud/webhook-events';
import { hasEvents, webhookEvents } from '../../../common/cloud/webhook-events';
import { cloudAccountId } from '../../../common/cloud/ids';
import { ingestBatchSchema } from '../../../common/ingest';
import type { IngestBatch, IngestBatchInput } from '../../../common/ingest';
import type { CloudIngest } from '../../../common/cloud/to-ingest';
import type { InboxRow } from '../db/repositories/cloud';
import { claimInbox, finishInbox, listCloudNumbers, storedMessageIds } from '../db/repositories/cloud';
import type { Services } from '../handlers/context';
import { commitRaw } from '../handlers/context';
import { storeBatch } from '../handlers/push-store';
import { fetchInboundMedia } from './inbound-media';
import { applyWebhookEvents } from './webhook-events';
import type { WorkLoop } from '../work-loop';
import { startWorkLoop } from '../work-loop';

export type InboxOptions = {
  readonly pollMs: number;
  /** How often a status waits for its message before it is given up (back-off doubles each time). */
  readonly statusWaits: number;
  readonly now: () => number;
};

/** The device id facts from a Cloud number carry as their origin: no device has it. */
export const CLOUD_ORIGIN = 'cloud-api';
/**
 * Bodies claimed per round: one transaction per number stores them all. The worker shares
 * the event loop with the webhook's acks, and a round's synchronous work (parsing the
 * bodies, building the statements, encoding the facts) holds it: rounds of 50 bodies
 * (1,000 messages) held it long enough to show in the acks' p99; 10 keep each hold short.
 */
const BATCH = 10;
const LEASE_MS = 60_000;

type Outcome = { status: 'done' | 'failed' | 'pending'; error: string | null; retryInMs?: number };

async function statusesWaiting(services: Services, batch: IngestBatch): Promise<boolean> {
  const own = new Set(batch.messages.map(m => m.providerMessageId));
  const byAccount = new Map<string, string[]>();
  for (const a of batch.acks) {
    if (own.has(a.providerMessageId)) continue;
    byAccount.set(a.accountId, [...(byAccount.get(a.accountId) ?? []), a.providerMessageId]);
  }
  for (const [accountId, ids] of byAccount) {
    const known = await storedMessageIds(services.database.raw, accountId, ids);
    if (ids.some(id => !known.has(id))) return true;
  }
  return false;
}

type Parsed = { row: InboxRow; ingest: CloudIngest; events: WebhookEvents };

/** Reads a stored body; a failed outcome when it is not a webhook at all. */
function parseRow(row: InboxRow, hosted: ReadonlySet<string>): Parsed | Outcome {
  let body: unknown;
  try {
    body = JSON.parse(row.body);
  } catch {
    return { status: 'failed', error: 'not_json' };
  }
  const ingest = webhookToIngest(body, hosted);
  return ingest ? { row, ingest, events: webhookEvents(body) } : { status: 'failed', error: 'not_a_webhook' };
}

const LISTS = ['contacts', 'chats', 'messages', 'acks', 'revokes', 'edits', 'reactions'] as const;

/** The bodies' batches for one number as one batch: one transaction (one disk flush) for many bodies. */
function merged(inputs: readonly IngestBatchInput[]): IngestBatchInput {
  const out: Record<string, unknown[]> = {};
  for (const key of LISTS) out[key] = inputs.flatMap(i => [...(i[key] ?? [])]);
  return out as IngestBatchInput;
}

/**
 * Stores one number's share of the claimed bodies. Statuses for messages not stored yet
 * keep every body of the group waiting (re-storing them is idempotent).
 */
async function storeGroup(
  services: Services,
  phoneNumberId: string,
  parts: readonly Parsed[],
  kickSends: () => void,
): Promise<'done' | 'waiting' | 'too_many'> {
  const accountId = cloudAccountId(phoneNumberId);
  const parsed = ingestBatchSchema.safeParse(merged(parts.map(p => p.ingest.batches.get(phoneNumberId) ?? {})));
  if (!parsed.success) {
    // Too many items for one batch together: halves, down to the body that is too big itself.
    if (parts.length === 1) return 'too_many';
    const half = Math.ceil(parts.length / 2);
    const a = await storeGroup(services, phoneNumberId, parts.slice(0, half), kickSends);
    const b = await storeGroup(services, phoneNumberId, parts.slice(half), kickSends);
    return a === 'too_many' || b === 'too_many' ? 'too_many' : a === 'waiting' || b === 'waiting' ? 'waiting' : 'done';
  }
  const waiting = await statusesWaiting(services, parsed.data);
  const mediaIds = new Map<string, string>();
  for (const p of parts) for (const [k, v] of p.ingest.mediaIds.get(phoneNumberId) ?? []) mediaIds.set(k, v);
  const batch = await fetchInboundMedia(services, accountId, parsed.data, mediaIds);
  const { value: stored } = await commitRaw(
    services,
    (tx, emit) => storeBatch(services, tx, emit, batch, CLOUD_ORIGIN),
    { awaitDelivery: false },
  );
  if (stored.sends.length) kickSends();
  if (stored.jobs) services.automationJobs.kick();
  return waiting ? 'waiting' : 'done';
}

/** A row's outcome from its groups' results: a failure wins, then waiting, then done. */
function outcomeOf(
  p: Parsed,
  results: readonly ('done' | 'waiting' | 'too_many' | 'error')[],
  opts: InboxOptions,
): Outcome {
  const { row, ingest } = p;
  if (results.includes('too_many')) return { status: 'failed', error: 'too_many_items' };
  if (results.includes('error'))
    // The database said no (deadlock, restart): the body stays and is tried again.
    return row.attempts < 10
      ? { status: 'pending', error: 'store_failed', retryInMs: 1000 * 2 ** row.attempts }
      : { status: 'failed', error: 'store_failed' };
  const waiting = results.includes('waiting');
  if (waiting && row.attempts <= opts.statusWaits)
    return { status: 'pending', error: 'status_waits_for_message', retryInMs: 1000 * 2 ** (row.attempts - 1) };
  const error = waiting
    ? 'status_for_unknown_message'
    : ingest.rejected > 0
      ? `rejected_items:${ingest.rejected}`
      : p.events.ignored > 0
        ? // Fields Blazz does not read (docs/cloud-api.md): handled by being ignored, never failed.
          `ignored_fields:${p.events.ignored}`
        : null;
  return { status: 'done', error };
}

async function storeRows(
  services: Services,
  rows: readonly InboxRow[],
  opts: InboxOptions,
  kickSends: () => void,
): Promise<Map<number, Outcome>> {
  const hosted = new Set((await listCloudNumbers(services.db)).map(n => n.phoneNumberId));
  const outcomes = new Map<number, Outcome>();
  const groups = new Map<string, Parsed[]>();
  const parsedRows: Parsed[] = [];
  for (const row of rows) {
    const p = parseRow(row, hosted);
    if (!('ingest' in p)) {
      outcomes.set(row.id, p);
      continue;
    }
    parsedRows.push(p);
    for (const phoneNumberId of p.ingest.batches.keys())
      groups.set(phoneNumberId, [...(groups.get(phoneNumberId) ?? []), p]);
  }
  const results = new Map<number, Array<'done' | 'waiting' | 'too_many' | 'error'>>();
  for (const [phoneNumberId, parts] of groups) {
    let result: 'done' | 'waiting' | 'too_many' | 'error';
    try {
      result = await storeGroup(services, phoneNumberId, parts, kickSends);
    } catch (err) {
      services.log.warn({ err, phoneNumberId }, 'cloud webhook bodies not stored yet');
      result = 'error';
    }
    for (const p of parts) results.set(p.row.id, [...(results.get(p.row.id) ?? []), result]);
  }
  for (const p of parsedRows) {
    if (hasEvents(p.events)) {
      try {
        await applyWebhookEvents(services, p.events, opts.now());
      } catch (err) {
        services.log.warn({ err }, 'cloud webhook events not applied yet');
        results.set(p.row.id, [...(results.get(p.row.id) ?? []), 'error']);
      }
    }
    outcomes.set(p.row.id, outcomeOf(p, results.get(p.row.id) ?? [], opts));
  }
  return outcomes;
}

export function startInboxWorker(services: Services, opts: InboxOptions, kickSends: () => void): WorkLoop {
  const raw = services.database.raw;
  return startWorkLoop({
    name: 'cloud-inbox',
    pollMs: opts.pollMs,
    log: services.log,
    async round() {
      const now = opts.now();
      const rows = await claimInbox(raw, now, now + LEASE_MS, BATCH);
      if (rows.length === 0) return 0;
      const outcomes = await storeRows(services, rows, opts, kickSends);
      const finished = opts.now();
      await finishInbox(
        services.database,
        rows.map(row => {
          const outcome = outcomes.get(row.id) ?? { status: 'pending', error: 'store_failed', retryInMs: 1000 };
          return {
            id: row.id,
            status: outcome.status,
            error: outcome.error,
            nextAttemptAt: finished + (outcome.retryInMs ?? 0),
          };
        }),
      );
      return rows.length;
    },
  });
}
