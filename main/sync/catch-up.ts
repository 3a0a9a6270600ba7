/**
 * Fetching what no event replays: a chat that just became visible (its messages and notes,
 * a handover among them), every chat of an account this member was just added to, and all
 * visible chats again after our role changed. Errors are logged; a chat whose history
 * still could not be fetched after its retries is owed, and fetched on the next connect.
 */
import { asChatId } from '../../common/domain';
import type { WireChat } from '../../common/protocol';
import type { CommandName as SyncCommand, CommandResult as SyncResult } from '../../common/protocol';
import type { EventBus } from '../platform/event-bus';
import type { Logger } from '../platform/log';
import type { Store } from '../store';
import type { ApplyContext, ApplyEffects } from './apply';
import { applySyncEvent, emptyEffects } from './apply';
import { ingestWireMessages } from './message-inputs';
import { noteOfWire } from './note-sender';

const CHAT_PAGE = 500;

export type CatchUpDeps = {
  readonly store: Store;
  readonly call: <K extends SyncCommand>(name: K, args: unknown) => Promise<SyncResult<K>>;
  readonly applyContext: ApplyContext;
  readonly emitEffects: (fx: ApplyEffects) => void;
  readonly events: Pick<EventBus, 'emit'>;
  readonly log: Logger;
  readonly loaded: { add(accountId: string): void };
};

/** A chat's history is fetched once when it becomes visible; a failed fetch is tried again this often. */
const BACKFILL_RETRIES_MS = [1_000, 5_000, 30_000];

/** `enqueue` runs work on the sync's one queue (a failed backfill is retried through it). */
export function createCatchUp(deps: CatchUpDeps, enqueue: (work: () => Promise<void>) => Promise<void>) {
  const { store, call, events, log } = deps;
  const retries = new Set<NodeJS.Timeout>();
  // Chats whose backfill ran out of retries (a long outage): fetched again on the next connect,
  // since no event would ever bring their history.
  const owed = new Set<string>();
  const later = (work: () => Promise<void>, delayMs: number) => {
    const timer = setTimeout(() => {
      retries.delete(timer);
      void enqueue(work);
    }, delayMs);
    retries.add(timer);
  };

  /**
   * A chat that just became visible: fetch its latest messages and its notes (a handover
   * among them). No event would bring them later, so a failure is retried a few times.
   */
  async function backfill(chatId: string, attempt = 0): Promise<void> {
    try {
      const wire = await call('messages:list', { chatId, limit: 200 });
      const chat = store.getChat(asChatId(chatId));
      // Gone again meanwhile (revoked): its messages must not come back without it.
      owed.delete(chatId);
      if (!chat) return;
      if (wire.length > 0) ingestWireMessages(store, wire);
      log.info('chat history fetched', { chatId, messages: wire.length });
      if (wire.length > 0) events.emit('chats:changed', { chats: [chat] });
      const { notes } = await call('chat:get', { chatId });
      for (const w of notes) {
        if (store.getNote(w.id)) continue;
        const note = noteOfWire(w, deps.applyContext.memberName(w.authorId));
        store.saveNote(note);
        events.emit('notes:added', { note });
      }
    } catch (err) {
      const retryMs = BACKFILL_RETRIES_MS[attempt];
      log.warn('chat history not fetched', { chatId, err: String(err), retryMs: retryMs ?? null });
      if (retryMs !== undefined) later(() => backfill(chatId, attempt + 1), retryMs);
      else owed.add(chatId);
    }
  }

  /** Every chat of an account, applied as if each were granted (their history follows by backfill). */
  async function loadAccountChats(accountId: string): Promise<void> {
    let after: string | null = null;
    try {
      do {
        const page: WireChat[] = await call('chat:list', { accountId, after, limit: CHAT_PAGE });
        const fx = emptyEffects();
        for (const chat of page) applySyncEvent(deps.applyContext, fx, { type: 'chat:granted', chat, seq: 0 });
        deps.emitEffects(fx);
        after = page.length === CHAT_PAGE ? page[page.length - 1]!.id : null;
      } while (after);
      deps.loaded.add(accountId);
    } catch (err) {
      log.warn('account chats not loaded', { accountId, err: String(err) });
    }
  }

  /** After our role changed: every chat of every account we may see. False when it must be tried again. */
  async function reloadAllAccounts(isHosted: (accountId: string) => boolean): Promise<boolean> {
    try {
      for (const a of await call('account:list', {})) if (!isHosted(a.id)) await loadAccountChats(a.id);
      return true;
    } catch (err) {
      log.warn('chats not reloaded after a role change', { err: String(err) });
      return false;
    }
  }

  return {
    backfill,
    /** Connected again: the chats whose history is still owed are fetched now. */
    retryOwed(): void {
      for (const chatId of [...owed]) {
        owed.delete(chatId);
        void enqueue(() => backfill(chatId));
      }
    },
    loadAccountChats,
    reloadAllAccounts,
    /** Drops pending retries (the sync is closing). */
    close(): void {
      for (const timer of retries) clearTimeout(timer);
      retries.clear();
    },
  };
}
