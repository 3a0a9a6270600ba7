/**
 * The people a message @mentions, as contacts: WhatsApp Web only reports contacts it is asked
 * about, so for each mentioned id not seen yet we ask the library (`getContactById`, and for a
 * lid `getContactLidAndPhone`) and report the name, push name and phone it knows. The store
 * then shows "@Name" where the body holds "@<digits>". Looked up once per id per process.
 */
import type { ContactInput } from '../../../../common/ingest';
import type { WebjsClient } from './client';
import { lidContactOf, phonesOfLids } from './lid-pairs';

const KNOWN_LIMIT = 5000;

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim().length > 0 ? v.slice(0, 500) : null);

export type MentionLookup = {
  /** Starts the lookups for the ids not asked about yet; never throws, never waits. */
  learn(ids: readonly string[]): void;
};

export function createMentionLookup(o: {
  readonly accountId: string;
  /** The ready client, or null (no lookups while linking or stopped). */
  readonly client: () => WebjsClient | null;
  readonly report: (contact: ContactInput) => void;
  readonly log: (msg: string) => void;
}): MentionLookup {
  const known = new Set<string>();

  const contactOf = async (c: WebjsClient, id: string): Promise<ContactInput | null> => {
    if (id.endsWith('@lid')) {
      // A lid names no phone; the library's lookup may pair it, which the store keeps (lid_map).
      const pairs = await phonesOfLids(c, [id]);
      return lidContactOf(c, o.accountId, id, pairs.get(id) ?? null);
    }
    const contact = await c.getContactById(id);
    const name = str(contact.name);
    const pushName = str(contact.pushname);
    return name || pushName ? { accountId: o.accountId, jid: id, lid: null, phone: null, name, pushName } : null;
  };

  return {
    learn(ids) {
      const c = o.client();
      if (!c) return;
      for (const id of ids) {
        if (known.has(id)) continue;
        if (known.size >= KNOWN_LIMIT) known.clear();
        known.add(id);
        contactOf(c, id).then(
          contact => contact && o.report(contact),
          (err: unknown) => o.log(`could not look up mentioned ${id}: ${String(err)}`),
        );
      }
    },
  };
}
