/**
 * The desktop's team-sync helpers on a real SQLite store: the note queue (offline, lost
 * answers, refusals), presence per member, and the typing throttle. The server is played
 * by small functions with the server's semantics (ids, authors, refusals as CommandErrors);
 * tests/integration/sync/admin.test.ts runs the same code against the real server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChatId } from '../../../common/domain';
import type { WireNote, WirePresence } from '../../../common/protocol';
import { CommandError } from '../../../common/result';
import { silentLogger } from '../../../main/platform/log';
import type { Store } from '../../../main/store';
import { openStore } from '../../../main/store';
import { createNoteSender } from '../../../main/sync/note-sender';
import { presenceByMember } from '../../../main/sync/presence';
import { TYPING_REPEAT_MS, createTypingThrottle } from '../../../main/sync/typing';
import { addAccount, memoryStore, msg } from '../store/fixtures';

const ME = '00000000-0000-4000-8000-00000000000a';

type Emitted = { name: string; payload: unknown }[];

/** A server's notes table: ids, authors and clocks as the real one assigns them, one note per clientNoteId. */
function fakeServer() {
  const notes: WireNote[] = [];
  let n = 0;
  return {
    notes,
    add(chatId: string, body: string, clientNoteId: string | null = null): WireNote {
      const stored = clientNoteId ? notes.find(x => x.clientNoteId === clientNoteId) : undefined;
      if (stored) return stored;
      const note: WireNote = {
        clientNoteId,
        id: `srv-${++n}`,
        chatId,
        authorId: ME,
        body,
        createdAt: Date.now(),
        kind: 'note',
        draft: null,
        summary: null,
      };
      notes.push(note);
      return note;
    },
  };
}

type AddNote = (a: { chatId: string; body: string; clientNoteId: string }) => Promise<WireNote>;

function setup(opts: { online: () => boolean; addNote: AddNote }) {
  const store: Store = memoryStore();
  const accountId = addAccount(store);
  const chatId = store.ingest({ messages: [msg(accountId, '6281@c.us')] }).chatIds[0]!;
  const emitted: Emitted = [];
  const server = fakeServer();
  const sender = createNoteSender({
    store,
    addNote: opts.addNote,
    isOnline: opts.online,
    me: () => ({ id: ME, name: 'Ana' }),
    events: { emit: (name, payload) => emitted.push({ name, payload }) },
    log: silentLogger,
  });
  return { store, chatId, emitted, server, sender };
}

describe('notes written offline', () => {
  it('are queued, shown as pending, and sent once in order when the server is back', async () => {
    let online = false;
    const sent: string[] = [];
    const t = setup({
      online: () => online,
      addNote: async a => {
        sent.push(a.body);
        return t.server.add(a.chatId, a.body);
      },
    });
    const first = await t.sender.add(t.chatId, 'Customer called', 'c1');
    await t.sender.add(t.chatId, 'Refund approved', 'c2');
    expect(first).toMatchObject({ id: 'c1', pending: true, authorName: 'Ana' });
    expect(t.sender.pending(t.chatId).map(p => p.state)).toEqual(['queued', 'queued']);
    expect(t.emitted.filter(e => e.name === 'notes:pending-changed')).toHaveLength(2);

    online = true;
    await Promise.all([t.sender.flush(), t.sender.flush()]);
    await t.sender.flush();
    expect(sent).toEqual(['Customer called', 'Refund approved']);
    expect(t.sender.pending(t.chatId)).toEqual([]);
    expect(t.store.listNotes(t.chatId).map(n => [n.id, n.body])).toEqual([
      ['srv-1', 'Customer called'],
      ['srv-2', 'Refund approved'],
    ]);
    expect(t.emitted.filter(e => e.name === 'notes:added')).toHaveLength(2);
  });

  it('online, a note is answered with the server’s copy', async () => {
    const t = setup({ online: () => true, addNote: async a => t.server.add(a.chatId, a.body) });
    const r = await t.sender.add(t.chatId, 'Hello team', 'c1');
    expect(r).toMatchObject({ id: 'srv-1', pending: false, body: 'Hello team' });
    expect(t.store.countQueuedNotes()).toBe(0);
  });

  it('a lost answer is sent again once with the same clientNoteId, and the server keeps one note', async () => {
    const calls: string[] = [];
    const t = setup({
      online: () => true,
      addNote: async a => {
        calls.push(a.clientNoteId);
        const stored = t.server.add(a.chatId, a.body, a.clientNoteId);
        if (calls.length === 1) throw new CommandError('timeout', 'no answer');
        return stored;
      },
    });
    const r = await t.sender.add(t.chatId, 'Ship on Monday', 'c1');
    expect(r.pending).toBe(true);
    expect(t.store.getQueuedNote('c1')?.state).toBe('sending');
    await t.sender.flush();
    expect(calls).toEqual(['c1', 'c1']);
    expect(t.server.notes).toHaveLength(1);
    expect(t.store.listNotes(t.chatId).map(n => n.id)).toEqual(['srv-1']);
    expect(t.store.countQueuedNotes()).toBe(0);
    // Nothing left to send: another flush sends nothing.
    await t.sender.flush();
    expect(calls).toHaveLength(2);
    t.sender.close();
  });

  it('a lost answer whose note never reached the server is sent again and stored once', async () => {
    let calls = 0;
    const t = setup({
      online: () => true,
      addNote: async a => {
        calls++;
        if (calls === 1) throw new CommandError('timeout', 'no answer');
        return t.server.add(a.chatId, a.body, a.clientNoteId);
      },
    });
    await t.sender.add(t.chatId, 'Ship on Monday', 'c1');
    await t.sender.flush();
    expect(calls).toBe(2);
    expect(t.server.notes).toHaveLength(1);
    t.sender.close();
  });

  it('the server’s note:added with our clientNoteId settles the note in flight; same words alone do not', async () => {
    const t = setup({ online: () => true, addNote: async () => Promise.reject(new CommandError('timeout', 'x')) });
    await t.sender.add(t.chatId, 'Ship on Monday', 'c1');
    await t.sender.add(t.chatId, 'Ship on Monday', 'c2');
    const copy = t.server.add(t.chatId, 'Ship on Monday', 'c1');
    t.store.saveNote({ ...copy, chatId: copy.chatId as ChatId, authorId: ME as never, authorName: 'Ana' });
    // Without an id (an older server) or with another note's id nothing is settled.
    t.sender.reconcile(t.store.getNote(copy.id)!, null);
    t.sender.reconcile(t.store.getNote(copy.id)!, 'c3');
    expect(t.store.countQueuedNotes()).toBe(2);
    t.sender.reconcile(t.store.getNote(copy.id)!, 'c1');
    expect(t.store.listQueuedNotes().map(q => q.clientNoteId)).toEqual(['c2']);
    t.sender.close();
  });

  it('a refusal while the user waits is an error; a refusal later marks the note failed until discarded', async () => {
    const t = setup({ online: () => true, addNote: async () => Promise.reject(new CommandError('not_found', 'gone')) });
    await expect(t.sender.add(t.chatId, 'x', 'c1')).rejects.toMatchObject({ code: 'forbidden' });
    expect(t.store.listQueuedNotes()).toEqual([]);

    let online = false;
    const later = setup({
      online: () => online,
      addNote: async () => Promise.reject(new CommandError('not_found', 'gone')),
    });
    await later.sender.add(later.chatId, 'y', 'c2');
    online = true;
    await later.sender.flush();
    expect(later.sender.pending(later.chatId)).toMatchObject([{ state: 'failed', lastError: 'gone' }]);
    expect(later.sender.discard('c2')).toBe(true);
    expect(later.sender.pending(later.chatId)).toEqual([]);
  });
});

