/** SQLite rows → domain objects, and the small encodings the tables use. */
import { isPreviewKind } from '../../common/preview';
import type {
  Ack,
  AccountId,
  Chat,
  ChatId,
  ChatStatus,
  ClientMessageId,
  Location,
  MediaInfo,
  MemberId,
  Mention,
  Message,
  MessageId,
  MessageType,
  Poll,
  Reaction,
} from '../../common/domain';

const ACKS: readonly Ack[] = ['failed', 'pending', 'sent', 'delivered', 'read', 'played'];
/** Acks are stored as their rank so an upsert can keep the highest one with max(). */
export const ackCode = (ack: Ack): number => ACKS.indexOf(ack);
export const ackOf = (code: number): Ack => ACKS[code] ?? 'pending';

/** seq = ts * 1024 + n: up to 1024 messages per millisecond keep their own time-ordered rowid. */
export const SEQ_PER_MS = 1024;
export const seqBaseOf = (ts: number): number => ts * SEQ_PER_MS;

/**
 * A message's @mentions with what this number's contacts know of each (a contact by its
 * phone jid or its lid; a lid's phone from lid_map), read with the message so a name learned
 * after it arrived shows too. Only rows that have mentions pay for the lookup.
 */
const MENTIONS_EXPR = `CASE WHEN m.mentions IS NULL THEN NULL ELSE (
    SELECT json_group_array(json_object('jid', mj.value, 'name', coalesce(mk.custom_name, mk.name, mk.push_name),
      'phone', coalesce(mk.phone, (SELECT substr(ml.jid, 1, instr(ml.jid, '@') - 1) FROM lid_map ml
        WHERE ml.account_id = m.account_id AND ml.lid = mj.value))))
    FROM json_each(m.mentions) mj
    LEFT JOIN contacts mk ON mk.id = (SELECT mc.id FROM contacts mc WHERE mc.account_id = m.account_id
      AND (mc.jid = mj.value OR mc.lid = mj.value) ORDER BY mc.jid IS NULL LIMIT 1)
  ) END`;
const MENTIONS_COLUMN = `${MENTIONS_EXPR} AS mentions`;

/** A chat's columns; with them its last message's mentions (a rowid lookup), for the preview to show names. */
export const CHAT_COLUMNS = `c.id, c.account_id, c.jid, c.is_group, c.name, c.last_message_preview, c.last_message_kind, c.last_message_at,
  c.last_message_from_me, c.unread_count, c.pinned, c.archived, c.muted, c.status, c.assignee_id, c.tags, c.version,
  c.sort_ts, c.sla_due_at, c.custom_name, c.blocked,
  (SELECT ${MENTIONS_EXPR} FROM messages m WHERE m.seq = c.last_message_seq) AS last_message_mentions`;

export type ChatRow = {
  id: string;
  account_id: string;
  jid: string;
  is_group: number;
  name: string;
  last_message_preview: string | null;
  last_message_kind: string | null;
  last_message_at: number | null;
  last_message_from_me: number;
  unread_count: number;
  pinned: number;
  archived: number;
  muted: number;
  status: string;
  assignee_id: string | null;
  tags: string;
  version: number;
  sort_ts: number;
  sla_due_at: number | null;
  custom_name: string | null;
  blocked: number;
  /** Absent from queries that do not select CHAT_COLUMNS' subquery. */
  last_message_mentions?: string | null;
};

function parseTags(json: string): readonly string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

const STATUSES: readonly ChatStatus[] = ['open', 'pending', 'resolved'];
const statusOf = (s: string): ChatStatus => STATUSES.find(x => x === s) ?? 'open';

export function chatOf(r: ChatRow): Chat {
  return {
    id: r.id as ChatId,
    accountId: r.account_id as AccountId,
    jid: r.jid,
    isGroup: r.is_group === 1,
    // A lid's digits are no phone number: an unnamed lid chat has no name, which the app words ("Hidden number").
    name: r.custom_name || r.name || (r.jid.endsWith('@lid') ? '' : r.jid.split('@')[0] || r.jid),
    lastMessagePreview: r.last_message_preview,
    lastMessageKind: isPreviewKind(r.last_message_kind) ? r.last_message_kind : null,
    lastMessageAt: r.last_message_at,
    lastMessageFromMe: r.last_message_from_me === 1,
    unreadCount: r.unread_count,
    pinned: r.pinned === 1,
    archived: r.archived === 1,
    muted: r.muted === 1,
    status: statusOf(r.status),
    assigneeId: r.assignee_id as MemberId | null,
    tags: parseTags(r.tags),
    version: r.version,
    slaDueAt: r.sla_due_at,
    ...(r.blocked === 1 ? { blocked: true } : {}),
    ...lastMentionsOf(r.last_message_mentions ?? null),
  };
}

function lastMentionsOf(json: string | null): { lastMessageMentions?: Mention[] } {
  const { mentions } = mentionsOf(json);
  return mentions ? { lastMessageMentions: mentions } : {};
}

export const MESSAGE_COLUMNS = `m.seq, m.account_id, m.chat_id, m.provider_message_id, m.from_me, m.author, m.author_name,
  m.type, m.body, m.caption, m.media, m.location, m.vcard, m.quoted_provider_message_id, m.ts, m.ack, m.edited,
  m.revoked, m.client_message_id, m.poll, m.automated, ${MENTIONS_COLUMN}`;

