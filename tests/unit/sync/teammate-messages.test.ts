/**
 * Messages of a number hosted on another desktop, as the workspace server sends them, stored
 * on this desktop: media details (not the host's file path) so media:url can fetch the file,
 * and shared locations, which teammates must see as the host does.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { MessageId } from '../../../common/domain';
import type { Store } from '../../../main/store';
import { ingestWireMessages } from '../../../main/sync/apply';
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
});
