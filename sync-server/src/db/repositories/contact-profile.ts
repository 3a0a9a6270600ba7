/**
 * The team's name, labels and note on a customer (contact:update). One person may be a contact of
 * several numbers: they are found by phone (and by the jid a chat names them with), and the
 * edit is written to each of their rows on the numbers the caller may see.
 */
import { and, eq, inArray, or } from 'drizzle-orm';
import { z } from 'zod';
import type { WireContact } from '../../../../common/protocol-wire';
import type { Exec } from '../index';
import { contacts } from '../schema';

export type ContactRow = typeof contacts.$inferSelect;

const labelsJson = z.array(z.string()).max(50);

/** Stored labels; a value another version wrote that is not a list of strings reads as none. */
export function labelsOf(raw: string | null): string[] {
  if (raw === null) return [];
  try {
    const parsed = labelsJson.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export function toWireContact(r: ContactRow): WireContact {
  return {
    accountId: r.accountId,
    jid: r.jid,
    lid: r.lid,
    phone: r.phone,
    name: r.name,
    pushName: r.pushName,
    customName: r.customName,
    labels: labelsOf(r.labels),
    note: r.note,
  };
}

const phoneOfJid = (jid: string): string | null => /^(\d{5,20})@(c\.us|s\.whatsapp\.net)$/.exec(jid)?.[1] ?? null;

/**
 * The contact a chat names (its jid, or lid), locked for the update; created when the number
 * never pushed one (a chat can exist before its contact), so the team's name has a row.
 */
export async function contactForUpdate(db: Exec, accountId: string, jid: string): Promise<ContactRow> {
  const find = () =>
    db
      .select()
      .from(contacts)
      .where(
        and(eq(contacts.accountId, accountId), or(eq(contacts.key, jid), eq(contacts.jid, jid), eq(contacts.lid, jid))),
      )
      .limit(1)
      .for('update');
  const [row] = await find();
  if (row) return row;
  const lid = jid.endsWith('@lid');
  await db
    .insert(contacts)
    .ignore()
    .values({ accountId, key: jid, jid: lid ? null : jid, lid: lid ? jid : null, phone: phoneOfJid(jid) });
  const [created] = await find();
  if (!created) throw new Error(`contact ${accountId} ${jid} vanished after its insert`);
  return created;
}

/** The same person's rows on the given numbers: same phone, or a jid spelling of it. */
export async function samePersonRows(db: Exec, accountIds: readonly string[], phone: string): Promise<ContactRow[]> {
  if (accountIds.length === 0) return [];
  return db
    .select()
    .from(contacts)
    .where(
      and(
        inArray(contacts.accountId, [...accountIds]),
        or(eq(contacts.phone, phone), inArray(contacts.jid, [`${phone}@c.us`, `${phone}@s.whatsapp.net`])),
      ),
    )
    .for('update');
}

export type ContactPatch = {
  readonly customName?: string | null;
  readonly labels?: readonly string[];
  readonly note?: string | null;
};

export async function patchContact(db: Exec, row: ContactRow, patch: ContactPatch): Promise<ContactRow> {
  const set: Partial<Pick<ContactRow, 'customName' | 'labels' | 'note'>> = {};
  if (patch.customName !== undefined) set.customName = patch.customName;
  if (patch.labels !== undefined) set.labels = JSON.stringify(patch.labels);
  if (patch.note !== undefined) set.note = patch.note;
  await db
    .update(contacts)
    .set(set)
    .where(and(eq(contacts.accountId, row.accountId), eq(contacts.key, row.key)));
  return { ...row, ...set };
}
