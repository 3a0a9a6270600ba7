/**
 * Sign-in budgets that slow a stranger without locking the real member out
 * (docs/server.md "Sign-in limits and lockout"):
 * - per IP and per (e-mail, IP), fixed one-minute windows shared by every node;
 * - per e-mail, a back-off after LOCK_AFTER_FAILURES failures in a row that doubles with
 *   each further failure (30 s, 1 min, 2 min, … at most 15 min), which does NOT apply to an
 *   attempt carrying a device key that signed in as that member before.
 */
import { createHash } from 'node:crypto';
import { CommandError } from '../../../common/result';
import type { Db } from '../db/index';
import {
  addFailure,
  backoffOf,
  clearFailures,
  isKnownDevice,
  lockUntil,
  rememberDevice,
} from '../db/repositories/lockout';
import { hitRateLimit } from '../db/repositories/workspace';

export const LOCK_AFTER_FAILURES = 10;
const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 15 * 60_000;
const WINDOW_MS = 60_000;

export type Budgets = { readonly perIpPerMinute: number; readonly perAccountPerMinute: number };

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
export const deviceKeyHash = (key: string): string => sha(`device-key:${key}`);

/** How long the e-mail waits after this many failures in a row (0: not locked). */
export function lockDelayMs(failures: number): number {
  if (failures < LOCK_AFTER_FAILURES) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(20, failures - LOCK_AFTER_FAILURES));
}

const refused = (retryAfterMs: number, locked: boolean) =>
  new CommandError('rate_limited', locked ? 'too many failed sign-ins for this account' : 'too many sign-in attempts', {
    ...(locked ? { reason: 'locked' } : {}),
    retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)),
  });

/** Per IP and per (e-mail, IP): hit before the password is checked, so guessing costs attempts either way. */
export async function spendBudgets(
  db: Db,
  a: { email: string; ip: string },
  budgets: Budgets,
  now: number,
): Promise<void> {
  const byIp = await hitRateLimit(db, `login-ip:${a.ip}`, WINDOW_MS, now);
  // Hashed: an e-mail and an address together may exceed the key column.
  const byPair = await hitRateLimit(db, `login-email-ip:${sha(`${a.email}|${a.ip}`)}`, WINDOW_MS, now);
  if (byIp > budgets.perIpPerMinute || byPair > budgets.perAccountPerMinute)
    throw refused(WINDOW_MS - (now % WINDOW_MS), false);
}

/**
 * Whether this attempt may go on: refused while the e-mail is locked, unless its device key
 * signed in as this member before. Answers whether the attempt is exempt (known device).
 */
export async function checkBackoff(
  db: Db,
  a: { email: string; memberId: string | null; deviceKey: string | undefined },
  now: number,
): Promise<{ exempt: boolean }> {
  const known = a.memberId !== null && a.deviceKey !== undefined;
  if (known && (await isKnownDevice(db, a.memberId!, deviceKeyHash(a.deviceKey!)))) return { exempt: true };
  const { lockedUntil } = await backoffOf(db, a.email);
  if (lockedUntil > now) throw refused(lockedUntil - now, true);
  return { exempt: false };
}

/** A wrong password (or unknown e-mail): one more failure in a row, and the lock it earns. */
export async function recordFailure(db: Db, email: string, now: number): Promise<void> {
  const delay = lockDelayMs(await addFailure(db, email));
  if (delay > 0) await lockUntil(db, email, now + delay);
}

/**
 * A successful sign-in: the device key becomes known for the member. The failures are
 * cleared unless the e-mail is locked and this was a known device slipping past the lock
 * (the stranger behind the lock must not get a fresh start from the member's sign-in).
 */
export async function recordSuccess(
  db: Db,
  a: { email: string; memberId: string; deviceKey: string | undefined; exempt: boolean },
  now: number,
): Promise<void> {
  if (a.deviceKey !== undefined) await rememberDevice(db, a.memberId, deviceKeyHash(a.deviceKey), now);
  const { lockedUntil } = await backoffOf(db, a.email);
  if (!(a.exempt && lockedUntil > now)) await clearFailures(db, a.email);
}