describe('notes across a restart', () => {
  it('a note queued offline is still there after the app restarts, and goes out once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'blazz-note-restart-'));
    try {
      const file = join(dir, 'store.sqlite');
      const first = openStore({ file, checkpointEveryMs: 0 });
      const accountId = addAccount(first);
      const chatId = first.ingest({ messages: [msg(accountId, '6281@c.us')] }).chatIds[0]!;
      const server = fakeServer();
      const senderOf = (store: Store, online: boolean) =>
        createNoteSender({
          store,
          addNote: async a => server.add(a.chatId, a.body, a.clientNoteId),
          isOnline: () => online,
          me: () => ({ id: ME, name: 'Ana' }),
          events: { emit: () => {} },
          log: silentLogger,
        });
      expect((await senderOf(first, false).add(chatId, 'Before the restart', 'c1')).pending).toBe(true);
      first.close();

      const again = openStore({ file, checkpointEveryMs: 0 });
      const sender = senderOf(again, true);
      expect(sender.pending(chatId).map(p => p.body)).toEqual(['Before the restart']);
      await sender.flush();
      await sender.flush();
      expect(server.notes.map(n => n.body)).toEqual(['Before the restart']);
      expect(again.listNotes(chatId).map(n => n.body)).toEqual(['Before the restart']);
      expect(again.countQueuedNotes()).toBe(0);
      again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('presence', () => {
  it('a member counts as their best device; offline devices drop out', () => {
    const devices = new Map<string, WirePresence>([
      ['d1', { memberId: 'ana', deviceId: 'd1', status: 'away' }],
      ['d2', { memberId: 'ana', deviceId: 'd2', status: 'online' }],
      ['d3', { memberId: 'lena', deviceId: 'd3', status: 'away' }],
    ]);
    expect(presenceByMember(devices)).toEqual({ ana: 'online', lena: 'away' });
    devices.delete('d2');
    expect(presenceByMember(devices)).toEqual({ ana: 'away', lena: 'away' });
  });
});

describe('typing reports', () => {
  it('sends the first "active", repeats it only every few seconds, and "inactive" only after an "active"', () => {
    let now = 0;
    const throttle = createTypingThrottle(() => now);
    expect(throttle.shouldSend('c', false)).toBe(false);
    expect(throttle.shouldSend('c', true)).toBe(true);
    now += 500;
    expect(throttle.shouldSend('c', true)).toBe(false);
    expect(throttle.shouldSend('other', true)).toBe(true);
    now += TYPING_REPEAT_MS;
    expect(throttle.shouldSend('c', true)).toBe(true);
    expect(throttle.shouldSend('c', false)).toBe(true);
    expect(throttle.shouldSend('c', false)).toBe(false);
    throttle.reset();
    expect(throttle.shouldSend('other', false)).toBe(false);
  });
});
