/**
 * `ingestWithFacts`: the facts for the renderer are built from what the batch wrote, and must be
 * exactly what the store's readers return after it (getMessages, getChats). Each batch here
 * is compared with those reads, field by field, in order.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountId, ClientMessageId } from '../../../common/domain';
import type { IngestBatchInput, MessageInput } from '../../../common/ingest';
import { isCheckedBatch, parseItems } from '../../../common/ingest';
import type { Store } from '../../../main/store';
import { addAccount, memoryStore, msg, T0 } from './fixtures';

let store: Store;
let acc: AccountId;
const JID = '6281111@c.us';
const OTHER = '6282222@c.us';
const GROUP = '120363000000000001@g.us';
const LID = '99887766@lid';

beforeEach(() => {
  store = memoryStore();
  acc = addAccount(store);
});
afterEach(() => store.close());

/** Ingests with facts and checks them against the readers; returns them for further checks. */
function ingestAndCompare(batch: IngestBatchInput) {
  const { report, facts } = store.ingestWithFacts(batch);
  expect(facts.received).toEqual(store.getMessages(report.newMessageIds));
  expect(facts.updated).toEqual(store.getMessages(report.updatedMessageIds));
  expect(facts.chats).toEqual(store.getChats(report.chatIds));
  return { report, facts };
}

const image = (over: Partial<MessageInput> = {}) =>
  msg(acc, JID, {
    type: 'image',
    body: null,
    caption: 'foto paket',
    media: {
      mimeType: 'image/jpeg',
      fileName: 'a.jpg',
      size: 12345,
      sha256: null,
      localPath: null,
      width: 640,
      height: 480,
      durationS: 1.5,
      thumbnail: null,
    },
    ...over,
  });

const ref = (m: MessageInput) => ({ accountId: m.accountId, providerMessageId: m.providerMessageId });

