import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IngestBatchInput, MessageInput } from '../../../common/ingest';
import { messageInputSchema } from '../../../common/ingest';
import type { ProviderEvent } from '../../../main/accounts/provider';
import type { SimulatorOptions } from '../../../main/accounts/providers/simulator/provider';
import { createSimulatorProvider } from '../../../main/accounts/providers/simulator/provider';
import { createWorld } from '../../../main/accounts/providers/simulator/world';
import { waitFor } from '../../helpers/accounts/wait';

const world = (seed: number, chats = 12) =>
  createWorld({
    accountId: 'acc_sim',
    seed,
    epochMs: Date.UTC(2026, 10, 1),
    chats,
    chatterIntervalMs: 10_000,
    history: 100,
  });

describe('simulated world', () => {
  it('is the same conversation for the same seed, and another one for another seed', () => {
    const a = world(42);
    const b = world(42);
    const c = world(43);
    const conversation = (w: ReturnType<typeof world>) => Array.from({ length: 150 }, (_, k) => w.message(k).input);
    expect(conversation(a)).toEqual(conversation(b));
    expect(a.chats).toEqual(b.chats);
    expect(conversation(c).map(m => m.body)).not.toEqual(conversation(a).map(m => m.body));
  });

  it('gives the 1:1 customers of one number distinct names, the same on every start', () => {
    // 200 seeds × 40 chats: without the clash check, names repeat within a world (it made
    // two rows of one number look alike in the team e2e tests).
    for (let seed = 1; seed <= 200; seed++) {
      const names = world(seed, 40)
        .chats.filter(c => !c.isGroup)
        .map(c => c.name);
      expect(new Set(names).size, `seed ${seed}`).toBe(names.length);
    }
    expect(world(9, 40).chats).toEqual(world(9, 40).chats);
  });

  it('writes valid messages in several languages, with accents, in time order', () => {
    const w = world(7, 40);
    const messages = Array.from({ length: 400 }, (_, k) => w.message(k).input);
    for (const m of messages) expect(messageInputSchema.safeParse(m).success).toBe(true);
    expect(messages.map(m => m.timestamp)).toEqual([...messages.map(m => m.timestamp)].sort((x, y) => x - y));
    const text = messages.map(m => `${m.body ?? ''} ${m.authorName ?? ''}`).join(' ');
    expect(text).toMatch(/kak/); // Bahasa Indonesia
    expect(text).toMatch(/order|Thanks/i); // English
    expect(text).toMatch(/[áéíóúãçñüöşğ]/); // accented languages
    expect(messages.some(m => m.type === 'image')).toBe(true);
    expect(messages.some(m => m.author !== null)).toBe(true); // group authors
  });

  it('finds the last scheduled message at any time', () => {
    const w = world(5);
    for (const k of [0, 1, 50, 99, 100, 130]) {
      expect(w.lastIndexAt(w.timeOf(k))).toBe(k);
      expect(w.lastIndexAt(w.timeOf(k) - 1)).toBe(k - 1);
    }
  });
});

