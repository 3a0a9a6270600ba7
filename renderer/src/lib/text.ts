/**
 * Safe text for display. Message bodies and names come from strangers: they are shown as
 * text only, with bidirectional override controls removed so a name cannot reverse the
 * rest of a line ("right-to-left override" spoofing), and with very long bodies cut.
 */

// U+202A–U+202E (embeddings and overrides) and U+2066–U+2069 (isolates).
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export function stripBidi(s: string): string {
  return s.replace(BIDI_CONTROLS, '');
}

/** Display limit for one message body before "Show more". */
export const BODY_PREVIEW_CHARS = 4_000;

/** Cuts `s` to at most `max` characters, never splitting a surrogate pair. */
export function truncate(s: string, max: number): { text: string; cut: boolean } {
  if (s.length <= max) return { text: s, cut: false };
  let end = max;
  const code = s.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return { text: s.slice(0, end), cut: true };
}

/** Up to two initials for an avatar. */
export function initialsOf(name: string): string {
  const words = stripBidi(name)
    .trim()
    .split(/\s+/u)
    .filter(w => /[\p{L}\p{N}]/u.test(w));
  const first = words[0] ? Array.from(words[0])[0] : undefined;
  const second = words.length > 1 ? Array.from(words[words.length - 1] ?? '')[0] : undefined;
  return ((first ?? '#') + (second ?? '')).toUpperCase();
}

/**
 * A stable colour for a group member's name: one of eight theme variables (styles.css
 * --sender-0…7), each readable (AA, 4.5:1) on an incoming bubble of its theme.
 */
export const SENDER_COLOR_COUNT = 8;

export function senderColor(key: string): string {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) >>> 0;
  return `var(--sender-${h % SENDER_COLOR_COUNT})`;
}

/** Phone digits as "+62 812 3456 789"-ish, for display only. */
export function formatPhone(digits: string | null): string {
  if (!digits) return '';
  const d = digits.replace(/\D/g, '');
  return d.length > 4 ? `+${d.slice(0, 2)} ${d.slice(2, 5)} ${d.slice(5, 9)} ${d.slice(9)}`.trim() : `+${d}`;
}
