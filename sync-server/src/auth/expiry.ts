/**
 * When a session ends by itself: unused for `idleMs` (measured from its last_seen_at) or
 * older than `maxMs` (from its sign-in), whichever comes first. Checked on the handshake,
 * on HTTP bearer routes and on every command; see docs/server.md "Sessions".
 */
const DAY_MS = 24 * 60 * 60 * 1000;
/** last_seen_at is written at most this often while a device is active (no write per command). */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export type SessionPolicy = {
  readonly idleMs: number;
  readonly maxMs: number;
  /** The clock every expiry decision reads; tests move it instead of waiting. */
  readonly now: () => number;
};

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 30 * DAY_MS, maxMs: 90 * DAY_MS, now: () => Date.now() };

export const daysToMs = (days: number): number => Math.round(days * DAY_MS);

export function isExpired(policy: SessionPolicy, s: { createdAt: number; lastSeenAt: number }): boolean {
  const now = policy.now();
  return now - s.lastSeenAt >= policy.idleMs || now - s.createdAt >= policy.maxMs;
}

/**
 * Whether last_seen_at is stale enough to write again. A short idle limit (tests, strict
 * deployments) shortens the interval so an active device never idles out between writes.
 */
export function needsTouch(policy: SessionPolicy, lastSeenAt: number): boolean {
  return policy.now() - lastSeenAt >= Math.min(TOUCH_EVERY_MS, policy.idleMs / 4);
}
