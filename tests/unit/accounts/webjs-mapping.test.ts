import { parseGroupNotice } from '../../../common/preview';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProviderEvent } from '../../../main/accounts/provider';
import type { FakeWwebClient } from '../../helpers/accounts/fake-wweb';
import { ME, rawMessage } from '../../helpers/accounts/fake-wweb';
import type { MemoryStore } from '../../helpers/accounts/memory-store';
import type { WebjsRig } from '../../helpers/accounts/webjs-rig';
import { A, CUSTOMER, GROUP, createWebjsRig } from '../../helpers/accounts/webjs-rig';

let r: WebjsRig;
let fake: FakeWwebClient;
let events: ProviderEvent[];
let store: MemoryStore;
const messages = () => r.messages();
const ready = () => r.ready();
const started = async () => void (await r.start());

beforeEach(() => {
  r = createWebjsRig();
  ({ fake, events, store } = r);
});
afterEach(() => r.dispose());

describe('webjs provider: message types', () => {
  beforeEach(async () => {
    await started();
    ready();
  });

  it('maps every message type to the domain shapes', () => {
    const raws = [
      rawMessage({ chat: CUSTOMER, type: 'chat', body: 'Halo kak', notifyName: 'Budi' }),
      rawMessage({
        chat: CUSTOMER,
        type: 'image',
        body: '/9j/4AAQSkZJRg==',
        caption: 'foto',
        directPath: '/v/1',
        mimetype: 'image/jpeg',
        size: 2048,
        width: 800,
        height: 600,
      }),
      rawMessage({
        chat: CUSTOMER,
        type: 'video',
        body: '/9j/AAAA',
        caption: '',
        directPath: '/v/2',
        mimetype: 'video/mp4',
        duration: '12',
      }),
      rawMessage({
        chat: CUSTOMER,
        type: 'audio',
        body: '',
        directPath: '/v/3',
        mimetype: 'audio/mpeg',
        duration: '30',
      }),
      rawMessage({
        chat: CUSTOMER,
        type: 'ptt',
        body: '',
        directPath: '/v/4',
        mimetype: 'audio/ogg; codecs=opus',
        duration: '4',
      }),
      rawMessage({
        chat: CUSTOMER,
        type: 'document',
        body: '',
        caption: 'invoice',
        directPath: '/v/5',
        mimetype: 'application/pdf',
        filename: 'INV-7.pdf',
      }),
      rawMessage({ chat: CUSTOMER, type: 'sticker', body: 'UklGRg==', directPath: '/v/6', mimetype: 'image/webp' }),
      rawMessage({ chat: CUSTOMER, type: 'location', lat: -6.2, lng: 106.8, loc: 'Monas\nJakarta' }),
      rawMessage({ chat: CUSTOMER, type: 'vcard', body: 'BEGIN:VCARD\nFN:Siti\nEND:VCARD' }),
      rawMessage({
        chat: CUSTOMER,
        type: 'multi_vcard',
        vcardList: [{ vcard: 'BEGIN:VCARD\nFN:A\nEND:VCARD' }, { vcard: 'BEGIN:VCARD\nFN:B\nEND:VCARD' }],
      }),
      rawMessage({ chat: CUSTOMER, type: 'e2e_notification', body: '' }),
      rawMessage({ chat: CUSTOMER, type: 'poll_creation', body: '' }),
      rawMessage({ chat: GROUP, type: 'chat', body: 'in the group', sender: '6281777@c.us', notifyName: 'Rina' }),
      rawMessage({ chat: CUSTOMER, type: 'revoked', body: '' }),
    ];
    for (const raw of raws) fake.emit('message_create', fake.msg(raw));
    const got = messages();
    expect(got.map(m => m.type)).toEqual([
      'text',
      'image',
      'video',
      'audio',
      'voice',
      'document',
      'sticker',
      'location',
      'contact_card',
      'contact_card',
      'system',
      'poll',
      'text',
      'text',
    ]);
    const [text, image, video, audio, voice, doc, sticker, location, vcard, multi, , , group, revoked] = got;
    expect(text).toMatchObject({
      chatJid: CUSTOMER,
      body: 'Halo kak',
      authorName: 'Budi',
      author: null,
      fromMe: false,
    });
    expect(text?.timestamp).toBe(raws[0]!.t * 1000);
    expect(image).toMatchObject({
      body: null,
      caption: 'foto',
      media: { mimeType: 'image/jpeg', size: 2048, width: 800, height: 600, thumbnail: '/9j/4AAQSkZJRg==' },
    });
    expect(video?.media).toMatchObject({ mimeType: 'video/mp4', durationS: 12 });
    expect(audio?.media?.thumbnail).toBeNull();
    expect(voice?.media).toMatchObject({ mimeType: 'audio/ogg; codecs=opus', durationS: 4 });
    expect(doc).toMatchObject({ caption: 'invoice', media: { fileName: 'INV-7.pdf' } });
    expect(sticker?.media?.mimeType).toBe('image/webp');
    expect(location?.location).toEqual({ lat: -6.2, lng: 106.8, name: 'Monas, Jakarta' });
    expect(vcard?.vcard).toContain('FN:Siti');
    expect(multi?.vcard).toContain('FN:A');
    expect(multi?.vcard).toContain('FN:B');
    expect(group).toMatchObject({ chatJid: GROUP, author: '6281777@c.us', authorName: 'Rina' });
    expect(group?.providerMessageId).toMatch(/_6281777@c\.us$/);
    expect(revoked?.revoked).toBe(true);
  });

  it('ignores status broadcasts and builds quoted ids the way WhatsApp serializes them', () => {
    fake.emit('message_create', fake.msg(rawMessage({ chat: 'status@broadcast', body: 'my story' })));
    const reply = rawMessage({
      chat: CUSTOMER,
      body: 'yes',
      quotedMsg: { body: 'q' },
      quotedStanzaID: '3EB0QUOTED',
      quotedParticipant: ME,
    });
    fake.emit('message_create', fake.msg(reply));
    expect(messages()).toHaveLength(1);
    expect(messages()[0]?.quotedProviderMessageId).toBe(`true_${CUSTOMER}_3EB0QUOTED`);
  });

  it('knows a quote of our own message in a lid-addressed group by our lid', async () => {
    const MY_LID = '99887766554433@lid';
    fake.lids.set(ME, MY_LID);
    ready(); // ready again: the provider asks the library for our lid
    await new Promise(resolve => setTimeout(resolve, 0));
    const reply = rawMessage({
      chat: GROUP,
      sender: '55667788990011@lid',
      body: 'agreed',
      quotedMsg: { body: 'our offer' },
      quotedStanzaID: '3EB0MINE',
      quotedParticipant: MY_LID,
    });
    fake.emit('message_create', fake.msg(reply));
    // WhatsApp serializes our own message as `true_<chat>_<stanza>`, without a participant.
    expect(messages().at(-1)?.quotedProviderMessageId).toBe(`true_${GROUP}_3EB0MINE`);
  });

  it('turns group notifications into system lines carrying a code, not English', () => {
    fake.emit(
      'group_join',
      fake.groupNotification({ chat: GROUP, subtype: 'add', author: '6281777@c.us', recipients: ['6281888@c.us'] }),
    );
    expect(messages()[0]).toMatchObject({
      chatJid: GROUP,
      type: 'system',
      body: 'notice:group.add;by=6281777;to=6281888',
    });
    expect(parseGroupNotice(messages()[0]?.body ?? null)).toEqual({
      kind: 'add',
      author: '6281777',
      recipients: ['6281888'],
    });
  });

  it('stores the same message once when the library reports it twice', () => {
    const raw = rawMessage({ chat: CUSTOMER, body: 'only once' });
    fake.emit('message', fake.msg(raw));
    fake.emit('message_create', fake.msg(raw));
    fake.emit('message', fake.msg(raw));
    expect(store.messagesOf(A)).toHaveLength(1);
  });

  it('replaces a ciphertext placeholder with the decrypted message', () => {
    const raw = rawMessage({ chat: CUSTOMER, type: 'ciphertext', body: '' });
    fake.emit('message_ciphertext', fake.msg(raw));
    expect(store.messagesOf(A)[0]).toMatchObject({ type: 'ciphertext', body: null });
    fake.emit('message', fake.msg({ ...raw, type: 'chat', body: 'now readable' }));
    expect(store.messagesOf(A)).toHaveLength(1);
    expect(store.messagesOf(A)[0]).toMatchObject({ type: 'text', body: 'now readable' });
  });

  it('fills a decrypted image in without calling it edited, in the library’s real event order', () => {
    // whatsapp-web.js 1.34.7: message_ciphertext, then message_create once readable, then
    // message_edit from the model's `change:body change:caption` with no edit fields.
    const raw = rawMessage({ chat: CUSTOMER, type: 'ciphertext', body: '' });
    fake.emit('message_ciphertext', fake.msg(raw));
    const image = { ...raw, type: 'image', body: '/9j/4AAQSkZJRgABAQ', caption: undefined };
    fake.emit('message_create', fake.msg(image));
    fake.emit('message_edit', fake.msg(image), '/9j/4AAQSkZJRgABAQ', '');
    expect(store.messagesOf(A)).toHaveLength(1);
    expect(store.messagesOf(A)[0]).toMatchObject({ type: 'image', edited: false });
    expect(events.some(e => e.kind === 'edit')).toBe(false);
  });

  it('keeps a message the phone deleted "for me" for the team', () => {
    const theirs = rawMessage({ chat: CUSTOMER, body: 'keep me' });
    fake.emit('message', fake.msg(theirs));
    fake.emit('message_revoke_me', fake.msg(theirs));
    expect(store.message(A, theirs.id._serialized)).toMatchObject({ revoked: false, body: 'keep me' });
    expect(events.some(e => e.kind === 'revoke')).toBe(false);
  });

  it('replaces a placeholder that never decrypts with an explanation', () => {
    const raw = rawMessage({ chat: CUSTOMER, type: 'ciphertext', body: '' });
    fake.emit('message_ciphertext', fake.msg(raw));
    fake.emit('message_ciphertext_failed', fake.msg(raw));
    expect(store.messagesOf(A)).toHaveLength(1);
    expect(store.messagesOf(A)[0]?.body).toMatch(/could not be decrypted/);
  });

  it('maps acks, revokes, edits and reactions', () => {
    const mine = fake.remember(rawMessage({ chat: CUSTOMER, fromMe: true, body: 'hello' }));
    fake.emit('message_create', fake.msg(mine));
    fake.emit('message_ack', fake.msg(mine), 2);
    fake.emit('message_ack', fake.msg(mine), 3);
    expect(store.message(A, mine.id._serialized)?.ack).toBe('read');
    fake.emit('message_ack', fake.msg(mine), -1);
    expect(events.filter(e => e.kind === 'ack').map(e => (e.kind === 'ack' ? e.ack.ack : null))).toEqual([
      'delivered',
      'read',
      'failed',
    ]);

    const theirs = rawMessage({ chat: CUSTOMER, body: 'typo' });
    fake.emit('message', fake.msg(theirs));
    fake.emit(
      'message_edit',
      fake.msg({ ...theirs, body: 'fixed', latestEditSenderTimestampMs: Date.now() }),
      'fixed',
      'typo',
    );
    expect(store.message(A, theirs.id._serialized)).toMatchObject({ body: 'fixed', edited: true });

    fake.emit(
      'message_reaction',
      fake.reaction({
        parentMsgKey: { _serialized: theirs.id._serialized },
        senderUserJid: ME,
        reactionText: '👍',
        timestamp: Math.floor(Date.now() / 1000),
      }),
    );
    expect(store.message(A, theirs.id._serialized)?.reactions.get(ME)).toBe('👍');
    fake.emit(
      'message_reaction',
      fake.reaction({
        parentMsgKey: { _serialized: theirs.id._serialized },
        senderUserJid: ME,
        reactionText: '',
        timestamp: Math.floor(Date.now() / 1000),
      }),
    );
    expect(store.message(A, theirs.id._serialized)?.reactions.size).toBe(0);

    const revokedNow = { ...theirs, type: 'revoked', body: '' };
    fake.emit('message_revoke_everyone', fake.msg(revokedNow), fake.msg(theirs));
    expect(store.message(A, theirs.id._serialized)).toMatchObject({ revoked: true, body: null });
  });
});
