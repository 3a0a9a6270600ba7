/**
 * The team's name and labels arriving as a contacts:upserted fact (contact:update on the
 * server): applied to a teammate's number and to one this desktop hosts, while a host's
 * plain push of WhatsApp's names leaves them alone.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatId } from '../../../common/domain';
import type { SyncEvent } from '../../../common/protocol';
import type { Store } from '../../../main/store';
import { applySyncEvent, emptyEffects } from '../../../main/sync/apply';
import { addAccount, memoryStore } from '../store/fixtures';
import { REMOTE, chatIdOf, jidOf, wireChat } from './wire-samples';

let store: Store | undefined;
afterEach(() => store?.close());

const JID = '628555@c.us';
const fact = (accountId: string, extra: Record<string, unknown>): SyncEvent =>
  ({
    type: 'contacts:upserted',
    seq: 1,
    accountId,
    contacts: [{ accountId, jid: JID, lid: null, phone: '628555', name: 'WA name', pushName: null, ...extra }],
  }) as SyncEvent;

function world(hosted: string[]) {
  const s = (store = memoryStore());
  const ctx = {
    store: s,
    isHosted: (id: string) => hosted.includes(id),
    onMember: () => {},
    memberName: () => 'someone',
  };
  return { s, apply: (ev: SyncEvent) => (fx => (applySyncEvent(ctx, fx, ev), fx))(emptyEffects()) };
}

describe('contacts:upserted with the team’s fields', () => {
  it('renames the chat on a number this desktop hosts, and reports it changed', () => {
    const { s, apply } = world(['mine']);
    addAccount(s, 'mine');
    s.ingest({ chats: [{ accountId: 'mine', jid: JID, isGroup: false, name: 'WA name' }] });
    const fx = apply(fact('mine', { customName: 'Pak Budi', labels: ['VIP'] }));
    const chatId = `mine:${JID}` as ChatId;
    expect([...fx.chatIds]).toEqual([chatId]);
    expect(s.getChat(chatId)?.name).toBe('Pak Budi');
    expect(s.customerProfile(chatId)).toMatchObject({
      customName: 'Pak Budi',
      labels: ['VIP'],
      whatsAppName: 'WA name',
    });
    // A later plain push (no team fields) keeps them.
    apply(fact('mine', {}));
    expect(s.customerProfile(chatId)).toMatchObject({ customName: 'Pak Budi', labels: ['VIP'] });
  });

  it('stores a teammate’s number’s contact with the team’s name', () => {
    const { s: st, apply } = world([]);
    apply({ type: 'chat:upserted', seq: 1, chat: wireChat(1) });
    apply({
      type: 'contacts:upserted',
      seq: 2,
      accountId: REMOTE,
      contacts: [
        {
          accountId: REMOTE,
          jid: jidOf(1),
          lid: null,
          phone: null,
          name: null,
          pushName: null,
          customName: 'Ibu Sari',
          labels: [],
        },
      ],
    });
    expect(st.getChat(chatIdOf(1) as ChatId)?.name).toBe('Ibu Sari');
  });
});