describe('ingestWithFacts: the facts are the stored rows', () => {
  it('new messages of every shape, out of time order, with the same fields and order as getMessages', () => {
    const late = msg(acc, JID, { timestamp: T0 - 60_000, body: 'older history' });
    const { facts, report } = ingestAndCompare({
      messages: [
        msg(acc, JID, { body: 'halo', author: null, ack: 'delivered', quotedProviderMessageId: 'q1' }),
        late,
        image(),
        msg(acc, OTHER, { type: 'location', body: null, location: { lat: -6.2, lng: 106.8166, name: 'Monas' } }),
        msg(acc, OTHER, { type: 'contact_card', body: null, vcard: 'BEGIN:VCARD\nEND:VCARD' }),
        msg(acc, GROUP, { author: '6283333@c.us', authorName: 'Sari', fromMe: false }),
        msg(acc, GROUP, {
          type: 'poll',
          body: null,
          poll: { question: 'Jam buka?', options: ['Pagi', 'Sore'], multiple: false },
        }),
        msg(acc, OTHER, { revoked: true, body: 'gone' }),
        msg(acc, JID, { fromMe: true, ack: 'pending', edited: true }),
      ],
    });
    expect(report).toMatchObject({ messagesInserted: 9, rejectedCount: 0 });
    expect(facts.received[0]?.providerMessageId).toBe(late.providerMessageId);
    expect(facts.chats).toHaveLength(3);
  });

  it('rows a later item of the same batch changed: a repeat, an ack, an edit, a revoke, a reaction, a vote', () => {
    const a = msg(acc, JID, { fromMe: true, ack: 'sent' });
    const b = msg(acc, JID, { body: 'typo' });
    const c = msg(acc, JID, { body: 'secret' });
    const d = msg(acc, JID);
    const poll = msg(acc, GROUP, {
      type: 'poll',
      body: null,
      poll: { question: 'Ya?', options: ['Ya', 'Tidak'], multiple: false },
    });
    const { facts } = ingestAndCompare({
      messages: [a, b, c, d, poll, { ...a, ack: 'read' }],
      acks: [{ ...ref(d), ack: 'read' }],
      edits: [{ ...ref(b), body: 'fixed', editedAt: T0 + 99_000 }],
      revokes: [{ ...ref(c), revokedAt: T0 + 99_000 }],
      reactions: [{ ...ref(a), senderJid: '6289@c.us', emoji: '👍', timestamp: T0 + 1 }],
      votes: [{ ...ref(poll), voterJid: '6289@c.us', options: ['Ya'], timestamp: T0 + 2 }],
    });
    const byId = new Map(facts.received.map(m => [m.providerMessageId, m]));
    expect(byId.get(a.providerMessageId)).toMatchObject({ ack: 'read', reactions: [{ emoji: '👍' }] });
    expect(byId.get(b.providerMessageId)).toMatchObject({ body: 'fixed', edited: true });
    expect(byId.get(c.providerMessageId)).toMatchObject({ body: null, revoked: true });
    expect(byId.get(d.providerMessageId)?.ack).toBe('read');
    expect(byId.get(poll.providerMessageId)?.poll?.votes).toEqual({ '6289@c.us': ['Ya'] });
  });

  it('a reaction stored before its message arrives comes with the message', () => {
    const m = msg(acc, JID);
    store.ingest({ reactions: [{ ...ref(m), senderJid: '6289@c.us', emoji: '🙏', timestamp: T0 }] });
    const { facts } = ingestAndCompare({ messages: [m] });
    expect(facts.received[0]?.reactions).toEqual([{ senderJid: '6289@c.us', emoji: '🙏', timestamp: T0 }]);
  });

  it('mentions with their contacts’ names, and the automation mark of an echo, are the stored ones', () => {
    const auto = randomUUID() as ClientMessageId;
    const chatId = store.ingest({ messages: [msg(acc, JID)] }).chatIds[0]!;
    store.claimAutomationSend({ chatId, kind: 'away', windowKey: 1, clientMessageId: auto, now: T0 });
    const { facts } = ingestAndCompare({
      contacts: [{ accountId: acc, jid: OTHER, name: 'Budi Santoso' }],
      messages: [
        { ...msg(acc, GROUP, { body: 'Halo @6282222' }), mentions: [OTHER, '6287777@c.us'] },
        msg(acc, JID, { fromMe: true, clientMessageId: auto, providerMessageId: 'WA-auto' }),
      ],
    });
    expect(facts.received[0]?.mentions?.[0]).toEqual({ jid: OTHER, name: 'Budi Santoso', phone: '6282222' });
    expect(facts.received[1]?.automated).toBe(true);
  });

  it('an outbox echo adopting its optimistic row, and repeats of stored messages', () => {
    const cmid = randomUUID() as ClientMessageId;
    store.enqueueOutgoing({
      clientMessageId: cmid,
      accountId: acc,
      chatJid: JID,
      payload: { type: 'text', body: 'x' },
    });
    const stored = msg(acc, JID);
    store.ingest({ messages: [stored] });
    ingestAndCompare({
      messages: [
        msg(acc, JID, { fromMe: true, clientMessageId: cmid, providerMessageId: 'WA-echo', body: 'x' }),
        stored,
        { ...stored, ack: 'read' },
        msg(acc, JID),
      ],
    });
  });

  it('a lid merge in the same batch as messages for both chats', () => {
    store.ingest({ messages: [msg(acc, LID, { body: 'dari lid' })] });
    ingestAndCompare({
      messages: [msg(acc, LID, { body: 'lagi dari lid' })],
    });
    const { facts } = ingestAndCompare({
      contacts: [{ accountId: acc, jid: '6281234567@c.us', lid: LID, pushName: 'Budi' }],
      messages: [msg(acc, LID, { body: 'setelah' }), msg(acc, '6281234567@c.us', { body: 'dari nomor' })],
      chats: [{ accountId: acc, jid: OTHER, isGroup: false, name: 'Lain', unreadCount: 3 }],
    });
    expect(facts.received.map(m => m.chatId)).toEqual([`${acc}:6281234567@c.us`, `${acc}:6281234567@c.us`]);
  });

  it('the same report as ingest, and no facts for a batch that changed nothing', () => {
    const m = msg(acc, JID);
    store.ingest({ messages: [m] });
    const { report, facts } = ingestAndCompare({ messages: [m] });
    expect(report).toMatchObject({ messagesInserted: 0, newMessageIds: [], updatedMessageIds: [], chatIds: [] });
    expect(facts).toEqual({ received: [], updated: [], chats: [] });
  });
});

describe('a batch parseItems checked is not validated again by the store', () => {
  it('is marked, and a copy or a batch that crossed a pipe is not', () => {
    const { batch } = parseItems({ messages: [msg(acc, JID)] });
    expect(isCheckedBatch(batch)).toBe(true);
    expect(isCheckedBatch({ ...batch })).toBe(false);
    expect(isCheckedBatch(JSON.parse(JSON.stringify(batch)) as object)).toBe(false);
    expect(Object.keys(batch)).not.toContain('checked');
  });

  it('the store trusts the checked batch’s items and checks everyone else’s', () => {
    // Changing a checked batch after its parse is what the type forbids; done here only to
    // show that the store does not run the item schemas on it (an over-long body passes).
    const tooLong = msg(acc, JID, { body: 'x'.repeat(200_001) });
    const unchecked = store.ingest({ messages: [tooLong] });
    expect(unchecked).toMatchObject({ messagesInserted: 0, rejectedCount: 1 });

    const { batch } = parseItems({ messages: [msg(acc, JID)] });
    batch.messages.push(msg(acc, JID, { body: 'x'.repeat(200_001) }));
    const checked = store.ingestWithFacts(batch).report;
    expect(checked).toMatchObject({ messagesInserted: 2, rejectedCount: 0 });
  });

  it('an unknown account is still refused per item in a checked batch', () => {
    const { batch, refused } = parseItems({ messages: [msg('nobody' as AccountId, JID), msg(acc, JID)] });
    expect(refused).toBe(0);
    expect(store.ingestWithFacts(batch).report).toMatchObject({ messagesInserted: 1, rejectedCount: 1 });
  });
});
