/** Pure parts of two-step sign-in in the renderer: which phrase answers which refusal. */
import type { ReplyError } from '../../../../../common/result';
import type { MfaMessageKey } from '../../../i18n/mfa.en';

/** The server's details.reason, when it sent one (docs/protocol.md, "Two-step sign-in"). */
export function reasonOf(error: ReplyError): string | null {
  const d = error.details;
  if (typeof d !== 'object' || d === null || !('reason' in d)) return null;
  const r = (d as { reason: unknown }).reason;
  return typeof r === 'string' ? r : null;
}

/** A sign-in refusal that is about the second factor, as the phrase the form shows; null for any other. */
export function signInCodePhrase(error: ReplyError): MfaMessageKey | null {
  const reason = reasonOf(error);
  if (reason === 'mfa_required') return 'mfa.signIn.asked';
  if (reason === 'mfa_invalid') return 'mfa.signIn.invalid';
  if (reason === 'mfa_key_missing') return 'mfa.error.keyMissing';
  return null;
}

/** An enrolment refusal as a phrase; null means "show the server's words". */
export function enrolErrorPhrase(error: ReplyError): MfaMessageKey | null {
  const reason = reasonOf(error);
  if (reason === 'mfa_invalid') return 'mfa.error.invalid';
  if (reason === 'mfa_key_missing') return 'mfa.error.keyMissing';
  if (reason === 'mfa_not_enrolled') return 'mfa.policy.enrolFirst';
  if (error.code === 'unavailable' || error.code === 'timeout') return 'mfa.error.offline';
  return null;
}
