/**
 * Every timer of the accounts runtime, with the defaults. Options, so tests can
 * shrink them; nothing else in main/accounts hard-codes a duration.
 */
export type SupervisorTimings = {
  /** An account that is not ready this long after start (or after a scan) is degraded. */
  readonly readyDeadlineMs: number;
  readonly probeIntervalMs: number;
  /** No pong within this long after a ping means the session hangs. */
  readonly probeTimeoutMs: number;
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
  /** At most this many restarts per window; then the account stays failed and alerts. */
  readonly maxRestartsPerWindow: number;
  readonly restartWindowMs: number;
  /** A number never linked to a phone stops after this many failures in a row and asks. */
  readonly linkTriesBeforeAsking: number;
  /** How long a polite stop may take before the process tree is killed. */
  readonly stopTimeoutMs: number;
  readonly requestTimeoutMs: number;
  /** Resident memory of the whole process tree (Chromium included) above which we recycle. */
  readonly memoryBudgetBytes: number;
  readonly memorySampleMs: number;
  /** A recycle waits until the account has had no traffic for this long. */
  readonly quietMs: number;
};

export const defaultTimings: SupervisorTimings = {
  readyDeadlineMs: 120_000,
  probeIntervalMs: 30_000,
  probeTimeoutMs: 20_000,
  backoffBaseMs: 2_000,
  backoffMaxMs: 5 * 60_000,
  maxRestartsPerWindow: 12,
  restartWindowMs: 60 * 60_000,
  linkTriesBeforeAsking: 3,
  stopTimeoutMs: 10_000,
  requestTimeoutMs: 60_000,
  memoryBudgetBytes: Math.round(1.2 * 1024 ** 3),
  memorySampleMs: 15_000,
  quietMs: 30_000,
};

/** Time, injectable so watchdog and backoff tests need not wait for real minutes. */
export type Clock = {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return t;
  },
  clearTimeout: handle => clearTimeout(handle as NodeJS.Timeout),
};
