/**
 * A hosted number's contacts as push items, for the seed after sign-in: teammates' desktops
 * name people (chat titles, @mentions) from the contacts the host pushed, and the ones it
 * learned before signing in would otherwise never reach them.
 */
import type { AccountId } from '../../../common/domain';
import type { ContactInput } from '../../../common/ingest';
import { contactInputSchema } from '../../../common/ingest';
import type { StoreDb } from '../db';

type ContactRow = {
  id: string;
  jid: string | null;
  lid: string | null;
  phone: string | null;
  name: string | null;
  push_name: string | null;
};

export type ContactPushPage = {
  readonly contacts: ContactInput[];
  /** Pass as `after` for the next page; null when this was the last. */
  readonly next: string | null;
};

/**
 * One page of the number's contacts, in id order after `after`. A contact the server would
 * refuse (an id or phone from an older build's looser rules) is left out rather than
 * costing the whole push.
 */
export function contactsForPush(db: StoreDb, accountId: AccountId, after: string, limit: number): ContactPushPage {
  const rows = db
    .prepare(
      `SELECT id, jid, lid, phone, name, push_name FROM contacts
       WHERE account_id = ? AND id > ? ORDER BY id LIMIT ?`,
    )
    .all(accountId, after, limit) as ContactRow[];
  const contacts = rows.flatMap((r): ContactInput[] => {
    const parsed = contactInputSchema.safeParse({
      accountId,
      jid: r.jid,
      lid: r.lid,
      phone: r.phone,
      name: r.name,
      pushName: r.push_name,
    });
    return parsed.success ? [parsed.data] : [];
  });
  const last = rows[rows.length - 1];
  return { contacts, next: rows.length === limit && last ? last.id : null };
}
