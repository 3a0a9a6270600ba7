/**
 * One person across every number: WhatsApp addresses a customer by a phone jid (in either
 * of its two spellings, @c.us and @s.whatsapp.net) and, with privacy on, by a @lid. Each
 * account learns its own lid ↔ phone pairs, so the identity is gathered from every
 * account's contacts and lid map before the chats are collected.
 */
import type { CustomerConversation, CustomerProfile } from '../../../common/api/customer';
import { CUSTOMER_MEDIA_LIMIT } from '../../../common/api/customer';
import type { ChatId } from '../../../common/domain';
import { CommandError } from '../../../common/result';
import type { StoreDb } from '../db';
import type { ChatRow, MessageRow } from '../rows';
import { CHAT_COLUMNS, MESSAGE_COLUMNS, chatOf, messageOf } from '../rows';

/** The ids one person is known by: phone digits and @lid jids. */
export type Identity = { readonly phones: Set<string>; readonly lids: Set<string> };

const phoneOf = (jid: string | null): string | null => {
  const m = jid ? /^(\d{5,20})@(c\.us|s\.whatsapp\.net)$/.exec(jid) : null;
  return m?.[1] ?? null;
};

function addJid(id: Identity, jid: string | null): boolean {
  if (!jid) return false;
  if (jid.endsWith('@lid')) {
    if (id.lids.has(jid)) return false;
    id.lids.add(jid);
    return true;
  }
  const phone = phoneOf(jid);
  if (!phone || id.phones.has(phone)) return false;
  id.phones.add(phone);
  return true;
}

type PairRow = { jid: string | null; lid: string | null; phone: string | null };

/**
 * Grows the identity until no account's contacts or lid map add anything new. Two rounds
 * are enough in practice (lid → phone → another account's lid); the cap keeps a corrupted
 * store from looping.
 */
export function expandIdentity(db: StoreDb, id: Identity): void {
  const pairs = db.prepare(
    `SELECT jid, lid, phone FROM contacts
       WHERE lid IN (SELECT value FROM json_each(@lids)) OR phone IN (SELECT value FROM json_each(@phones))
          OR jid IN (SELECT value FROM json_each(@jids))
     UNION ALL
     SELECT jid, lid, NULL FROM lid_map
       WHERE lid IN (SELECT value FROM json_each(@lids)) OR jid IN (SELECT value FROM json_each(@jids))`,
  );
  for (let round = 0; round < 4; round++) {
    const phones = [...id.phones];
    const params = {
      lids: JSON.stringify([...id.lids]),
      phones: JSON.stringify(phones),
      jids: JSON.stringify(phones.flatMap(p => [`${p}@c.us`, `${p}@s.whatsapp.net`])),
    };
    let grew = false;
    for (const row of pairs.all(params) as PairRow[]) {
      grew = addJid(id, row.jid) || grew;
      grew = addJid(id, row.lid) || grew;
      if (row.phone && /^\d{5,20}$/.test(row.phone) && !id.phones.has(row.phone)) {
        id.phones.add(row.phone);
        grew = true;
      }
    }
    if (!grew) return;
  }
}

type ConversationRow = ChatRow & { first_at: number | null; last_at: number | null };

/** Every jid one person is addressed by: their lids and both spellings of their phones. */
export const jidsOf = (id: Identity): string[] => [
  ...id.lids,
  ...[...id.phones].flatMap(p => [`${p}@c.us`, `${p}@s.whatsapp.net`]),
];

/** The one-to-one chat and the identity of the person behind it. */
export function personOf(db: StoreDb, chatId: ChatId): { chat: ChatRow; id: Identity } {
  const chat = db.prepare(`SELECT ${CHAT_COLUMNS} FROM chats c WHERE c.id = ?`).get(chatId) as ChatRow | undefined;
  if (!chat) throw new CommandError('not_found', `No chat ${chatId}`);
  if (chat.is_group === 1) throw new CommandError('invalid_args', 'A group is not one person');
  const id: Identity = { phones: new Set(), lids: new Set() };
  addJid(id, chat.jid);
  expandIdentity(db, id);
  return { chat, id };
}

export function conversationsOf(db: StoreDb, id: Identity): CustomerConversation[] {
  const jids = jidsOf(id);
  const rows = db
    .prepare(
      `SELECT ${CHAT_COLUMNS},
         (SELECT min(m.ts) FROM messages m WHERE m.chat_id = c.id) AS first_at,
         (SELECT max(m.ts) FROM messages m WHERE m.chat_id = c.id) AS last_at
       FROM chats c
       WHERE c.is_group = 0 AND c.jid IN (SELECT value FROM json_each(?))
       ORDER BY c.sort_ts DESC, c.id DESC`,
    )
    .all(JSON.stringify(jids)) as ConversationRow[];
  return rows.map(r => ({ chat: chatOf(r), firstAt: r.first_at, lastAt: r.last_at }));
}

const extreme = (values: readonly (number | null)[], pick: (a: number, b: number) => number): number | null =>
  values.reduce<number | null>((acc, v) => (v === null ? acc : acc === null ? v : pick(acc, v)), null);

/** The person behind a one-to-one chat, with their conversations on every number. */
export function customerProfile(db: StoreDb, chatId: ChatId): CustomerProfile {
  const { chat, id } = personOf(db, chatId);
  const conversations = conversationsOf(db, id);
  const media = db
    .prepare(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m
       WHERE m.chat_id IN (SELECT value FROM json_each(?)) AND m.media IS NOT NULL AND m.revoked = 0
       ORDER BY m.ts DESC, m.seq DESC LIMIT ?`,
    )
    .all(JSON.stringify(conversations.map(c => c.chat.id)), CUSTOMER_MEDIA_LIMIT) as MessageRow[];
  const [phone] = [...id.phones].sort();
  return {
    chatId,
    name: chatOf(chat).name,
    whatsAppName: chatOf({ ...chat, custom_name: null }).name,
    ...teamProfileOf(db, chat, id),
    phone: phone ?? null,
    conversations,
    firstContactAt: extreme(
      conversations.map(c => c.firstAt),
      Math.min,
    ),
    lastContactAt: extreme(
      conversations.map(c => c.lastAt),
      Math.max,
    ),
    media: media.map(r => messageOf(r)),
  };
}

type ProfileRow = { account_id: string; custom_name: string | null; labels: string | null; note: string | null };

function parseLabels(raw: string | null): string[] {
  if (raw === null) return [];
  try {
    const v: unknown = JSON.parse(raw);
    return Array.isArray(v) ? v.filter((l): l is string => typeof l === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * The team's name, labels and note: those on the chat's own number first (a workspace edit
 * reaches every number the editor sees, but not always all of ours), else any number's.
 */
function teamProfileOf(
  db: StoreDb,
  chat: ChatRow,
  id: Identity,
): { customName: string | null; labels: string[]; note: string | null } {
  const rows = db
    .prepare(
      `SELECT account_id, custom_name, labels, note FROM contacts
       WHERE (custom_name IS NOT NULL OR labels IS NOT NULL OR note IS NOT NULL)
         AND (jid IN (SELECT value FROM json_each(@jids)) OR lid IN (SELECT value FROM json_each(@jids)))`,
    )
    .all({ jids: JSON.stringify(jidsOf(id)) }) as ProfileRow[];
  const best = rows.find(r => r.account_id === chat.account_id) ?? rows[0];
  return { customName: best?.custom_name ?? null, labels: parseLabels(best?.labels ?? null), note: best?.note ?? null };
}