export type MessageRow = {
  seq: number;
  account_id: string;
  chat_id: string;
  provider_message_id: string;
  from_me: number;
  author: string | null;
  author_name: string | null;
  type: string;
  body: string | null;
  caption: string | null;
  media: string | null;
  location: string | null;
  vcard: string | null;
  quoted_provider_message_id: string | null;
  ts: number;
  ack: number;
  edited: number;
  revoked: number;
  client_message_id: string | null;
  poll: string | null;
  automated: number;
  mentions: string | null;
};

/**
 * A MessageRow from the values of MESSAGE_COLUMNS in their order, as a `.raw()` statement
 * returns them: better-sqlite3 builds a row object key by key (half of a 50-row page's read
 * time, measured), a literal of a fixed shape costs far less. Checked against the named row
 * in tests/unit/store/search.test.ts, so the order cannot drift from MESSAGE_COLUMNS.
 */
export function messageRowOfValues(v: readonly unknown[]): MessageRow {
  return {
    seq: v[0] as number,
    account_id: v[1] as string,
    chat_id: v[2] as string,
    provider_message_id: v[3] as string,
    from_me: v[4] as number,
    author: v[5] as string | null,
    author_name: v[6] as string | null,
    type: v[7] as string,
    body: v[8] as string | null,
    caption: v[9] as string | null,
    media: v[10] as string | null,
    location: v[11] as string | null,
    vcard: v[12] as string | null,
    quoted_provider_message_id: v[13] as string | null,
    ts: v[14] as number,
    ack: v[15] as number,
    edited: v[16] as number,
    revoked: v[17] as number,
    client_message_id: v[18] as string | null,
    poll: v[19] as string | null,
    automated: v[20] as number,
    mentions: v[21] as string | null,
  };
}
/** How many values messageRowOfValues reads: a raw row's further columns start here. */
export const MESSAGE_COLUMN_COUNT = 22;

function parseJson<T>(json: string | null): T | null {
  if (json === null) return null;
  try {
    return JSON.parse(json) as T;
  } catch {
    return null;
  }
}

export function messageOf(r: MessageRow, reactions: readonly Reaction[] = []): Message {
  return {
    id: `${r.account_id}:${r.provider_message_id}` as MessageId,
    accountId: r.account_id as AccountId,
    chatId: r.chat_id as ChatId,
    providerMessageId: r.provider_message_id,
    fromMe: r.from_me === 1,
    author: r.author,
    authorName: r.author_name,
    type: r.type as MessageType,
    body: r.body,
    caption: r.caption,
    media: parseJson<MediaInfo>(r.media),
    location: parseJson<Location>(r.location),
    vcard: r.vcard,
    quotedProviderMessageId: r.quoted_provider_message_id,
    timestamp: r.ts,
    ack: ackOf(r.ack),
    edited: r.edited === 1,
    revoked: r.revoked === 1,
    reactions,
    clientMessageId: r.client_message_id as ClientMessageId | null,
    ...(r.poll !== null && parseJson<Poll>(r.poll) ? { poll: parseJson<Poll>(r.poll) as Poll } : {}),
    ...(r.automated === 1 ? { automated: true } : {}),
    ...mentionsOf(r.mentions),
  };
}

const textOrNull = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/** The resolved mentions column (see MENTIONS_COLUMN); anything unreadable is left out. */
function mentionsOf(json: string | null): { mentions?: Mention[] } {
  const list = parseJson<unknown>(json);
  if (!Array.isArray(list)) return {};
  const mentions = list.flatMap((x): Mention[] => {
    if (!x || typeof x !== 'object') return [];
    const o = x as Record<string, unknown>;
    const jid = textOrNull(o['jid']);
    return jid ? [{ jid, name: textOrNull(o['name']), phone: textOrNull(o['phone']) }] : [];
  });
  return mentions.length > 0 ? { mentions } : {};
}

export type ReactionRow = {
  account_id: string;
  provider_message_id: string;
  sender_jid: string;
  emoji: string;
  ts: number;
};

/** Loads the reactions of a page of messages in one query and attaches them. */
export function withReactions(rows: readonly MessageRow[], load: (keys: string) => ReactionRow[]): Message[] {
  if (rows.length === 0) return [];
  const keys = JSON.stringify(rows.map(r => [r.account_id, r.provider_message_id]));
  const byMessage = new Map<string, Reaction[]>();
  for (const x of load(keys)) {
    const k = `${x.account_id}:${x.provider_message_id}`;
    const list = byMessage.get(k) ?? [];
    list.push({ senderJid: x.sender_jid, emoji: x.emoji, timestamp: x.ts });
    byMessage.set(k, list);
  }
  return rows.map(r => messageOf(r, byMessage.get(`${r.account_id}:${r.provider_message_id}`) ?? []));
}

/** The reactions of a JSON list of [accountId, providerMessageId] pairs. */
export const REACTIONS_OF_KEYS_SQL = `SELECT r.account_id, r.provider_message_id, r.sender_jid, r.emoji, r.ts
  FROM json_each(?) j
  JOIN reactions r ON r.account_id = j.value ->> 0 AND r.provider_message_id = j.value ->> 1
  ORDER BY r.ts`;
