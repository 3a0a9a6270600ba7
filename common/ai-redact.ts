/**
 * Redaction of personal data before text leaves the desktop (main/ai) or the workspace
 * server (automation's sentiment request). Pure and deliberately
 * greedy: a redacted price is a small loss, a leaked phone number is not.
 */

export const REDACTED_PHONE = '[phone]';
export const REDACTED_EMAIL = '[email]';
export const REDACTED_NUMBER = '[number]';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

// A run of digits joined by the separators people type in phone numbers: spaces, dots,
// dashes, parentheses. Whether it is a phone is decided by its digit count below.
const PHONE_CANDIDATE = /(?<![\p{L}\p{N}])(?:\+\s?)?\(?\d(?:[\s.\-()]{0,2}\d){6,}\)?(?![\p{L}\p{N}])/gu;

const LONG_DIGITS = /\d{6,}/g;

function looksLikePhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  if (digits.length > 15) return true; // longer than E.164: still an identifier, hide it
  if (candidate.trimStart().startsWith('+')) return digits.length >= 8;
  // 08xx (Indonesia) and other trunk-prefixed national numbers.
  if (digits.startsWith('0')) return digits.length >= 9;
  // Without a prefix, 8-digit dates (2024-11-27) and short codes stay; 62812… goes.
  return digits.length >= 10;
}

/** Replaces phone numbers (+62 812-3456-7890, 0812 3456 7890…), e-mails and runs of ≥ 6 digits. */
export function redact(text: string): string {
  return text
    .replace(EMAIL, REDACTED_EMAIL)
    .replace(PHONE_CANDIDATE, match => {
      return looksLikePhone(match) ? REDACTED_PHONE : match;
    })
    .replace(LONG_DIGITS, REDACTED_NUMBER);
}

export type Redactor = {
  /** Like `redact`, but numbers each replacement ([phone-1]) so `restore` can put it back. */
  redact(text: string): string;
  /** Puts the originals back into the model's answer; the answer is shown only locally. */
  restore(text: string): string;
};

export function createRedactor(): Redactor {
  const originals = new Map<string, string>();
  const counts = { phone: 0, email: 0, number: 0 };
  const token = (kind: keyof typeof counts, original: string): string => {
    for (const [t, o] of originals) if (o === original && t.startsWith(`[${kind}-`)) return t;
    counts[kind] += 1;
    const t = `[${kind}-${counts[kind]}]`;
    originals.set(t, original);
    return t;
  };
  return {
    redact: text =>
      text
        .replace(EMAIL, m => token('email', m))
        .replace(PHONE_CANDIDATE, m => (looksLikePhone(m) ? token('phone', m) : m))
        .replace(LONG_DIGITS, m => token('number', m)),
    restore: text => text.replace(/\[(?:phone|email|number)-\d+\]/g, t => originals.get(t) ?? t),
  };
}
