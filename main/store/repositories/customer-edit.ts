/**
 * The team's name, labels and note for a customer, written locally: by the customer panel on a
 * desktop (customer:update), and by a workspace's contacts:upserted fact. The name is
 * copied onto the person's one-to-one chats (chats.custom_name) so the inbox list shows it
 * and chat search finds it, without a join.
 */
import type { ChatId } from '../../../common/domain';
import type { StoreDb } from '../db';
import { inTransaction } from '../db';
import { canonicalJid, refreshSearchName } from '../ingest/people';
import { jidsOf, personOf } from './customer';

export type CustomerPatch = {
  readonly customName?: string | null;
  readonly labels?: readonly string[];
  readonly note?: string | null;
};

function setClause(patch: CustomerPatch): { sql: string; params: Record<string, string | null> } {
  const parts: string[] = [];
  const params: Record<string, string | null> = {};
  if (patch.customName !== undefined) {
    parts.push('custom_name = @customName');
    params['customName'] = patch.customName;
  }
  if (patch.labels !== undefined) {
    parts.push('labels = @labels');
    params['labels'] = JSON.stringify(patch.labels);
  }
  if (patch.note !== undefined) {
    parts.push('note = @note');
    params['note'] = patch.note;
  }
  return { sql: parts.join(', '), params };
}

/** A contact row for (number, jid or lid), added when WhatsApp never reported one. */
function ensureContact(db: StoreDb, accountId: string, jid: string, now: number): void {
  const lid = jid.endsWith('@lid');
  db.prepare(
    `INSERT INTO contacts (id, account_id, jid, lid, phone, updated_at)
     SELECT @id, @accountId, @jid, @lid, NULL, @now
     WHERE NOT EXISTS (SELECT 1 FROM contacts WHERE account_id = @accountId AND (jid = @key OR lid = @key))`,
  ).run({ id: `${accountId}:${jid}`, accountId, jid: lid ? null : jid, lid: lid ? jid : null, key: jid, now });
}

function renameChats(db: StoreDb, where: string, params: Record<string, string | null>): ChatId[] {
  const ids = db.prepare(`SELECT id FROM chats WHERE is_group = 0 AND ${where}`).pluck().all(params) as ChatId[];
  const set = db.prepare('UPDATE chats SET custom_name = @customName WHERE id = @id');
  for (const id of ids) {
    set.run({ customName: params['customName'] ?? null, id });
    refreshSearchName(db, id);
  }
  return ids;
}

/**
 * The edit made on this desktop: every contact row of the person behind `chatId`, on every
 * number (a row is added on the chat's own number when it has none). Returns the chats whose
 * shown name changed and the numbers whose contact changed.
 */
export function updateCustomer(
  db: StoreDb,
  chatId: ChatId,
  patch: CustomerPatch,
  now: number,
): { chatIds: ChatId[]; accountIds: string[] } {
  return inTransaction(db, () => writeCustomer(db, chatId, patch, now));
}

function writeCustomer(
  db: StoreDb,
  chatId: ChatId,
  patch: CustomerPatch,
  now: number,
): { chatIds: ChatId[]; accountIds: string[] } {
  const set = setClause(patch);
  if (set.sql === '') return { chatIds: [], accountIds: [] };
  const { id } = personOf(db, chatId);
  const jids = JSON.stringify(jidsOf(id));
  // Every number the person writes to gets a row, so the name reaches each of their chats.
  const chats = db
    .prepare('SELECT account_id, jid FROM chats WHERE is_group = 0 AND jid IN (SELECT value FROM json_each(?))')
    .all(jids) as { account_id: string; jid: string }[];
  for (const c of chats) ensureContact(db, c.account_id, c.jid, now);
  const match = `(jid IN (SELECT value FROM json_each(@jids)) OR lid IN (SELECT value FROM json_each(@jids)))`;
  const accountIds = db
    .prepare(`SELECT DISTINCT account_id FROM contacts WHERE ${match}`)
    .pluck()
    .all({ jids }) as string[];
  db.prepare(`UPDATE contacts SET ${set.sql}, updated_at = @now WHERE ${match}`).run({ ...set.params, jids, now });
  const chatIds =
    patch.customName !== undefined
      ? renameChats(db, 'jid IN (SELECT value FROM json_each(@jids))', { jids, customName: patch.customName })
      : [];
  return { chatIds, accountIds };
}

/**
 * A workspace's word on one contact of one number (a contacts:upserted fact that carries the
 * team's fields). Returns the chats whose shown name changed.
 */
export function applyContactProfile(
  db: StoreDb,
  c: { accountId: string; jid: string | null; lid: string | null } & CustomerPatch,
  now: number,
): ChatId[] {
  const set = setClause(c);
  if (set.sql === '') return [];
  const own = c.jid ?? c.lid;
  if (own) ensureContact(db, c.accountId, own, now);
  const key = { accountId: c.accountId, jid: c.jid, lid: c.lid };
  db.prepare(
    `UPDATE contacts SET ${set.sql}, updated_at = @now
     WHERE account_id = @accountId AND ((@jid IS NOT NULL AND jid = @jid) OR (@lid IS NOT NULL AND lid = @lid))`,
  ).run({ ...set.params, ...key, now });
  if (c.customName === undefined) return [];
  const chatJid = c.jid ?? (c.lid ? canonicalJid(db, c.accountId, c.lid) : null);
  if (!chatJid) return [];
  return renameChats(db, 'account_id = @accountId AND jid = @jid', {
    accountId: c.accountId,
    jid: chatJid,
    customName: c.customName,
  });
}
