/**
 * Internal notes written on this device, sent to the workspace once. Every note is queued
 * in SQLite first (so offline notes survive restarts) and sent in order when the server is
 * reachable. The server gives a note its id and has no idempotency key, so a note whose
 * answer was lost (time-out, connection dropped) is "uncertain": before it is sent again
 * the chat's notes are checked for it, and a `note:added` of ours with the same body
 * settles it. See docs/team.md for the remaining gap.
 */
import type { NoteAdded, PendingNote } from '../../common/api/workspace';
import type { ChatId, MemberId, Note } from '../../common/domain';
import type { WireNote } from '../../common/protocol';
import { CommandError } from '../../common/result';
import type { EventBus } from '../core/event-bus';
import type { Logger } from '../core/log';
import type { QueuedNote, Store } from '../store';

/** Server and device clocks differ; an uncertain note is looked for from this long before it left. */
const CLOCK_SLACK_MS = 10 * 60_000;
const RETRY_MS = 30_000;
/** Refusals that will not change by trying again. */
const FINAL = new Set(['forbidden', 'not_found', 'invalid_args', 'payload_too_large', 'unknown_command']);

export type NoteSenderDeps = {
  readonly store: Store;
  readonly addNote: (args: { chatId: string; body: string }) => Promise<WireNote>;
  readonly chatNotes: (chatId: string) => Promise<readonly WireNote[]>;
  readonly isOnline: () => boolean;
  readonly me: () => { readonly id: string; readonly name: string } | null;
  readonly events: Pick<EventBus, 'emit'>;
  readonly log: Logger;
};

export const pendingOf = (q: QueuedNote): PendingNote => ({
  clientNoteId: q.clientNoteId,
  chatId: q.chatId,
  body: q.body,
  createdAt: q.createdAt,
  state: q.state,
  lastError: q.lastError,
});

/** A server note as stored here. */
export const noteOfWire = (w: WireNote, authorName: string): Note => ({
  id: w.id,
  chatId: w.chatId as ChatId,
  authorId: w.authorId as MemberId,
  authorName,
  body: w.body,
  createdAt: w.createdAt,
  kind: w.kind === 'handover' ? 'handover' : 'note',
  draft: w.draft ?? null,
  summary: w.summary ?? null,
});

/**
 * The server note an uncertain attempt produced, if any: ours, same body, not older than
 * the first attempt (with clock slack), and not a note this device already holds.
 */
export function findSentCopy(
  q: Pick<QueuedNote, 'body' | 'firstSentAt' | 'createdAt'>,
  serverNotes: readonly WireNote[],
  myId: string,
  known: (id: string) => boolean,
): WireNote | null {
  const since = (q.firstSentAt ?? q.createdAt) - CLOCK_SLACK_MS;
  return (
    serverNotes.find(n => n.authorId === myId && n.body === q.body && n.createdAt >= since && !known(n.id)) ?? null
  );
}

