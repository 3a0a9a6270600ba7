import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MessageInput } from '../../../common/ingest';
import type { ProviderEvent, WhatsAppProvider } from '../../../main/accounts/provider';
import { createWebjsProvider } from '../../../main/accounts/providers/webjs/provider';
import { FakeWwebClient, ME, fakeFactory, rawMessage } from '../../helpers/accounts/fake-wweb';
import { MemoryStore } from '../../helpers/accounts/memory-store';

const A = 'acc_webjs';
const CUSTOMER = '628111222333@c.us';
const GROUP = '120363000000000001@g.us';

let dir: string;
let fake: FakeWwebClient;
let provider: WhatsAppProvider;
let events: ProviderEvent[];
let store: MemoryStore;

const messages = () => events.flatMap(e => (e.kind === 'message' ? [e.message as MessageInput] : []));
const statuses = () => events.flatMap(e => (e.kind === 'status' ? [e.status] : []));

async function started(opts: { executablePath?: string | null; lookup?: () => string | null } = {}) {
  provider = createWebjsProvider({
    accountId: A,
    dataDir: dir,
    executablePath: opts.executablePath === undefined ? '/usr/bin/chromium' : opts.executablePath,
    pairingPhone: null,
    headless: true,
    clientFactory: fakeFactory(fake),
    log: () => undefined,
    ...(opts.lookup ? { findBrowser: opts.lookup } : {}),
  });
  provider.onEvent(e => {
    events.push(e);
    // Data events go through the same idempotent store the app uses.
    if (e.kind === 'message') store.ingest({ messages: [e.message] });
    if (e.kind === 'ack') store.ingest({ acks: [e.ack] });
    if (e.kind === 'edit') store.ingest({ edits: [e.edit] });
    if (e.kind === 'revoke') store.ingest({ revokes: [e.revoke] });
    if (e.kind === 'reaction') store.ingest({ reactions: [e.reaction] });
  });
  await provider.start();
}

