/**
 * The seed after sign-in: everything a hosted number stored before, queued for the team. A
 * teammate names people (chat titles, @mentions) from the host's contacts, so they go too,
 * ahead of the messages, and the messages carry their mentioned ids.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { pushSchema } from '../../../common/protocol';
import type { Store } from '../../../main/store';
import { addAccount, memoryStore } from '../store/fixtures';
import { offlinePushQueue } from './push-fixtures';

let store: Store | undefined;
afterEach(() => store?.close());

const ACCOUNT = 'a1';
const GROUP = '120363000000000001@g.us';
const BUDI = '6281234567890@c.us';
const SARI = '6285550001111@c.us';
const SARI_LID = '99887766554433@lid';

describe('the seed after sign-in', () => {
  it('queues the number’s contacts first, then its messages with their mentions', () => {
    const s = (store = memoryStore());
    addAccount(s, ACCOUNT);
    s.ingest({
      contacts: [
        { accountId: ACCOUNT, jid: BUDI, name: 'Budi Santoso', pushName: 'Budi' },
        { accountId: ACCOUNT, jid: SARI, lid: SARI_LID, pushName: 'Sari' },
      ],
      chats: [{ accountId: ACCOUNT, jid: GROUP, isGroup: true, name: 'Team' }],
      messages: [
        {
          accountId: ACCOUNT,
          chatJid: GROUP,
          providerMessageId: 'mention-1',
          fromMe: false,
          type: 'text',
          body: 'Halo @6281234567890 dan @99887766554433',
          timestamp: Date.now() - 60_000,
          mentions: [BUDI, SARI_LID],
        },
      ],
    });
    offlinePushQueue(s).seed([ACCOUNT]);
    const first = s.peekPush(2_000);
    expect(first).not.toBeNull();
    // The server takes the batch as it is queued.
    expect(pushSchema.safeParse(first?.batch).success).toBe(true);
    const contacts = first?.batch.contacts ?? [];
    expect(contacts.map(c => [c.jid, c.lid, c.name, c.pushName]).sort()).toEqual(
      [
        [BUDI, null, 'Budi Santoso', 'Budi'],
        [SARI, SARI_LID, null, 'Sari'],
      ].sort(),
    );
    expect(first?.batch.messages?.find(m => m.providerMessageId === 'mention-1')?.mentions).toEqual([BUDI, SARI_LID]);
  });

  it('pages through many contacts without losing any', () => {
    const s = (store = memoryStore());
    addAccount(s, ACCOUNT);
    const many = Array.from({ length: 2_345 }, (_, i) => ({
      accountId: ACCOUNT,
      jid: `62811${String(i).padStart(6, '0')}@c.us`,
      pushName: `P${i}`,
    }));
    s.ingest({ contacts: many });
    offlinePushQueue(s).seed([ACCOUNT]);
    const jids: string[] = [];
    let after = 0;
    for (let next = s.peekPush(2_000); next; next = s.peekPush(2_000, after)) {
      jids.push(...(next.batch.contacts ?? []).map(c => c.jid ?? ''));
      after = next.ids[next.ids.length - 1]!;
    }
    expect(new Set(jids).size).toBe(many.length);
  });
});
