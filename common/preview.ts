/**
 * What a message looks like in one line, as data: a kind the renderer words in the user's
 * language ('image' → "Photo" / "Foto") and the message's own text. The core stores and
 * sends these codes, never English labels; group notices travel the same way, as a code
 * in a system message's body that the renderer turns into a sentence.
 */
import type { MessageType } from './domain';

/** The message types that get a label of their own, and a deleted message. */
export const PREVIEW_KINDS = [
  'image',
  'video',
  'audio',
  'voice',
  'document',
  'sticker',
  'location',
  'contact_card',
  'poll',
  'ciphertext',
  'system',
  'revoked',
] as const;
export type PreviewKind = (typeof PREVIEW_KINDS)[number];

export const isPreviewKind = (v: unknown): v is PreviewKind =>
  typeof v === 'string' && (PREVIEW_KINDS as readonly string[]).includes(v);

export type PreviewParts = {
  /** Null for plain text: the text alone is the preview. */
  readonly kind: PreviewKind | null;
  /** The body or caption, at most 200 characters; '' when the message has none. */
  readonly text: string;
};

export const PREVIEW_TEXT_MAX = 200;

export function previewParts(m: {
  readonly type: MessageType;
  readonly body: string | null;
  readonly caption: string | null;
  readonly revoked: boolean;
}): PreviewParts {
  if (m.revoked) return { kind: 'revoked', text: '' };
  const text = (m.body ?? m.caption ?? '').slice(0, PREVIEW_TEXT_MAX);
  return { kind: isPreviewKind(m.type) ? m.type : null, text };
}

// ── Group notices ─────────────────────────────────────────────────────────────────────

export const GROUP_NOTICE_KINDS = [
  'add',
  'invite',
  'remove',
  'leave',
  'promote',
  'demote',
  'subject',
  'description',
  'picture',
  'other',
] as const;
export type GroupNoticeKind = (typeof GROUP_NOTICE_KINDS)[number];

export type GroupNotice = {
  readonly kind: GroupNoticeKind;
  /** Phone numbers (digits only) of who did it, and of whom it concerns. */
  readonly author: string | null;
  readonly recipients: readonly string[];
};

const NOTICE_PREFIX = 'notice:group.';
const digitsOf = (jid: string) => jid.split('@')[0]?.replace(/\D/g, '') ?? '';

/**
 * `notice:group.add;by=628111;to=628222,628333`: kept in the body so it is stored, synced
 * and searched like any other, and worded only where it is shown.
 */
export function groupNoticeCode(kind: string, authorJid: string | null, recipientJids: readonly string[]): string {
  const k: GroupNoticeKind = (GROUP_NOTICE_KINDS as readonly string[]).includes(kind)
    ? (kind as GroupNoticeKind)
    : 'other';
  const by = authorJid ? digitsOf(authorJid) : '';
  const to = recipientJids.map(digitsOf).filter(Boolean).join(',');
  return `${NOTICE_PREFIX}${k};by=${by};to=${to}`;
}

/** The notice in a system message's body, or null when the body is plain text. */
export function parseGroupNotice(body: string | null): GroupNotice | null {
  if (!body?.startsWith(NOTICE_PREFIX)) return null;
  const [head, ...fields] = body.slice(NOTICE_PREFIX.length).split(';');
  if (!(GROUP_NOTICE_KINDS as readonly string[]).includes(head ?? '')) return null;
  const value = (name: string) => fields.find(f => f.startsWith(`${name}=`))?.slice(name.length + 1) ?? '';
  const digits = (s: string) => /^\d{1,20}$/.test(s);
  const by = value('by');
  return {
    kind: head as GroupNoticeKind,
    author: digits(by) ? by : null,
    recipients: value('to').split(',').filter(digits).slice(0, 50),
  };
}

/** English wording, for places with no user language (AI prompts, exports for the operator). */
export function groupNoticeEnglish(n: GroupNotice): string {
  const who = (d: string | null) => (d ? `+${d}` : 'Someone');
  const them = n.recipients.length ? n.recipients.map(d => `+${d}`).join(', ') : 'someone';
  switch (n.kind) {
    case 'add':
      return n.author ? `${who(n.author)} added ${them}` : `${them} joined`;
    case 'invite':
      return `${them} joined via an invite link`;
    case 'remove':
      return `${who(n.author)} removed ${them}`;
    case 'leave':
      return `${them} left`;
    case 'promote':
      return `${them} is now an admin`;
    case 'demote':
      return `${them} is no longer an admin`;
    case 'subject':
      return `${who(n.author)} changed the group name`;
    case 'description':
      return `${who(n.author)} changed the group description`;
    case 'picture':
      return `${who(n.author)} changed the group photo`;
    case 'other':
      return 'Group settings changed';
  }
}