function ready() {
  fake.emit('authenticated', {});
  fake.emit('ready');
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'blazz-webjs-'));
  fake = new FakeWwebClient();
  events = [];
  store = new MemoryStore();
});
afterEach(async () => {
  await provider?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('webjs provider: login', () => {
  it('uses LocalAuth paths under the data folder and reports qr, pairing code and ready', async () => {
    await started();
    expect(fake.options).toMatchObject({ accountId: A, dataPath: join(dir, 'wa'), executablePath: '/usr/bin/chromium' });
    fake.emit('qr', '2@abc,def,ghi');
    fake.emit('code', 'ABCD1234');
    ready();
    expect(events.filter(e => e.kind === 'qr' || e.kind === 'pairing_code')).toEqual([
      { kind: 'qr', qr: '2@abc,def,ghi' },
      { kind: 'pairing_code', code: 'ABCD1234' },
    ]);
    expect(statuses().at(-1)).toEqual({ state: 'ready', phone: '628999000111' });
  });

  it('asks for a pairing code by phone number', async () => {
    await started();
    await expect(provider.request({ op: 'requestPairingCode', phone: '6281234567890' })).resolves.toBe('WXYZ2345');
    expect(fake.calls).toContain('pair:6281234567890');
  });

  it('fails with a clear reason when no browser is installed', async () => {
    await started({ executablePath: null, lookup: () => null });
    expect(statuses().at(-1)).toMatchObject({ state: 'failed', action: 'alert', reason: expect.stringMatching(/No Chrome, Chromium or Edge/) });
    expect(fake.calls).not.toContain('initialize');
  });
});

describe('webjs provider: message types', () => {
  beforeEach(async () => {
    await started();
    ready();
  });

  it('maps every message type to the domain shapes', () => {
    const raws = [
      rawMessage({ chat: CUSTOMER, type: 'chat', body: 'Halo kak', notifyName: 'Budi' }),
      rawMessage({ chat: CUSTOMER, type: 'image', body: '/9j/4AAQSkZJRg==', caption: 'foto', directPath: '/v/1', mimetype: 'image/jpeg', size: 2048, width: 800, height: 600 }),
      rawMessage({ chat: CUSTOMER, type: 'video', body: '/9j/AAAA', caption: '', directPath: '/v/2', mimetype: 'video/mp4', duration: '12' }),
      rawMessage({ chat: CUSTOMER, type: 'audio', body: '', directPath: '/v/3', mimetype: 'audio/mpeg', duration: '30' }),
      rawMessage({ chat: CUSTOMER, type: 'ptt', body: '', directPath: '/v/4', mimetype: 'audio/ogg; codecs=opus', duration: '4' }),
      rawMessage({ chat: CUSTOMER, type: 'document', body: '', caption: 'invoice', directPath: '/v/5', mimetype: 'application/pdf', filename: 'INV-7.pdf' }),
      rawMessage({ chat: CUSTOMER, type: 'sticker', body: 'UklGRg==', directPath: '/v/6', mimetype: 'image/webp' }),
      rawMessage({ chat: CUSTOMER, type: 'location', lat: -6.2, lng: 106.8, loc: 'Monas\nJakarta' }),
      rawMessage({ chat: CUSTOMER, type: 'vcard', body: 'BEGIN:VCARD\nFN:Siti\nEND:VCARD' }),
      rawMessage({ chat: CUSTOMER, type: 'multi_vcard', vcardList: [{ vcard: 'BEGIN:VCARD\nFN:A\nEND:VCARD' }, { vcard: 'BEGIN:VCARD\nFN:B\nEND:VCARD' }] }),
      rawMessage({ chat: CUSTOMER, type: 'e2e_notification', body: '' }),
      rawMessage({ chat: CUSTOMER, type: 'poll_creation', body: '' }),
      rawMessage({ chat: GROUP, type: 'chat', body: 'in the group', sender: '6281777@c.us', notifyName: 'Rina' }),
      rawMessage({ chat: CUSTOMER, type: 'revoked', body: '' }),
    ];
    for (const raw of raws) fake.emit('message_create', fake.msg(raw));
    const got = messages();
    expect(got.map(m => m.type)).toEqual([
      'text', 'image', 'video', 'audio', 'voice', 'document', 'sticker', 'location', 'contact_card', 'contact_card', 'system', 'unknown', 'text', 'text',
    ]);
    const [text, image, video, audio, voice, doc, sticker, location, vcard, multi, , , group, revoked] = got;
    expect(text).toMatchObject({ chatJid: CUSTOMER, body: 'Halo kak', authorName: 'Budi', author: null, fromMe: false });
    expect(text?.timestamp).toBe(raws[0]!.t * 1000);
    expect(image).toMatchObject({ body: null, caption: 'foto', media: { mimeType: 'image/jpeg', size: 2048, width: 800, height: 600, thumbnail: '/9j/4AAQSkZJRg==' } });
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
    const reply = rawMessage({ chat: CUSTOMER, body: 'yes', quotedMsg: { body: 'q' }, quotedStanzaID: '3EB0QUOTED', quotedParticipant: ME });
    fake.emit('message_create', fake.msg(reply));
    expect(messages()).toHaveLength(1);
    expect(messages()[0]?.quotedProviderMessageId).toBe(`true_${CUSTOMER}_3EB0QUOTED`);
  });

  it('turns group notifications into system lines', () => {
    fake.emit('group_join', fake.groupNotification({ chat: GROUP, subtype: 'add', author: '6281777@c.us', recipients: ['6281888@c.us'] }));
    expect(messages()[0]).toMatchObject({ chatJid: GROUP, type: 'system', body: '+6281777 added +6281888' });
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
    expect(events.filter(e => e.kind === 'ack').map(e => (e.kind === 'ack' ? e.ack.ack : null))).toEqual(['delivered', 'read', 'failed']);

    const theirs = rawMessage({ chat: CUSTOMER, body: 'typo' });
    fake.emit('message', fake.msg(theirs));
    fake.emit('message_edit', fake.msg({ ...theirs, body: 'fixed', latestEditSenderTimestampMs: Date.now() }), 'fixed', 'typo');
    expect(store.message(A, theirs.id._serialized)).toMatchObject({ body: 'fixed', edited: true });

    fake.emit('message_reaction', fake.reaction({ parentMsgKey: { _serialized: theirs.id._serialized }, senderUserJid: ME, reactionText: '👍', timestamp: Math.floor(Date.now() / 1000) }));
    expect(store.message(A, theirs.id._serialized)?.reactions.get(ME)).toBe('👍');
    fake.emit('message_reaction', fake.reaction({ parentMsgKey: { _serialized: theirs.id._serialized }, senderUserJid: ME, reactionText: '', timestamp: Math.floor(Date.now() / 1000) }));
    expect(store.message(A, theirs.id._serialized)?.reactions.size).toBe(0);

    const revokedNow = { ...theirs, type: 'revoked', body: '' };
    fake.emit('message_revoke_everyone', fake.msg(revokedNow), fake.msg(theirs));
    expect(store.message(A, theirs.id._serialized)).toMatchObject({ revoked: true, body: null });
  });
});

describe('webjs provider: connection states', () => {
  beforeEach(async () => {
    await started();
    ready();
  });

  it('treats TIMEOUT as reconnecting and CONNECTED afterwards as ready again (which triggers catch-up)', () => {
    fake.emit('change_state', 'TIMEOUT');
    fake.emit('change_state', 'CONNECTED');
    expect(statuses().slice(-2)).toEqual([
      { state: 'connecting', reason: expect.stringMatching(/not reachable/) },
      { state: 'ready', phone: '628999000111' },
    ]);
  });

  it.each([
    ['LOGOUT', 'logged_out', 'rescan'],
    ['UNPAIRED', 'logged_out', 'rescan'],
    ['UNPAIRED_IDLE', 'logged_out', 'rescan'],
    ['CONFLICT', 'disconnected', 'alert'],
    ['TOS_BLOCK', 'failed', 'alert'],
    ['SMB_TOS_BLOCK', 'failed', 'alert'],
    ['PROXYBLOCK', 'failed', 'alert'],
    ['DEPRECATED_VERSION', 'failed', 'alert'],
    ['Max qrcode retries reached', 'disconnected', 'alert'],
    ['UNLAUNCHED', 'disconnected', 'reconnect'],
    ['NAVIGATION', 'disconnected', 'reconnect'],
  ])('disconnected %s → %s, %s', (reason, state, action) => {
    fake.emit('change_state', reason);
    fake.emit('disconnected', reason);
    expect(statuses().at(-1)).toMatchObject({ state, action });
  });

  it('reports a browser that dies without a disconnected event', () => {
    fake.browserEvents.emit('disconnected');
    expect(statuses().at(-1)).toMatchObject({ state: 'disconnected', action: 'reconnect' });
  });

  it('probes with getState, which hangs when the page hangs', async () => {
    await expect(provider.probe()).resolves.toBeUndefined();
    fake.hung = true;
    const outcome = await Promise.race([provider.probe().then(() => 'answered'), new Promise(r => setTimeout(() => r('no answer'), 50))]);
    expect(outcome).toBe('no answer');
  });
});

describe('webjs provider: stop leaves no browser behind', () => {
  it('kills the browser process even when destroy() does not close it', async () => {
    const browser = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const exited = new Promise(r => browser.on('exit', r));
    try {
      fake.browserPid = browser.pid ?? null;
      await started();
      ready();
      await provider.stop();
      await exited;
      expect(browser.exitCode !== null || browser.signalCode !== null).toBe(true);
      expect(fake.calls).toContain('destroy');
    } finally {
      browser.kill('SIGKILL');
    }
  });
});

describe('webjs provider: commands and catch-up', () => {
  beforeEach(async () => {
    await started();
    ready();
  });

  it('sends text, replies and media, marks read, reacts', async () => {
    const sent = await provider.request({ op: 'sendText', chatJid: CUSTOMER, text: 'hi', quotedProviderMessageId: null, clientMessageId: '7f1b7d4e-2a51-4a53-9a40-3c1b0b2c9d10' });
    expect(sent).toMatchObject({ fromMe: true, body: 'hi', clientMessageId: '7f1b7d4e-2a51-4a53-9a40-3c1b0b2c9d10' });
    await provider.request({ op: 'sendText', chatJid: CUSTOMER, text: 're', quotedProviderMessageId: sent.providerMessageId, clientMessageId: null });
    expect(fake.sent[1]?.options).toEqual({ quotedMessageId: sent.providerMessageId });
    const file = join(dir, 'note.ogg');
    writeFileSync(file, Buffer.from('OggS fake'));
    const voice = await provider.request({ op: 'sendMedia', chatJid: CUSTOMER, kind: 'voice', path: file, mimeType: 'audio/ogg', fileName: null, caption: null, quotedProviderMessageId: null, clientMessageId: null });
    expect(voice.type).toBe('voice');
    expect(fake.sent[2]?.options).toMatchObject({ sendAudioAsVoice: true });
    await provider.request({ op: 'markRead', chatJid: CUSTOMER });
    expect(fake.calls).toContain(`sendSeen:${CUSTOMER}`);
  });

  it('downloads media into the data folder, one file per distinct content', async () => {
    const a = fake.remember(rawMessage({ chat: CUSTOMER, type: 'image', body: '', directPath: '/v/a', mimetype: 'image/jpeg' }));
    const b = fake.remember(rawMessage({ chat: CUSTOMER, type: 'image', body: '', directPath: '/v/b', mimetype: 'image/jpeg' }));
    const bytes = Buffer.from('same picture forwarded twice').toString('base64');
    fake.media.set(a.id._serialized, { data: bytes, mimetype: 'image/jpeg', filename: 'a.jpg' });
    fake.media.set(b.id._serialized, { data: bytes, mimetype: 'image/jpeg', filename: 'b.jpg' });
    const ma = await provider.request({ op: 'downloadMedia', chatJid: CUSTOMER, providerMessageId: a.id._serialized });
    const mb = await provider.request({ op: 'downloadMedia', chatJid: CUSTOMER, providerMessageId: b.id._serialized });
    expect(ma?.localPath).toBe(mb?.localPath);
    expect(ma?.localPath?.startsWith(join(dir, 'media'))).toBe(true);
    expect(existsSync(ma?.localPath ?? '')).toBe(true);
    expect(ma?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('catches up only chats and messages newer than the watermarks', async () => {
    fake.addChat(CUSTOMER, 'Budi', 0);
    fake.addChat(GROUP, 'Reseller', 0);
    const old = fake.remember(rawMessage({ chat: CUSTOMER, body: 'old', secondsAgo: 600 }));
    const missed = [1, 2, 3].map(i => fake.remember(rawMessage({ chat: CUSTOMER, body: `missed ${i}`, secondsAgo: 300 - i })));
    fake.remember(rawMessage({ chat: GROUP, body: 'seen', secondsAgo: 500 }));
    const batches: Array<{ messages?: readonly MessageInput[] }> = [];
    const report = await provider.catchUp(
      new Map([
        [CUSTOMER, old.t * 1000],
        [GROUP, Date.now()],
      ]),
      async b => void batches.push(b as { messages?: readonly MessageInput[] }),
    );
    const got = batches.flatMap(b => b.messages ?? []).map(m => m.body);
    expect(got).toEqual(['old', ...missed.map(m => m.body)]);
    expect(report).toEqual({ chats: 1, messages: 4 });
  });

  it('loads older history of a chat', async () => {
    fake.addChat(CUSTOMER, 'Budi');
    for (let i = 0; i < 10; i++) fake.remember(rawMessage({ chat: CUSTOMER, body: `m${i}`, secondsAgo: 100 - i }));
    const before = (Math.floor(Date.now() / 1000) - 94) * 1000;
    const older = await provider.request({ op: 'loadOlder', chatJid: CUSTOMER, beforeMs: before, limit: 3 });
    expect(older.map(m => m.body)).toEqual(['m5', 'm4', 'm3']);
  });
});

