/**
 * @mentions in a message body: WhatsApp writes a mention as `@` + the person's user id
 * (`@6281234567890`, or a lid's digits) and lists who is meant beside the text. The inbox
 * shows the person instead: their name from the contacts, else their formatted number, and
 * for a lid whose phone is unknown, "hidden number"; our own number reads "You".
 */
import type { Mention } from '../../../common/domain';
import { formatPhone } from './text';

export type MentionLabels = { readonly you: string; readonly hiddenNumber: string };

export type MentionSegment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'mention'; readonly text: string; readonly jid: string };

/** What each mention token in the body (`@<user>`) is shown as, with its jid. */
export type MentionDisplay = ReadonlyMap<string, { readonly text: string; readonly jid: string }>;

export function mentionDisplay(
  mentions: readonly Mention[] | undefined,
  ownPhone: string | null,
  labels: MentionLabels,
): MentionDisplay {
  const out = new Map<string, { text: string; jid: string }>();
  for (const m of mentions ?? []) {
    const user = m.jid.split('@')[0] ?? '';
    if (!/^\d{1,24}$/.test(user)) continue;
    const isLid = m.jid.endsWith('@lid');
    const phone = m.phone ?? (isLid ? null : user);
    const label =
      ownPhone !== null && phone === ownPhone
        ? labels.you
        : (m.name?.trim() ?? '') || (phone ? formatPhone(phone) : labels.hiddenNumber);
    out.set(`@${user}`, { text: `@${label}`, jid: m.jid });
  }
  return out;
}

/**
 * The text cut at each mention token of `display`. A token only counts when no digit
 * follows it (`@62812` is not inside `@628123`).
 */
export function splitMentions(text: string, display: MentionDisplay): MentionSegment[] {
  if (display.size === 0 || !text.includes('@')) return [{ kind: 'text', text }];
  // Longest first, so one id that starts another cannot take its place.
  const tokens = [...display.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(${tokens.join('|')})(?!\\d)`, 'g');
  const out: MentionSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const shown = display.get(match[0]);
    if (!shown || match.index === undefined) continue;
    if (match.index > last) out.push({ kind: 'text', text: text.slice(last, match.index) });
    out.push({ kind: 'mention', text: shown.text, jid: shown.jid });
    last = match.index + match[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

/**
 * The text with each mention shown as the person, as plain text: the chat list's preview
 * names people as the bubble does, without the bubble's bold.
 */
export function textWithMentions(
  text: string,
  mentions: readonly Mention[] | undefined,
  ownPhone: string | null,
  labels: MentionLabels,
): string {
  if (!mentions || mentions.length === 0) return text;
  return splitMentions(text, mentionDisplay(mentions, ownPhone, labels))
    .map(part => part.text)
    .join('');
}
