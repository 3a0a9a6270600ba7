/** Pure rules of the security screens: checked before anything is sent, and refusals worded by code. */
import { MIN_PASSWORD_CHARS } from '../../../../common/limits';
import type { ReplyError } from '../../../../common/result';
import type { SecurityMessageKey } from '../../i18n/security.en';

export type SecurityPhrase = { readonly key: SecurityMessageKey; readonly vars?: Record<string, string | number> };

/** What is wrong with a new password before the server is asked, or null. */
export function newPasswordProblem(p: {
  readonly current?: string;
  readonly next: string;
  readonly confirm: string;
}): SecurityPhrase | null {
  if (p.next.length < MIN_PASSWORD_CHARS) return { key: 'security.password.tooShort' };
  if (p.next !== p.confirm) return { key: 'security.password.mismatch' };
  if (p.current !== undefined && p.next === p.current) return { key: 'security.password.same' };
  return null;
}

const reasonOf = (error: ReplyError): unknown =>
  typeof error.details === 'object' && error.details !== null && 'reason' in error.details
    ? error.details.reason
    : undefined;

export function passwordChangeErrorPhrase(error: ReplyError): SecurityPhrase {
  const reason = reasonOf(error);
  if (reason === 'wrong_password') return { key: 'security.password.wrong' };
  if (reason === 'same_password') return { key: 'security.password.same' };
  if (error.code === 'rate_limited') return { key: 'security.password.rateLimited' };
  return { key: 'security.password.failed', vars: { message: error.message } };
}

/**
 * A refused sign-in that says how long to wait (`rate_limited` with retryAfterSeconds):
 * "try again in …", for a locked account or a spent budget. Null for any other error.
 */
export function signInWaitPhrase(error: ReplyError): SecurityPhrase | null {
  if (error.code === 'unauthenticated' && reasonOf(error) === 'reset_invalid') return { key: 'security.reset.invalid' };
  if (error.code !== 'rate_limited' || typeof error.details !== 'object' || error.details === null) return null;
  const d = error.details as { reason?: unknown; retryAfterSeconds?: unknown };
  if (typeof d.retryAfterSeconds !== 'number' || !(d.retryAfterSeconds > 0)) return null;
  const kind = d.reason === 'locked' ? 'locked' : 'busy';
  const s = Math.ceil(d.retryAfterSeconds);
  return s >= 90
    ? { key: `security.${kind}.minutes`, vars: { n: Math.ceil(s / 60) } }
    : { key: `security.${kind}.seconds`, vars: { n: s } };
}
