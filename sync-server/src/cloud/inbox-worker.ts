/**
 * Drains cloud_webhook_inbox: each verified body becomes ingest batches (common/cloud/
 * to-ingest.ts) stored through the same path as a host device's push, so Meta's retries
 * and duplicates change nothing the second time and statuses only move forward. A status
 * for a message not stored yet (Meta may report it before Graph answered our send) waits
 * and is tried again; a body that is not a webhook is kept as failed with a code.
 */
import { webhookToIngest } from '../../../common/cloud/to-ingest';
import { cloudAccountId } from '../../../common/cloud/ids';
import { ingestBatchSchema } from '../../../common/ingest';
import type { IngestBatch } from '../../../common/ingest';
import type { InboxRow } from '../db/repositories/cloud';
import { claimInbox, finishInbox, listCloudNumbers, storedMessageIds } from '../db/repositories/cloud';
import type { Services } from '../handlers/context';
import { commitRaw } from '../handlers/context';
import { storeBatch } from '../handlers/push-store';
import { fetchInboundMedia } from './inbound-media';
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
const BATCH = 20;
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

async function storeRow(
  services: Services,
  row: InboxRow,
  opts: InboxOptions,
  kickSends: () => void,
): Promise<Outcome> {
  let body: unknown;
  try {
    body = JSON.parse(row.body);
  } catch {
    return { status: 'failed', error: 'not_json' };
  }
  const hosted = new Set((await listCloudNumbers(services.db)).map(n => n.phoneNumberId));
  const ingest = webhookToIngest(body, hosted);
  if (!ingest) return { status: 'failed', error: 'not_a_webhook' };
  let waiting = false;
  for (const [phoneNumberId, input] of ingest.batches) {
    const parsed = ingestBatchSchema.safeParse(input);
    const accountId = cloudAccountId(phoneNumberId);
    if (!parsed.success) return { status: 'failed', error: `too_many_items:${accountId}` };
    if (await statusesWaiting(services, parsed.data)) waiting = true;
    const batch = await fetchInboundMedia(services, accountId, parsed.data, ingest.mediaIds.get(phoneNumberId));
    const { value: automated } = await commitRaw(
      services,
      (tx, emit) => storeBatch(services, tx, emit, batch, CLOUD_ORIGIN),
      { awaitDelivery: false },
    );
    if (automated.length) kickSends();
  }
  if (waiting && row.attempts <= opts.statusWaits)
    return { status: 'pending', error: 'status_waits_for_message', retryInMs: 1000 * 2 ** (row.attempts - 1) };
  const error = waiting
    ? 'status_for_unknown_message'
    : ingest.rejected > 0
      ? `rejected_items:${ingest.rejected}`
      : null;
  return { status: 'done', error };
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
      for (const row of rows) {
        let outcome: Outcome;
        try {
          outcome = await storeRow(services, row, opts, kickSends);
        } catch (err) {
          // The database said no (deadlock, restart): the body stays and is tried again.
          services.log.warn({ err, inboxId: row.id }, 'cloud webhook body not stored yet');
          outcome =
            row.attempts < 10
              ? { status: 'pending', error: 'store_failed', retryInMs: 1000 * 2 ** row.attempts }
              : { status: 'failed', error: 'store_failed' };
        }
        await finishInbox(raw, row.id, {
          status: outcome.status,
          error: outcome.error,
          nextAttemptAt: opts.now() + (outcome.retryInMs ?? 0),
        });
      }
      return rows.length;
    },
  });
}