describe('simulator provider', () => {
  let dir: string;
  let events: ProviderEvent[];
  const stops: Array<() => Promise<void>> = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'blazz-sim-'));
    events = [];
  });
  afterEach(async () => {
    await Promise.all(stops.splice(0).map(s => s()));
    rmSync(dir, { recursive: true, force: true });
  });

  const start = async (o: Partial<SimulatorOptions> = {}) => {
    const p = createSimulatorProvider({
      accountId: 'acc_sim',
      dataDir: dir,
      seed: 3,
      epochMs: Date.now() - 5_000,
      chats: 4,
      chatterIntervalMs: 0,
      qrScanDelayMs: 5,
      history: 30,
      ackStepMs: 10,
      ready: 'normal',
      ...o,
    });
    p.onEvent(e => events.push(e));
    stops.push(() => p.stop());
    await p.start();
    await waitFor('ready', () => events.some(e => e.kind === 'status' && e.status.state === 'ready'));
    return p;
  };
  const collect = () => {
    const batches: IngestBatchInput[] = [];
    return {
      batches,
      send: async (b: IngestBatchInput) => void batches.push(b),
      messages: () => batches.flatMap(b => (b.messages ?? []) as MessageInput[]),
    };
  };

  it('holds older history that only loadOlder reaches, the same for the same seed, up to the chat’s beginning', async () => {
    const pageThrough = async (p: Awaited<ReturnType<typeof start>>, chatJid: string) => {
      const pages: MessageInput[][] = [];
      let before: number | null = null;
      for (let n = 0; n < 10; n++) {
        const page = await p.request({ op: 'loadOlder', chatJid, beforeMs: before, limit: 40 });
        pages.push([...page.messages]);
        if (!page.hasMore) break;
        before = Math.min(...page.messages.map(m => m.timestamp));
      }
      return pages;
    };
    const p = await start({ olderHistory: 70 });
    const synced = collect();
    await p.catchUp(new Map(), synced.send);
    const chatJid = synced.messages()[0]!.chatJid;
    const inChat = synced.messages().filter(m => m.chatJid === chatJid);
    const pages = await pageThrough(p, chatJid);
    const older = pages.flat();
    // Everything the first sync gave, then 70 more that it did not, newest first, no repeats.
    expect(older).toHaveLength(inChat.length + 70);
    expect(new Set(older.map(m => m.providerMessageId)).size).toBe(older.length);
    const synchedIds = new Set(synced.messages().map(m => m.providerMessageId));
    expect(older.filter(m => !synchedIds.has(m.providerMessageId))).toHaveLength(70);
    expect(older.map(m => m.timestamp)).toEqual([...older.map(m => m.timestamp)].sort((a, b) => b - a));
    for (const m of older) expect(messageInputSchema.safeParse(m).success).toBe(true);
    expect(pages.slice(0, -1).every(page => page.length === 40)).toBe(true);
    await p.stop();
    events.length = 0;
    // Another start of the same number (same seed) has the same past.
    const again = await start({ olderHistory: 70 });
    expect((await pageThrough(again, chatJid)).flat().map(m => m.providerMessageId)).toEqual(
      older.map(m => m.providerMessageId),
    );
  });

  it('sends a poll now and then in live demo traffic, and a group member votes on it', async () => {
    await start({ chats: 8, chatterIntervalMs: 5, epochMs: Date.now() - 1000 });
    const poll = await waitFor('a poll', () =>
      events.flatMap(e => (e.kind === 'message' && e.message.type === 'poll' ? [e.message] : [])).at(0),
    );
    expect(messageInputSchema.parse(poll).poll).toMatchObject({ multiple: false });
    const vote = await waitFor(
      'its vote',
      () =>
        events.find(e => e.kind === 'vote' && e.vote.providerMessageId === poll.providerMessageId) as
          Extract<ProviderEvent, { kind: 'vote' }> | undefined,
      5000,
    );
    expect(poll.poll?.options).toContain(vote.vote.options[0]);
  });

  it('catches up from watermarks and returns nothing twice within one catch-up', async () => {
    const p = await start();
    const all = collect();
    await p.catchUp(new Map(), all.send);
    expect(all.messages()).toHaveLength(30);
    expect(new Set(all.messages().map(m => m.providerMessageId)).size).toBe(30);
    const newest = Math.max(...all.messages().map(m => m.timestamp));
    const marks = new Map(all.messages().map(m => [m.chatJid, newest]));
    const again = collect();
    const report = await p.catchUp(marks, again.send);
    expect(again.messages().every(m => m.timestamp >= newest)).toBe(true);
    expect(report.messages).toBe(again.messages().length);
  });

  it('keeps messages that arrive while offline for catch-up only', async () => {
    const p = await start();
    await p.control?.({ kind: 'offline', durationMs: 50, messages: 25 });
    await waitFor(
      'back online',
      () => events.filter(e => e.kind === 'status' && e.status.state === 'ready').length === 2,
    );
    expect(events.filter(e => e.kind === 'message')).toHaveLength(0);
    const got = collect();
    await p.catchUp(new Map(), got.send);
    expect(got.messages()).toHaveLength(55);
  });

  it('generates real media files, stored once per content', async () => {
    const p = await start({ history: 200 });
    const got = collect();
    await p.catchUp(new Map(), got.send);
    const images = got.messages().filter(m => m.type === 'image');
    expect(images.length).toBeGreaterThan(2);
    const downloaded = await Promise.all(
      images.map(m => p.request({ op: 'downloadMedia', chatJid: m.chatJid, providerMessageId: m.providerMessageId })),
    );
    const first = downloaded[0];
    expect(
      readFileSync(first?.localPath ?? '')
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    // 12 picture variants: more images than variants means some share one file.
    const paths = new Set(downloaded.map(d => d?.localPath));
    expect(paths.size).toBeLessThanOrEqual(12);
    const doc = got.messages().find(m => m.type === 'document');
    expect(doc).toBeDefined();
    const info = await p.request({
      op: 'downloadMedia',
      chatJid: doc?.chatJid ?? '',
      providerMessageId: doc?.providerMessageId ?? '',
    });
    expect(
      readFileSync(info?.localPath ?? '')
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('echoes chat actions back as the chat’s new state, as WhatsApp does', async () => {
    const p = await start();
    const got = collect();
    await p.catchUp(new Map(), got.send);
    const chatJid = got.messages()[0]?.chatJid ?? '';
    await p.request({ op: 'setChatFlags', chatJid, pinned: true, muted: true });
    await p.request({ op: 'setChatFlags', chatJid, archived: true, unread: false });
    const updates = events.flatMap(e => (e.kind === 'chat' && e.chat.jid === chatJid ? [e.chat] : []));
    expect(updates.map(c => [c.pinned, c.archived, c.muted, c.unreadCount])).toEqual([
      [true, undefined, true, undefined],
      [undefined, true, undefined, 0],
    ]);
  });

  it('advances the ticks of a sent message: sent → delivered → read', async () => {
    const p = await start();
    const got = collect();
    await p.catchUp(new Map(), got.send);
    const chatJid = got.messages()[0]?.chatJid ?? '';
    const sent = await p.request({
      op: 'sendText',
      chatJid,
      text: 'Terima kasih!',
      quotedProviderMessageId: null,
      clientMessageId: null,
    });
    expect(sent.ack).toBe('sent');
    await waitFor('read', () => events.some(e => e.kind === 'ack' && e.ack.ack === 'read'));
    const acks = events.flatMap(e =>
      e.kind === 'ack' && e.ack.providerMessageId === sent.providerMessageId ? [e.ack.ack] : [],
    );
    expect(acks).toEqual(['delivered', 'read']);
  });

  it('edits and deletes our own sent message as the phone reports it, and refuses the customer’s', async () => {
    const p = await start();
    const got = collect();
    await p.catchUp(new Map(), got.send);
    const theirs = got.messages().find(m => !m.fromMe && m.type === 'text');
    const chatJid = theirs?.chatJid ?? '';
    const send = (text: string) =>
      p.request({ op: 'sendText', chatJid, text, quotedProviderMessageId: null, clientMessageId: null });
    const a = await send('Harga 10.000');
    const b = await send('salah kirim');
    const edit = { op: 'editMessage', chatJid, text: 'Harga 12.000' } as const;
    expect(await p.request({ ...edit, providerMessageId: a.providerMessageId })).toBe('done');
    expect(await p.request({ op: 'deleteMessage', chatJid, providerMessageId: b.providerMessageId })).toBe('done');
    expect(events).toContainEqual({
      kind: 'edit',
      edit: expect.objectContaining({ providerMessageId: a.providerMessageId, body: 'Harga 12.000' }),
    });
    expect(events).toContainEqual({
      kind: 'revoke',
      revoke: expect.objectContaining({ providerMessageId: b.providerMessageId }),
    });
    // A deleted message cannot be edited or deleted again; the customer's is not ours.
    expect(await p.request({ ...edit, providerMessageId: b.providerMessageId })).toBe('not_found');
    expect(await p.request({ ...edit, providerMessageId: theirs?.providerMessageId ?? '' })).toBe('not_ours');
    expect(await p.request({ ...edit, providerMessageId: 'nope' })).toBe('not_found');
    // A catch-up after a reconnect still has the new text.
    const again = collect();
    await p.catchUp(new Map(), again.send);
    expect(again.messages().find(m => m.providerMessageId === a.providerMessageId)).toMatchObject({
      body: 'Harga 12.000',
      edited: true,
    });
  });
});
