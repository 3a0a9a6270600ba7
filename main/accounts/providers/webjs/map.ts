/**
 * whatsapp-web.js objects → our ingest shapes. Every field is read defensively: WhatsApp
 * Web changes its internals a few times a year, and a missing field must degrade to null,
 * never to a crash that takes the account down.
 */
import type { Ack, MessageType } from '../../../../common/domain';
import type { ChatInput, MessageInput } from '../../../../common/ingest';
import { MAX_BODY_CHARS, MAX_MENTIONS } from '../../../../common/ingest';
import type { ProviderStatus } from '../../provider';
import type { WebjsChat, WebjsMessage } from './client';

const typeMap: Readonly<Record<string, MessageType>> = {
  chat: 'text',
  image: 'image',
  video: 'video',
  audio: 'audio',
  ptt: 'voice',
  document: 'document',
  sticker: 'sticker',
  location: 'location',
  vcard: 'contact_card',
  multi_vcard: 'contact_card',
  reaction: 'reaction',
  poll_creation: 'poll',
  revoked: 'text',
  ciphertext: 'ciphertext',
  e2e_notification: 'system',
  gp2: 'system',
  notification: 'system',
  notification_template: 'system',
  call_log: 'system',
  protocol: 'system',
  broadcast_notification: 'system',
};

const mediaTypes: ReadonlySet<MessageType> = new Set(['image', 'video', 'audio', 'voice', 'document', 'sticker']);
const thumbnailTypes: ReadonlySet<MessageType> = new Set(['image', 'video', 'sticker']);

export const messageTypeOf = (libraryType: string): MessageType => typeMap[libraryType] ?? 'unknown';

export function ackOf(ack: number | undefined): Ack {
  switch (ack) {
    case -1:
      return 'failed';
    case 0:
      return 'pending';
    case 2:
      return 'delivered';
    case 3:
      return 'read';
    case 4:
      return 'played';
    default:
      return 'sent';
  }
}

/** The library mixes seconds (message.t) and milliseconds; the store wants milliseconds. */
export const toMs = (t: unknown): number | null => {
  const n = typeof t === 'string' ? Number(t) : t;
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) return null;
  return Math.round(n < 1e12 ? n * 1000 : n);
};

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const num = (v: unknown): number | null => {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null;
};
const jidOf = (v: unknown): string | null =>
  typeof v === 'string'
    ? str(v)
    : v && typeof v === 'object' && '_serialized' in v
      ? str((v as { _serialized: unknown })._serialized)
      : null;
const clip = (s: string | null): string | null => (s === null ? null : s.slice(0, MAX_BODY_CHARS));

export function chatJidOf(m: WebjsMessage): string {
  return str(m.id.remote) ?? (m.fromMe ? m.to : m.from);
}

/**
 * The serialized id of the quoted message. The library gives only its stanza id and
 * sender; WhatsApp's serialized form is `${fromMe}_${chat}_${stanza}[_${participant}]`.
 */
function quotedIdOf(m: WebjsMessage, chatJid: string, me: readonly string[]): string | null {
  const stanza = str(m._data['quotedStanzaID']);
  if (!stanza) return null;
  const participant = jidOf(m._data['quotedParticipant']);
  // Quoting ourselves in a lid-addressed group names our lid, not our phone jid.
  const fromMe = participant !== null && me.includes(participant);
  const isGroup = chatJid.endsWith('@g.us');
  return `${fromMe}_${chatJid}_${stanza}${isGroup && !fromMe && participant ? `_${participant}` : ''}`;
}

/** A library Message as a MessageInput, or null for what a desk does not show (statuses). */
/** `me`: our own ids on this number, the phone jid and (once known) the lid. */
export function messageInputOf(accountId: string, m: WebjsMessage, me: readonly string[]): MessageInput | null {
  if (m.isStatus || m.id.remote === 'status@broadcast') return null;
  const chatJid = chatJidOf(m);
  const type = messageTypeOf(m.type);
  const isGroup = chatJid.endsWith('@g.us');
  const data = m._data;
  const isMedia = mediaTypes.has(type);
  const location =
    type === 'location' && m.location
      ? (() => {
          const lat = Number(m.location.latitude);
          const lng = Number(m.location.longitude);
          if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
          // The library splits WhatsApp's "name\naddress" into name and address; keep both.
          const label = str(m.location.description) ?? str(m.location.name);
          return { lat, lng, name: label ? label.replace(/\n+/g, ', ').slice(0, 500) : null };
        })()
      : null;
  const thumb = str(data['body']);
  return {
    accountId,
    chatJid,
    providerMessageId: m.id._serialized,
    fromMe: m.fromMe,
    author: isGroup && !m.fromMe ? (str(m.author) ?? null) : null,
    authorName: m.fromMe ? null : str(data['notifyName']),
    type,
    body: isMedia || type === 'location' || type === 'contact_card' || type === 'ciphertext' ? null : clip(str(m.body)),
    caption: isMedia ? clip(str(m.body)) : null,
    media: isMedia
      ? {
          mimeType: str(data['mimetype']) ?? 'application/octet-stream',
          fileName: str(data['filename']),
          size: num(data['size']),
          sha256: null,
          localPath: null,
          width: num(data['width']),
          height: num(data['height']),
          durationS: num(m.duration ?? data['duration']),
          // For media the library keeps a small base64 JPEG preview in _data.body.
          thumbnail:
            thumbnailTypes.has(type) && thumb && thumb.length < 200_000 && /^[A-Za-z0-9+/=]+$/.test(thumb)
              ? thumb
              : null,
        }
      : null,
    location,
    vcard: type === 'contact_card' ? (m.vCards ?? []).join('\n').slice(0, 100_000) || clip(str(m.body)) : null,
    quotedProviderMessageId: m.hasQuotedMsg ? quotedIdOf(m, chatJid, me) : null,
    timestamp: toMs(m.timestamp) ?? Date.now(),
    ack: m.fromMe ? ackOf(m.ack) : 'delivered',
    edited: Boolean(m.latestEditMsgKey || m.latestEditSenderTimestampMs),
    revoked: m.type === 'revoked',
    clientMessageId: null,
    ...(type === 'poll' ? { poll: pollOf(m) } : {}),
    ...mentionsOf(m),
  };
}