export function createNoteSender(deps: NoteSenderDeps) {
  const { store, events, log } = deps;
  /** Notes whose add() is still waiting for the outcome, and the server's copy once known. */
  const awaiting = new Set<string>();
  const confirmed = new Map<string, Note>();
  const settle = (clientNoteId: string, note: Note) => {
    if (awaiting.has(clientNoteId)) confirmed.set(clientNoteId, note);
  };
  let running: Promise<void> | null = null;
  let again = false;
  let retryTimer: NodeJS.Timeout | null = null;

  const announce = (chatId: string) =>
    events.emit('notes:pending-changed', {
      chatId,
      pending: store.listQueuedNotes(chatId as ChatId).map(pendingOf),
    });

  function confirm(q: QueuedNote, wire: WireNote): Note {
    const note = noteOfWire(wire, deps.me()?.name ?? 'You');
    store.saveNote(note);
    store.removeQueuedNote(q.clientNoteId);
    settle(q.clientNoteId, note);
    events.emit('notes:added', { note });
    announce(q.chatId);
    return note;
  }

  /** Sends one note; false when the queue must wait (offline, or the outcome is unknown). */
  async function sendOne(q: QueuedNote): Promise<boolean> {
    const me = deps.me();
    if (!me) return false;
    if (q.state === 'sending') {
      // A previous attempt may have reached the server: look before sending it again.
      let copy: WireNote | null;
      try {
        copy = findSentCopy(q, await deps.chatNotes(q.chatId), me.id, id => store.getNote(id) !== null);
      } catch (err) {
        if (err instanceof CommandError && FINAL.has(err.code)) {
          store.markNoteFailed(q.clientNoteId, err.message);
          announce(q.chatId);
          return true;
        }
        return false;
      }
      // A live note:added may have settled it while we looked.
      if (!store.getQueuedNote(q.clientNoteId)) return true;
      if (copy) {
        confirm(q, copy);
        return true;
      }
    }
    store.markNoteSending(q.clientNoteId);
    announce(q.chatId);
    try {
      confirm(q, await deps.addNote({ chatId: q.chatId, body: q.body }));
      return true;
    } catch (err) {
      const code = err instanceof CommandError ? err.code : 'unknown';
      const message = err instanceof Error ? err.message : String(err);
      if (FINAL.has(code)) {
        store.markNoteFailed(q.clientNoteId, message);
        announce(q.chatId);
        return true;
      }
      // 'unavailable' is raised before anything left this device; the server refused
      // 'rate_limited' and rolled back 'internal'. Anything else may have been stored.
      if (code === 'unavailable' || code === 'rate_limited' || code === 'internal') {
        store.markNoteQueued(q.clientNoteId, message);
        announce(q.chatId);
        if (code !== 'unavailable') scheduleRetry();
      } else log.warn('note outcome unknown, will check before resending', { err: message });
      return false;
    }
  }

  function scheduleRetry() {
    if (retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void flush();
    }, RETRY_MS);
  }

  async function drain(): Promise<void> {
    do {
      again = false;
      while (deps.isOnline()) {
        const next = store.nextQueuedNote();
        if (!next || !(await sendOne(next))) break;
      }
    } while (again && deps.isOnline());
  }

  /** Sends what is queued, in order; concurrent calls share one pass. */
  function flush(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = drain()
      .catch(err => log.error('note queue failed', { err: String(err) }))
      .finally(() => {
        running = null;
      });
    return running;
  }

  return {
    async add(chatId: ChatId, body: string, clientNoteId: string): Promise<NoteAdded> {
      const q = store.enqueueNote({ clientNoteId, chatId, body });
      announce(chatId);
      awaiting.add(clientNoteId);
      try {
        if (deps.isOnline()) await flush();
      } finally {
        awaiting.delete(clientNoteId);
      }
      const sent = confirmed.get(clientNoteId);
      confirmed.delete(clientNoteId);
      if (sent) return { ...sent, pending: false };
      const now = store.getQueuedNote(clientNoteId);
      if (now?.state === 'failed' && deps.isOnline()) {
        // Refused while the user waits: say so now rather than keep a note that cannot go.
        store.removeQueuedNote(clientNoteId);
        announce(chatId);
        throw new CommandError('forbidden', now.lastError ?? 'The workspace refused this note.');
      }
      const me = deps.me();
      return {
        id: clientNoteId,
        chatId,
        authorId: (me?.id ?? null) as MemberId | null,
        authorName: me?.name ?? 'You',
        body: q.body,
        createdAt: q.createdAt,
        kind: 'note',
        draft: null,
        summary: null,
        pending: true,
      };
    },
    /** A note:added was applied: if it is the server's copy of one in flight here, that one is done. */
    reconcile(note: Note): void {
      const me = deps.me();
      if (!me || note.authorId !== me.id) return;
      const match = store.listQueuedNotes(note.chatId).find(q => q.state === 'sending' && q.body === note.body);
      if (!match) return;
      store.removeQueuedNote(match.clientNoteId);
      settle(match.clientNoteId, note);
      announce(note.chatId);
    },
    pending: (chatId: ChatId): PendingNote[] => store.listQueuedNotes(chatId).map(pendingOf),
    discard(clientNoteId: string): boolean {
      const q = store.getQueuedNote(clientNoteId);
      if (!q || q.state !== 'failed') return false;
      store.removeQueuedNote(clientNoteId);
      announce(q.chatId);
      return true;
    },
    flush,
    close(): void {
      if (retryTimer) clearTimeout(retryTimer);
    },
  };
}

export type NoteSender = ReturnType<typeof createNoteSender>;
