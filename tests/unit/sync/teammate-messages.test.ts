/**
 * Messages of a number hosted on another desktop, as the workspace server sends them, stored
 * on this desktop: media details (not the host's file path) so media:url can fetch the file,
 * and shared locations, polls and @mentions, which teammates must see as the host does.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { MessageId } from '../../../common/domain';
import type { Store } from '../../../main/store';
import { wireMessageSchema } from '../../../common/wire-schemas';
import { ingestWireMessages, messageInputOfStored } from '../../../main/sync/message-inputs';
import { addAccount, memoryStore } from '../store/fixtures';
import { REMOTE, jidOf, wireMessage } from './wire-samples';

let store: Store | undefined;
afterEach(() => store?.close());

const stored = (s: Store, providerMessageId: string) =>
  s.getMessages([`${REMOTE}:${providerMessageId}` as MessageId])[0];

describe('messages from the workspace', () => {
  it('keep media details without the host’s file path, and locations as sent', () => {
    const s = (store = memoryStore());
    addAccount(s, REMOTE);
    s.ingest({ chats: [{ accountId: REMOTE, jid: jidOf(1), isGroup: false, name: 'Customer 1' }] });
    const sha256 = 'c'.repeat(64);
    ingestWireMessages(s, [
      wireMessage(1, 'photo', {
        media: { mimeType: 'image/png', fileName: 'a.png', size: 10, sha256, localPath: '/host/only/a.png' },
      }),
      wireMessage(1, 'pin', { type: 'location', media: null, location: { lat: -6.2, lng: 106.8, name: 'Jakarta' } }),
      wireMessage(1, 'odd-pin', { type: 'location', media: null, location: { lat: 'north', lng: 1 } }),
    ]);
    expect(stored(s, 'photo')?.media).toMatchObject({ sha256, mimeType: 'image/png', localPath: null });
    expect(stored(s, 'pin')?.location).toEqual({ lat: -6.2, lng: 106.8, name: 'Jakarta' });
    // An unreadable location does not cost the message.
    expect(stored(s, 'odd-pin')).toMatchObject({ type: 'location', location: null });
  });

  it('keep a poll with each voter’s current choice, so the card shows the host’s counts', () => {
    const s = (store = memoryStore());
    addAccount(s, REMOTE);
    s.ingest({ chats: [{ accountId: REMOTE, jid: jidOf(1), isGroup: true, name: 'Team' }] });
    const poll = { question: 'Lunch?', options: ['Rice', 'Noodles'], multiple: false };
    const at = Date.now();
    ingestWireMessages(s, [
      wireMessage(1, 'poll-1', {
        type: 'poll',
        media: null,
        body: 'Lunch?',
        poll: {
          ...poll,
          votes: [
            { voterJid: '628555@c.us', options: ['Rice'], timestamp: at },
            { voterJid: '628666@c.us', options: ['Noodles'], timestamp: at },
          ],
        },
      }),
    ]);
    expect(stored(s, 'poll-1')?.poll).toEqual({
      ...poll,
      votes: { '628555@c.us': ['Rice'], '628666@c.us': ['Noodles'] },
    });
    // The host pushes a changed vote: the fact re-sends the poll with the new choice.
    ingestWireMessages(s, [
      wireMessage(1, 'poll-1', {
        type: 'poll',
        media: null,
        body: 'Lunch?',
        poll: { ...poll, votes: [{ voterJid: '628555@c.us', options: ['Noodles'], timestamp: at + 1 }] },
      }),
    ]);
    expect(stored(s, 'poll-1')?.poll?.votes['628555@c.us']).toEqual(['Noodles']);
  });

  it('keep @mentions, shown with the names this desktop’s contacts know, and push them back as ids', () => {
    const s = (store = memoryStore());
    addAccount(s, REMOTE);
    const group = '120363000000000001@g.us';
    const budi = '6281234567890@c.us';
    const hidden = '99887766554433@lid';
    s.ingest({
      chats: [{ accountId: REMOTE, jid: group, isGroup: true, name: 'Team' }],
      contacts: [{ accountId: REMOTE, jid: budi, name: 'Budi Santoso', pushName: 'Budi' }],
    });
    const fact = wireMessage(1, 'mention-1', {
      chatId: `${REMOTE}:${group}`,
      type: 'text',
      caption: null,
      media: null,
      body: 'Halo @6281234567890 dan @99887766554433',
      mentions: [budi, hidden],
    });
    ingestWireMessages(s, [fact]);
    const m = stored(s, 'mention-1');
    expect(m?.mentions).toEqual([
      { jid: budi, name: 'Budi Santoso', phone: '6281234567890' },
      { jid: hidden, name: null, phone: null },
    ]);
    // This desktop's own pushes (after sign-in, the seed) carry the ids, not the names.
    expect(messageInputOfStored(m!, group).mentions).toEqual([budi, hidden]);
    // A later copy of the fact without them (a server from before shared mentions) keeps them.
    const { mentions: _gone, ...older } = fact;
    void _gone;
    ingestWireMessages(s, [older]);
    expect(stored(s, 'mention-1')?.mentions?.map(x => x.jid)).toEqual([budi, hidden]);
  });

  it('drop an unreadable mention list, not the message it came with', () => {
    const fact = wireMessage(1, 'odd', { mentions: ['<b>x</b>'] });
    const parsed = wireMessageSchema.parse(fact);
    expect(parsed.mentions).toBeUndefined();
    expect(parsed.providerMessageId).toBe('odd');
    expect(wireMessageSchema.parse(wireMessage(1, 'many', { mentions: Array(101).fill('628@c.us') })).mentions).toBe(
      undefined,
    );
  });
});
