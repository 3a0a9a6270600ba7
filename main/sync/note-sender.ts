/**
 * Internal notes written on this device, sent to the workspace once. Every note is queued
 * in SQLite first (so offline notes survive restarts) and sent in order when the server is
 * reachable, always with its queue id as note:add's `clientNoteId`: the server keeps one
 * note per id, so a note whose answer was lost (time-out, connection dropped) is simply
 * sent again, and a `note:added` carrying that id settles it too.
 */
import type { NoteAdded, PendingNote } from '../../common/api/workspace';
import type { ChatId, MemberId, Note } from '../../common/domain';
import type { WireNote } from '../../common/protocol';
import { CommandError } from '../../common/result';
import type { EventBus } from '../platform/event-bus';
import type { Logger } from '../platform/log';
import type { QueuedNote, Store } from '../store';
import { createQueueDrain } from './queue-drain';

const RETRY_MS = 30_000;
/** Refusals that will not change by trying again. */
const FINAL = new Set(['forbidden', 'not_found', 'invalid_args', 'payload_too_large', 'unknown_command']);

export type NoteSenderDeps = {
  readonly store: Store;
  readonly addNote: (args: { chatId: string; body: string; clientNoteId: string }) => Promise<WireNote>;
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

export function createNoteSender(deps: NoteSenderDeps) {
  const { store, events, log } = deps;
  /** Notes whose add() is still waiting for the outcome, and the server's copy once known. */
  const awaiting = new Set<string>();
  const confirmed = new Map<string, Note>();
  const settle = (clientNoteId: string, note: Note) => {
    if (awaiting.has(clientNoteId)) confirmed.set(clientNoteId, note);
  };
  const queue = createQueueDrain({
    next: () => store.nextQueuedNote(),
    sendOne,
    isOnline: () => deps.isOnline(),
    log,
    what: 'note queue',
    retryMs: RETRY_MS,
  });

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
    if (!deps.me()) return false;
    store.markNoteSending(q.clientNoteId);
    announce(q.chatId);
    try {
      confirm(q, await deps.addNote({ chatId: q.chatId, body: q.body, clientNoteId: q.clientNoteId }));
      return true;
    } catch (err) {
      const code = err instanceof CommandError ? err.code : 'unknown';
      const message = err instanceof Error ? err.message : String(err);
      // A live note:added with our id may have settled it while we waited.
      if (!store.getQueuedNote(q.clientNoteId)) return true;
      if (FINAL.has(code)) {
        store.markNoteFailed(q.clientNoteId, message);
        announce(q.chatId);
        return true;
      }
      // 'unavailable' is raised before anything left this device; the server refused
      // 'rate_limited' and rolled back 'internal'. Anything else (a time-out) may have been
      // stored: it stays 'sending' and goes again with the same id, which the server
      // answers with the stored note.
      if (code === 'unavailable' || code === 'rate_limited' || code === 'internal') {
        store.markNoteQueued(q.clientNoteId, message);
        announce(q.chatId);
      } else log.warn('note outcome unknown, will send it again with the same id', { err: message });
      if (code !== 'unavailable') queue.scheduleRetry();
      return false;
    }
  }

  return {
    async add(chatId: ChatId, body: string, clientNoteId: string): Promise<NoteAdded> {
      const q = store.enqueueNote({ clientNoteId, chatId, body });
      announce(chatId);
      awaiting.add(clientNoteId);
      try {
        if (deps.isOnline()) await queue.flush();
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
    /** A note:added was applied: if it carries the id of one queued here, that one is done. */
    reconcile(note: Note, clientNoteId: string | null): void {
      if (!clientNoteId) return;
      const match = store.getQueuedNote(clientNoteId);
      if (!match || match.chatId !== note.chatId) return;
      store.removeQueuedNote(clientNoteId);
      settle(clientNoteId, note);
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
    /** Sends what is queued, oldest first; concurrent calls share one pass. */
    flush: queue.flush,
    close: queue.close,
  };
}

export type NoteSender = ReturnType<typeof createNoteSender>;
