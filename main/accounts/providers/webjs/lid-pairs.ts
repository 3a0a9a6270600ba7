/**
 * @lid chats and contacts. With WhatsApp's privacy ids a person may reach us as `<digits>@lid`
 * instead of their phone jid, so one customer could become two contacts and two chats. When
 * a chat, a sender or a contact arrives as a lid, the library's lookup
 * (`Client.getContactLidAndPhone`, 1.34.7: `{ lid, pn }` per id, either may be absent) gives
 * its phone jid; the pair goes to the store as a contact (`jid` + `lid`), which keeps it in
 * `lid_map` and folds the lid chat into the phone chat. A lid WhatsApp Web cannot pair is
 * reported with the names it knows, so the inbox can show a name (or "Hidden number").
 */
import type { ContactInput } from '../../../../common/ingest';
import type { WebjsClient } from './client';

const KNOWN_LIMIT = 5000;
const PHONE_JID = /^\d{5,20}@c\.us$/;
const LID_JID = /^\d{1,24}@lid$/;

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim().length > 0 ? v.slice(0, 500) : null);

export const isLidJid = (jid: string | null | undefined): jid is string => typeof jid === 'string' && LID_JID.test(jid);

/** The phone jid of each lid the library can pair, in one lookup; lids it cannot are left out. */
export async function phonesOfLids(c: WebjsClient, lids: readonly string[]): Promise<Map<string, string>> {
  const pairs = new Map<string, string>();
  if (lids.length === 0 || !c.getContactLidAndPhone) return pairs;
  const answers = await c.getContactLidAndPhone([...lids]);
  answers.forEach((a, i) => {
    // The library answers in the order asked; its `lid` names the asked lid when it knows it.
    const lid = a?.lid && isLidJid(a.lid) ? a.lid : lids[i];
    if (lid && a?.pn && PHONE_JID.test(a.pn)) pairs.set(lid, a.pn);
  });
  return pairs;
}

/** A lid as a contact: its phone (when paired) and the names WhatsApp Web knows; null: nothing known. */
export async function lidContactOf(
  c: WebjsClient,
  accountId: string,
  lid: string,
  pn: string | null,
): Promise<ContactInput | null> {
  const contact = await c.getContactById(lid);
  const name = str(contact.name);
  const pushName = str(contact.pushname);
  return name || pushName || pn ? { accountId, jid: pn, lid, phone: null, name, pushName } : null;
}

/** Every lid among chats' ids, as contacts (paired when the library can), for a catch-up to send first. */
export async function lidContactsOf(
  c: WebjsClient,
  accountId: string,
  jids: readonly string[],
): Promise<ContactInput[]> {
  const lids = [...new Set(jids.filter(isLidJid))];
  if (lids.length === 0) return [];
  const pairs = await phonesOfLids(c, lids);
  const out: ContactInput[] = [];
  for (const lid of lids) {
    const contact = await lidContactOf(c, accountId, lid, pairs.get(lid) ?? null).catch(() => null);
    if (contact) out.push(contact);
  }
  return out;
}

export type LidPairing = {
  /** Starts the lookups for the lids not asked about yet (other ids are ignored); never throws, never waits. */
  learn(jids: ReadonlyArray<string | null | undefined>): void;
  /** The same, awaited, answering the contacts instead of reporting them (a catch-up sends them first). */
  resolve(c: WebjsClient, jids: readonly string[]): Promise<ContactInput[]>;
};

export function createLidPairing(o: {
  readonly accountId: string;
  /** The ready client, or null (no lookups while linking or stopped). */
  readonly client: () => WebjsClient | null;
  readonly report: (contact: ContactInput) => void;
  readonly log: (msg: string) => void;
}): LidPairing {
  // Asked once per run (a failing page is not asked on every message); the catch-up after
  // the next ready asks again for the lid chats.
  const known = new Set<string>();
  const fresh = (jids: ReadonlyArray<string | null | undefined>): string[] => {
    const lids = [...new Set(jids.filter(isLidJid))].filter(lid => !known.has(lid));
    if (known.size + lids.length > KNOWN_LIMIT) known.clear();
    for (const lid of lids) known.add(lid);
    return lids;
  };
  const resolve = async (c: WebjsClient, lids: readonly string[]): Promise<ContactInput[]> => {
    if (lids.length === 0) return [];
    return lidContactsOf(c, o.accountId, lids).catch((err: unknown) => {
      o.log(`could not pair ${lids.join(', ')} with a phone: ${String(err)}`);
      return [];
    });
  };
  return {
    learn(jids) {
      const c = o.client();
      if (!c) return;
      void resolve(c, fresh(jids)).then(contacts => contacts.forEach(o.report));
    },
    resolve: (c, jids) => {
      // A new catch-up asks again: the phone may have paired lids since.
      for (const lid of jids) known.delete(lid);
      return resolve(c, fresh(jids));
    },
  };
}
