/** The webhook worker's knobs; tests shorten the delays and inject the clock. */
export type WebhookOptions = {
  /** Private, loopback and link-local targets, and plain http to them (WEBHOOK_ALLOW_PRIVATE_NETWORKS). */
  readonly allowPrivateNetworks: boolean;
  /** Delay before attempt n+1 after n failed attempts (index n-1); the last repeats. */
  readonly backoffMs: readonly number[];
  /** ± this share of each delay, at random, so failing deliveries do not retry in step. */
  readonly jitter: number;
  /** Attempts before a delivery is marked failed. */
  readonly maxAttempts: number;
  /** Per attempt. */
  readonly timeoutMs: number;
  /** Consecutive failed attempts, or time failing, after which an endpoint is disabled. */
  readonly disableAfterFailures: number;
  readonly disableAfterMs: number;
  /** How often a node looks for work when nothing woke it (other nodes' commits, retries coming due). */
  readonly pollMs: number;
  /** Attempts in flight per node. */
  readonly concurrency: number;
  /** Log rows read per scan transaction. */
  readonly scanPage: number;
  /** Off: the node neither scans nor sends (a node kept for sockets only). */
  readonly enabled: boolean;
  readonly now: () => number;
  readonly random: () => number;
};

export const DEFAULT_WEBHOOK_OPTIONS: WebhookOptions = {
  allowPrivateNetworks: false,
  backoffMs: [10_000, 60_000, 300_000, 1_800_000, 7_200_000, 21_600_000, 43_200_000],
  jitter: 0.2,
  maxAttempts: 8,
  timeoutMs: 10_000,
  disableAfterFailures: 20,
  disableAfterMs: 24 * 3_600_000,
  pollMs: 1_000,
  concurrency: 200,
  scanPage: 500,
  enabled: true,
  now: () => Date.now(),
  random: () => Math.random(),
};

/** When attempt `attempts + 1` may go, after `attempts` failed ones. */
export function nextAttemptAt(o: WebhookOptions, attempts: number, now: number): number {
  const base = o.backoffMs[Math.min(attempts, o.backoffMs.length) - 1] ?? o.backoffMs[0] ?? 10_000;
  const spread = base * o.jitter * (o.random() * 2 - 1);
  return now + Math.max(0, Math.round(base + spread));
}
