/**
 * Sends the read receipts queued for Cloud numbers (chat:read): POST /{phone-number-id}/messages
 * with `status: 'read'` for the chat's last inbound message. A claim leases the row, so two
 * nodes never send one twice at once; a receipt Graph refuses for a passing reason (rate
 * limit, outage) is tried again with a growing delay, and given up after MAX_ATTEMPTS.
 * Once an hour it also prunes settled read receipts and reaction requests a month old.
 */
import { wamidOfProviderId } from '../../../common/cloud/ids';
import { cloudNumberOf } from '../db/repositories/cloud';
import type { ReadReceiptRow } from '../db/repositories/read-receipts';
import { claimReadReceipt, dueReadReceipts, pruneSettled, settleReadReceipt } from '../db/repositories/read-receipts';
import type { Services } from '../handlers/context';
import type { WorkLoop } from '../work-loop';
import { startWorkLoop } from '../work-loop';
import { openNumber } from './secrets';

export type ReadWorkerOptions = { readonly pollMs: number; readonly now: () => number };

export const READ_MAX_ATTEMPTS = 8;
/** How long a claimed receipt is this node's: a Graph request ends (times out) well before. */
const LEASE_MS = 60_000;

/** Settled read receipts and reaction requests are kept this long, then pruned (hourly). */
export const SETTLED_KEEP_MS = 30 * 24 * 3_600_000;
const PRUNE_EVERY_MS = 3_600_000;

/** 1 s, 2 s, 4 s … capped at 5 minutes. */
export const readRetryDelay = (attempts: number): number => Math.min(1_000 * 2 ** Math.max(0, attempts - 1), 300_000);

type Outcome = { state: 'sent' | 'failed' | 'queued'; error: string | null; retryAt?: number };

async function perform(services: Services, r: ReadReceiptRow, attempts: number, now: number): Promise<Outcome> {
  const row = await cloudNumberOf(services.db, r.accountId);
  const number = row ? openNumber(services.mfaKey, row) : null;
  if (!number) return { state: 'failed', error: 'number_unavailable' };
  const done = await services.cloud.graph(number).markRead(wamidOfProviderId(r.providerMessageId));
  if (done.ok) return { state: 'sent', error: null };
  if (done.error.retryable && attempts < READ_MAX_ATTEMPTS)
    return { state: 'queued', error: done.error.code, retryAt: now + readRetryDelay(attempts) };
  return { state: 'failed', error: done.error.code };
}

export function startReadWorker(services: Services, opts: ReadWorkerOptions): WorkLoop {
  let prunedAt = 0;
  return startWorkLoop({
    name: 'cloud-read-receipts',
    pollMs: opts.pollMs,
    log: services.log,
    async round() {
      if (opts.now() - prunedAt >= PRUNE_EVERY_MS) {
        prunedAt = opts.now();
        // Not counted as work: pruning never makes the loop spin.
        await pruneSettled(services.database.raw, prunedAt - SETTLED_KEEP_MS);
      }
      let done = 0;
      for (const r of await dueReadReceipts(services.db, opts.now(), 20)) {
        if (!(await claimReadReceipt(services.db, r, opts.now() + LEASE_MS))) continue;
        const attempts = r.attempts + 1;
        let outcome: Outcome;
        try {
          outcome = await perform(services, r, attempts, opts.now());
        } catch (err) {
          services.log.warn({ err }, 'cloud read receipt failed unexpectedly');
          outcome = { state: 'queued', error: 'unavailable', retryAt: opts.now() + readRetryDelay(attempts) };
        }
        await settleReadReceipt(services.db, r, outcome, opts.now());
        // A retry waits for its time: counting it as work would spin the loop until then.
        if (outcome.state !== 'queued') done++;
      }
      return done;
    },
  });
}