/** A jid of a person (phone or lid), as the store's jid schema takes it. */
const PERSON_JID = /^\d{1,24}@(c\.us|s\.whatsapp\.net|lid)$/;

/**
 * The library's `mentionedIds` (from WhatsApp's mentionedJidList): serialized ids, or Wid
 * objects when WhatsApp Web hands them over unserialized; anything else is left out.
 */
export function mentionsOf(m: WebjsMessage): { mentions?: string[] } {
  const ids = (Array.isArray(m.mentionedIds) ? m.mentionedIds : [])
    .map(jidOf)
    .filter((id): id is string => id !== null && PERSON_JID.test(id));
  const unique = [...new Set(ids)].slice(0, MAX_MENTIONS);
  return unique.length > 0 ? { mentions: unique } : {};
}

/**
 * The library's poll_creation fields: pollName, pollOptions ({ name, localId }) and
 * allowMultipleAnswers (from pollSelectableOptionsCount). Null when they do not parse.
 */
function pollOf(m: WebjsMessage): MessageInput['poll'] {
  const question = str(m.pollName) ?? str(m.body);
  const options = (Array.isArray(m.pollOptions) ? m.pollOptions : [])
    .map(o => (o && typeof o === 'object' ? str((o as { name?: unknown }).name) : null))
    .filter((o): o is string => o !== null)
    .map(o => o.slice(0, 500))
    .slice(0, 12);
  if (!question || options.length === 0) return null;
  return { question: question.slice(0, 500), options, multiple: Boolean(m.allowMultipleAnswers) };
}

/**
 * The chat's name, or '' when WhatsApp Web knows none: the store then names it after its
 * contact. A lid chat's digits (as its title, too) are no name: the app shows "Hidden number".
 */
function chatNameOf(chat: WebjsChat, jid: string): string {
  const [user = jid, server] = jid.split('@');
  const title = str(chat.name);
  if (server === 'lid') return title && title.replace(/\D/g, '') !== user ? title.slice(0, 500) : '';
  return (title ?? user).slice(0, 500);
}

export function chatInputOf(accountId: string, chat: WebjsChat): ChatInput {
  const jid = chat.id._serialized;
  const ts = toMs(chat.timestamp);
  return {
    accountId,
    jid,
    isGroup: Boolean(chat.isGroup),
    name: chatNameOf(chat, jid),
    ...(typeof chat.unreadCount === 'number' && chat.unreadCount >= 0
      ? { unreadCount: Math.floor(chat.unreadCount) }
      : {}),
    pinned: Boolean(chat.pinned),
    archived: Boolean(chat.archived),
    muted: Boolean(chat.isMuted),
    ...(ts ? { timestamp: ts } : {}),
  };
}

type Disconnect = Extract<ProviderStatus, { state: 'disconnected' | 'logged_out' | 'failed' }>;

/**
 * The documented action for each reason the library gives with `disconnected`: a WAState
 * that is not accepted, 'LOGOUT', or its own message for expired QR codes. The renderer
 * words the code; the library's reason is kept as the detail.
 */
const DISCONNECTS: Readonly<Record<string, Omit<Disconnect, 'reason'>>> = {
  LOGOUT: { state: 'logged_out', action: 'rescan', code: 'logged_out_phone' },
  UNPAIRED: { state: 'logged_out', action: 'rescan', code: 'unpaired' },
  UNPAIRED_IDLE: { state: 'logged_out', action: 'rescan', code: 'unpaired' },
  CONFLICT: { state: 'disconnected', action: 'alert', code: 'opened_elsewhere' },
  TOS_BLOCK: { state: 'failed', action: 'alert', code: 'number_blocked' },
  SMB_TOS_BLOCK: { state: 'failed', action: 'alert', code: 'number_blocked' },
  PROXYBLOCK: { state: 'failed', action: 'alert', code: 'network_refused' },
  DEPRECATED_VERSION: { state: 'failed', action: 'alert', code: 'outdated' },
  'Max qrcode retries reached': { state: 'disconnected', action: 'alert', code: 'qr_expired' },
};

export function disconnectStatusOf(reason: string): Disconnect {
  const known = Object.hasOwn(DISCONNECTS, reason) ? DISCONNECTS[reason] : undefined;
  const detail = `WhatsApp Web disconnected: ${reason.slice(0, 200) || 'no reason given'}`;
  return known
    ? { ...known, reason: detail }
    : { state: 'disconnected', action: 'reconnect', code: 'disconnected_other', reason: detail };
}
