import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MessageInput } from '../../../common/ingest';
import type { ProviderEvent, WhatsAppProvider } from '../../../main/accounts/provider';
import { CATCH_UP_MAX_PER_CHAT } from '../../../main/accounts/providers/webjs/history';
import type { FakeWwebClient } from '../../helpers/accounts/fake-wweb';
import { rawMessage } from '../../helpers/accounts/fake-wweb';
import type { WebjsRig } from '../../helpers/accounts/webjs-rig';
import { A, CUSTOMER, GROUP, createWebjsRig } from '../../helpers/accounts/webjs-rig';
import { NO_DNS, SANDBOX_AS_ROOT } from '../../helpers/accounts/link-error-texts';

let r: WebjsRig;
let fake: FakeWwebClient;
let provider: WhatsAppProvider;
let events: ProviderEvent[];
let dir: string;
const statuses = () => r.statuses();
const ready = () => r.ready();
const started = async (opts?: Parameters<WebjsRig['start']>[0]) => {
  provider = await r.start(opts);
};

beforeEach(() => {
  r = createWebjsRig();
  ({ fake, events, dir } = r);
});
afterEach(() => r.dispose());

describe('webjs provider: login', () => {
  it('uses LocalAuth paths under the data folder and reports qr, pairing code and ready', async () => {
    await started();
    expect(fake.options).toMatchObject({
      accountId: A,
      dataPath: join(dir, 'wa'),
      executablePath: process.execPath,
    });
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
    // whatsapp-web.js emits `code` from inside requestPairingCode: the code is shown once.
    expect(events.filter(e => e.kind === 'pairing_code')).toEqual([{ kind: 'pairing_code', code: 'WXYZ2345' }]);
  });

  it('refuses a pairing code asked for before WhatsApp Web’s page is open, instead of throwing inside the library', async () => {
    await started();
    fake.pupPage = null;
    await expect(provider.request({ op: 'requestPairingCode', phone: '6281234567890' })).rejects.toThrow(
      /still opening/,
    );
    expect(fake.calls).not.toContain('pair:6281234567890');
  });

  it('does not open a profile a live browser on this host holds, and says which process', async () => {
    const profile = join(r.dir, 'wa', `session-${A}`);
    mkdirSync(profile, { recursive: true });
    symlinkSync(`${hostname()}-${process.pid}`, join(profile, 'SingletonLock'));
    await started();
    expect(statuses().at(-1)).toMatchObject({
      state: 'failed',
      action: 'alert',
      code: 'profile_locked',
      reason: expect.stringContaining(`process ${process.pid}`),
    });
    expect(fake.calls).not.toContain('initialize');
  });

  it('fails with a clear reason when no browser is installed', async () => {
    await started({ executablePath: null, lookup: () => null });
    expect(statuses().at(-1)).toMatchObject({ state: 'failed', action: 'alert', code: 'browser_missing' });
    expect(fake.calls).not.toContain('initialize');
  });

  it.each([
    ['nowhere/chrome', 'missing'],
    ['notes.txt', 'not_executable'],
    ['.', 'not_a_file'],
  ])('refuses a chosen browser path %s (%s) before launching anything', async (name, problem) => {
    writeFileSync(join(dir, 'notes.txt'), 'not a browser', { mode: 0o644 });
    const path = join(dir, name);
    await started({ executablePath: path });
    expect(statuses().at(-1)).toMatchObject({
      state: 'failed',
      action: 'alert',
      code: 'browser_path_invalid',
      reason: `${problem}: ${path}`,
    });
    expect(fake.calls).not.toContain('initialize');
  });

  it.each([
    [NO_DNS, 'disconnected', 'no_network'],
    ['auth timeout', 'disconnected', 'inject_failed'],
    [SANDBOX_AS_ROOT, 'failed', 'browser_sandbox_root'],
  ])('words a failed initialize() (%s) as a code, keeping the raw text', async (raw, state, code) => {
    fake.onInitialize = () => Promise.reject(raw.startsWith('auth') ? raw : new Error(raw));
    await started();
    await vi.waitFor(() => expect(statuses().at(-1)).toMatchObject({ state, code, reason: raw }));
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
      { state: 'connecting', code: 'phone_unreachable', reason: 'TIMEOUT' },
      { state: 'ready', phone: '628999000111' },
    ]);
  });

  it.each([
    ['LOGOUT', 'logged_out', 'rescan', 'logged_out_phone'],
    ['UNPAIRED', 'logged_out', 'rescan', 'unpaired'],
    ['UNPAIRED_IDLE', 'logged_out', 'rescan', 'unpaired'],
    ['CONFLICT', 'disconnected', 'alert', 'opened_elsewhere'],
    ['TOS_BLOCK', 'failed', 'alert', 'number_blocked'],
    ['SMB_TOS_BLOCK', 'failed', 'alert', 'number_blocked'],
    ['PROXYBLOCK', 'failed', 'alert', 'network_refused'],
    ['DEPRECATED_VERSION', 'failed', 'alert', 'outdated'],
    ['Max qrcode retries reached', 'disconnected', 'alert', 'qr_expired'],
    ['UNLAUNCHED', 'disconnected', 'reconnect', 'disconnected_other'],
    ['NAVIGATION', 'disconnected', 'reconnect', 'disconnected_other'],
    ['toString', 'disconnected', 'reconnect', 'disconnected_other'],
  ])('disconnected %s → %s, %s, %s', (reason, state, action, code) => {
    fake.emit('change_state', reason);
    fake.emit('disconnected', reason);
    expect(statuses().at(-1)).toMatchObject({ state, action, code, reason: `WhatsApp Web disconnected: ${reason}` });
  });

  it('reports a browser that dies without a disconnected event', () => {
    fake.browserEvents.emit('disconnected');
    expect(statuses().at(-1)).toMatchObject({ state: 'disconnected', action: 'reconnect', code: 'browser_closed' });
  });

  it('probes with getState, which hangs when the page hangs', async () => {
    await expect(provider.probe()).resolves.toBeUndefined();
    fake.hung = true;
    const outcome = await Promise.race([
      provider.probe().then(() => 'answered'),
      new Promise(r => setTimeout(() => r('no answer'), 50)),
    ]);
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

describe('webjs provider: a browser that fails while linking', () => {
  it('is watched from the first QR: its crash is reported and stop() kills it', async () => {
    const browser = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const exited = new Promise(r => browser.on('exit', r));
    try {
      fake.browserPid = browser.pid ?? null;
      await started();
      fake.emit('qr', '2@abc,def,ghi');
      // Never linked: no authenticated, no ready. A crash now is still seen...
      fake.browserEvents.emit('disconnected');
      expect(statuses().at(-1)).toMatchObject({ state: 'disconnected', action: 'reconnect' });
      // ...and a hung browser is still ended.
      await provider.stop();
      await exited;
      expect(browser.exitCode !== null || browser.signalCode !== null).toBe(true);
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
    const sent = await provider.request({
      op: 'sendText',
      chatJid: CUSTOMER,
      text: 'hi',
      quotedProviderMessageId: null,
      clientMessageId: '7f1b7d4e-2a51-4a53-9a40-3c1b0b2c9d10',
    });
    expect(sent).toMatchObject({ fromMe: true, body: 'hi', clientMessageId: '7f1b7d4e-2a51-4a53-9a40-3c1b0b2c9d10' });
    await provider.request({
      op: 'sendText',
      chatJid: CUSTOMER,
      text: 're',
      quotedProviderMessageId: sent.providerMessageId,
      clientMessageId: null,
    });
    expect(fake.sent[1]?.options).toEqual({ quotedMessageId: sent.providerMessageId });
    const file = join(dir, 'note.ogg');
    writeFileSync(file, Buffer.from('OggS fake'));
    const voice = await provider.request({
      op: 'sendMedia',
      chatJid: CUSTOMER,
      kind: 'voice',
      path: file,
      mimeType: 'audio/ogg',
      fileName: null,
      caption: null,
      quotedProviderMessageId: null,
      clientMessageId: null,
    });
    expect(voice.type).toBe('voice');
    expect(fake.sent[2]?.options).toMatchObject({ sendAudioAsVoice: true });
    await provider.request({ op: 'markRead', chatJid: CUSTOMER });
    expect(fake.calls).toContain(`sendSeen:${CUSTOMER}`);
  });

  it('passes chat actions to WhatsApp through the library chat', async () => {
    fake.addChat(CUSTOMER, 'Budi');
    await provider.request({ op: 'setChatFlags', chatJid: CUSTOMER, pinned: true, archived: true, muted: true });
    await provider.request({ op: 'setChatFlags', chatJid: CUSTOMER, unread: true });
    await provider.request({ op: 'setChatFlags', chatJid: CUSTOMER, pinned: false, archived: false, muted: false });
    const acted = fake.calls.filter(c => /^(un)?(pin|archive|mute)|^markUnread/.test(c));
    expect(acted).toEqual(
      ['pin', 'archive', 'mute', 'markUnread', 'unpin', 'unarchive', 'unmute'].map(c => `${c}:${CUSTOMER}`),
    );
    await expect(provider.request({ op: 'setChatFlags', chatJid: '6200000@c.us', pinned: true })).rejects.toThrow();
  });

  it('blocks and unblocks the person through the library’s Contact, and refuses a group as the library does', async () => {
    fake.addChat(CUSTOMER, 'Budi');
    await provider.request({ op: 'setBlocked', chatJid: CUSTOMER, blocked: true });
    expect(fake.blocked.has(CUSTOMER)).toBe(true);
    await provider.request({ op: 'setBlocked', chatJid: CUSTOMER, blocked: false });
    expect(fake.blocked.has(CUSTOMER)).toBe(false);
    expect(fake.calls.filter(c => /^(un)?block /.test(c))).toEqual([`block ${CUSTOMER}`, `unblock ${CUSTOMER}`]);
    await expect(provider.request({ op: 'setBlocked', chatJid: '1203630@g.us', blocked: true })).rejects.toThrow(
      /group/,
    );
  });

  it('downloads media into the data folder, one file per distinct content', async () => {
    const a = fake.remember(
      rawMessage({ chat: CUSTOMER, type: 'image', body: '', directPath: '/v/a', mimetype: 'image/jpeg' }),
    );
    const b = fake.remember(
      rawMessage({ chat: CUSTOMER, type: 'image', body: '', directPath: '/v/b', mimetype: 'image/jpeg' }),
    );
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
    const missed = [1, 2, 3].map(i =>
      fake.remember(rawMessage({ chat: CUSTOMER, body: `missed ${i}`, secondsAgo: 300 - i })),
    );
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

  it('stops a catch-up at 20,000 messages of a chat before fetching more', async () => {
    fake.addChat(CUSTOMER, 'Budi', 0);
    // One message a second for the last 20,001 seconds.
    for (let i = 0; i <= CATCH_UP_MAX_PER_CHAT; i++)
      fake.remember(rawMessage({ chat: CUSTOMER, body: `m${i}`, secondsAgo: CATCH_UP_MAX_PER_CHAT + 1 - i }));
    // A watermark older than all of them: the chat has more missing than the cap.
    const mark = Date.now() - (CATCH_UP_MAX_PER_CHAT + 60) * 1000;
    await provider.catchUp(new Map([[CUSTOMER, mark]]), async () => undefined);
    expect(Math.max(...fake.fetchLimits)).toBe(CATCH_UP_MAX_PER_CHAT);
  }, 30_000);

  it('pages older history with a growing fetch limit until the phone has no more', async () => {
    fake.addChat(CUSTOMER, 'Budi');
    for (let i = 0; i < 120; i++) fake.remember(rawMessage({ chat: CUSTOMER, body: `m${i}`, secondsAgo: 1000 - i }));
    const pages: Array<{ bodies: (string | null)[]; hasMore: boolean; reachedLimit: boolean }> = [];
    let before: number | null = null;
    for (let n = 0; n < 4; n++) {
      const page = await provider.request({ op: 'loadOlder', chatJid: CUSTOMER, beforeMs: before, limit: 50 });
      pages.push({ bodies: page.messages.map(m => m.body), hasMore: page.hasMore, reachedLimit: page.reachedLimit });
      if (!page.hasMore) break;
      before = Math.min(...page.messages.map(m => m.timestamp));
    }
    const range = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, i) => `m${from - i}`);
    expect(pages).toEqual([
      { bodies: range(119, 70), hasMore: true, reachedLimit: false },
      { bodies: range(69, 20), hasMore: true, reachedLimit: false },
      { bodies: range(19, 0), hasMore: false, reachedLimit: false },
    ]);
    // Each ask goes one page deeper than the last (the page keeps what it loaded): no refetch from 50.
    expect(fake.fetchLimits).toEqual([50, 100, 150]);
    expect(fake.pageLoaded.get(CUSTOMER)).toBe(120);
  });

  it('starts again from the newest after a restart: a new WhatsApp Web page holds nothing yet', async () => {
    fake.addChat(CUSTOMER, 'Budi');
    for (let i = 0; i < 60; i++) fake.remember(rawMessage({ chat: CUSTOMER, body: `m${i}`, secondsAgo: 1000 - i }));
    await provider.request({ op: 'loadOlder', chatJid: CUSTOMER, beforeMs: null, limit: 50 });
    await provider.stop();
    // The fake stands for the new page too: it starts empty, as a new WhatsApp Web page does.
    fake.pageLoaded.clear();
    fake.fetchLimits.length = 0;
    provider = await r.start();
    ready();
    const page = await provider.request({ op: 'loadOlder', chatJid: CUSTOMER, beforeMs: null, limit: 20 });
    expect(page.messages).toHaveLength(20);
    expect(fake.fetchLimits).toEqual([20]);
  });

  it('loads older history of a chat', async () => {
    fake.addChat(CUSTOMER, 'Budi');
    for (let i = 0; i < 10; i++) fake.remember(rawMessage({ chat: CUSTOMER, body: `m${i}`, secondsAgo: 100 - i }));
    const before = (Math.floor(Date.now() / 1000) - 94) * 1000;
    const older = await provider.request({ op: 'loadOlder', chatJid: CUSTOMER, beforeMs: before, limit: 3 });
    expect(older.messages.map(m => m.body)).toEqual(['m5', 'm4', 'm3']);
    expect(older.hasMore).toBe(true);
  });
});
