/**
 * Each node runs one webhook worker: it turns new log facts into queued deliveries
 * (scanPage, serialised across nodes by the cursor row's lock), claims the due deliveries
 * that head their chat's queue (claimDue, SKIP LOCKED: one node per row), sends them in
 * parallel, and records each attempt. A failed attempt is retried after the back-off; an
 * endpoint failing too long is disabled and its admins told (onDisabled).
 */
import { decryptSecret } from '../auth/mfa-crypto';
import type { Database } from '../db/index';
import type { AttemptResult, Claimed } from '../db/repositories/webhook-queue';
import {
  claimHeads,
  dueHeads,
  scanNeeded,
  recordAttempts,
  recordEndpointOutcome,
  scanPage,
} from '../db/repositories/webhook-queue';
import type { ServerLog } from '../log';
import type { WebhookOptions } from './options';
import { nextAttemptAt } from './options';
import type { SendOutcome } from './send';
import { createAgents, sendOnce } from './send';
import { startWorkLoop } from '../work-loop';

export type WebhookWorker = {
  /** Something committed: look for work now rather than at the next poll. */
  kick(): void;
  /** Scans and sends until nothing is due (tests and the benchmark wait on it). */
  idle(): Promise<void>;
  stop(): Promise<void>;
};

export type WorkerDeps = {
  readonly database: Database;
  readonly log: ServerLog;
  readonly key: Buffer | null;
  readonly options: WebhookOptions;
  /** The endpoint just turned off for failing: audit and tell admins (once, on the node that did it). */
  onDisabled(endpoint: { id: string; url: string }): Promise<void>;
};

/** Attempt outcomes per endpoint, in order: did any succeed, how many failed after the last success. */
function outcomesByEndpoint(done: ReadonlyArray<{ claim: Claimed; outcome: SendOutcome }>) {
  const out = new Map<string, { reset: boolean; failures: number }>();
  for (const { claim, outcome } of done) {
    const o = out.get(claim.endpointId) ?? { reset: false, failures: 0 };
    out.set(claim.endpointId, outcome.ok ? { reset: true, failures: 0 } : { ...o, failures: o.failures + 1 });
  }
  return out;
}

export function startWebhookWorker(deps: WorkerDeps): WebhookWorker {
  const { database, options, log } = deps;
  const policy = { allowPrivate: options.allowPrivateNetworks };
  const agents = createAgents(policy, options.concurrency);

  async function scanAll(): Promise<number> {
    if (!(await scanNeeded(database.raw))) return 0;
    let read = 0;
    for (;;) {
      const n = await database.rawTransaction(tx => scanPage(tx, options.scanPage, options.now()));
      read += n;
      if (n < options.scanPage) return read;
    }
  }

  async function attempt(claim: Claimed): Promise<SendOutcome> {
    const secret = deps.key ? decryptSecret(deps.key, claim.secret) : null;
    // A secret this server cannot read (the key changed) fails like an unreachable endpoint.
    if (!secret) return { ok: false, status: null, latencyMs: 0, error: 'network' };
    return sendOnce(
      {
        url: claim.url,
        secret: secret.toString('utf8'),
        body: claim.payload,
        eventId: claim.eventId,
        eventType: claim.eventType,
        nowMs: options.now(),
        timeoutMs: options.timeoutMs,
        policy,
      },
      agents,
    );
  }

  function resultOf(claim: Claimed, outcome: SendOutcome, at: number): AttemptResult {
    const last = claim.attempt >= options.maxAttempts;
    const status = outcome.ok ? 'delivered' : last ? 'failed' : 'pending';
    return {
      id: claim.id,
      at,
      status,
      nextAttemptAt: status === 'pending' ? nextAttemptAt(options, claim.attempt, at) : at,
      responseCode: outcome.status,
      latencyMs: outcome.latencyMs,
      error: outcome.ok ? null : outcome.error,
    };
  }

  async function afterBatch(done: ReadonlyArray<{ claim: Claimed; outcome: SendOutcome }>): Promise<void> {
    const now = options.now();
    for (const [id, outcome] of outcomesByEndpoint(done)) {
      const state = await recordEndpointOutcome(database.raw, id, outcome, now);
      if (!state?.enabled || state.failures === 0) continue;
      const tooMany = state.failures >= options.disableAfterFailures;
      const tooLong = state.failingSince !== null && now - state.failingSince >= options.disableAfterMs;
      if (tooMany || tooLong) await deps.onDisabled({ id, url: state.url });
    }
  }

  /**
   * Two lanes claim and send at once, so one lane's database round trips overlap the other's
   * requests. A leased head hides its chat's later rows from both (per-chat order holds).
   */
  /**
   * The due heads, split between two lanes that claim, send and record at once, so one
   * lane's database round trips overlap the other's requests.
   */
  async function sendDue(): Promise<number> {
    const now = options.now();
    const heads = await dueHeads(database.raw, now, options.concurrency);
    if (heads.length === 0) return 0;
    const half = Math.ceil(heads.length / 2);
    const lanes = await Promise.all([sendLane(heads.slice(0, half), now), sendLane(heads.slice(half), now)]);
    return lanes[0] + lanes[1];
  }

  async function sendLane(heads: readonly number[], now: number): Promise<number> {
    // The lease outlasts the attempt's timeout; past it, another node may try the row again.
    const leaseUntil = now + options.timeoutMs + 30_000;
    const claimed = await claimHeads(fn => database.rawTransaction(fn), heads, now, leaseUntil);
    if (claimed.length === 0) return 0;
    const done = await Promise.all(
      claimed.map(async claim => ({ claim, outcome: await attempt(claim), at: options.now() })),
    );
    // One statement for the lane's results: on a durable database each commit is a disk flush.
    await recordAttempts(
      database.raw,
      done.map(d => resultOf(d.claim, d.outcome, d.at)),
    );
    await afterBatch(done);
    return claimed.length;
  }

  // The loop (kick, poll, idle) is the one every server worker uses (work-loop.ts).
  const loop = options.enabled
    ? startWorkLoop({
        name: 'webhooks',
        pollMs: options.pollMs,
        log,
        round: async () => (await scanAll()) + (await sendDue()),
      })
    : null;
  return {
    kick: () => loop?.kick(),
    idle: () => loop?.idle() ?? Promise.resolve(),
    async stop() {
      await loop?.stop();
      agents.destroy();
    },
  };
}
