/**
 * Status and tag changes made while the workspace server is out of reach. Each is queued in
 * SQLite (chat_change_queue) and shown on the local chat at once; once online (and after a
 * restart) each row is sent once, with the version the agent saw. A `conflict` answer
 * carries the server's chat: when it already holds our value the row is done (our earlier
 * attempt, or a teammate, got there first); otherwise the row is kept as a conflict for the
 * agent to resolve. Nothing is overwritten without the agent's say.
 */
import type { ChatId, ChatStatus, MemberId } from '../../common/domain';
import type { WireChat } from '../../common/protocol';
import { CommandError } from '../../common/result';
import type { EventBus } from '../platform/event-bus';
import type { Logger } from '../platform/log';
import type { ChatChangeField, ChatChangeValue, QueuedChatChange, Store } from '../store';
import { createQueueDrain } from './queue-drain';

const RETRY_MS = 30_000;

export type ChatChangeSenderDeps = {
  readonly store: Store;
  readonly setStatus: (args: { chatId: string; status: ChatStatus; version: number }) => Promise<WireChat>;
  readonly setTags: (args: { chatId: string; tags: string[]; version: number }) => Promise<WireChat>;
  /** Pin / archive for the team: unversioned, the last change wins. */
  readonly setFlags: (args: { chatId: string; pinned?: boolean; archived?: boolean }) => Promise<WireChat>;
  readonly isOnline: () => boolean;
  readonly events: Pick<EventBus, 'emit'>;
  readonly log: Logger;
};

function serverValueOf(w: WireChat, field: ChatChangeField): ChatChangeValue {
  if (field === 'status') return w.status;
  if (field === 'pinned') return w.pinned ?? false;
  if (field === 'archived') return w.archived ?? false;
  return w.tags;
}

/** Tags compare as sets: the server keeps them in its own order. */
function sameValue(a: ChatChangeValue, b: ChatChangeValue): boolean {
  if (typeof a === 'string' || typeof b === 'string' || typeof a === 'boolean' || typeof b === 'boolean')
    return a === b;
  const sa = [...new Set(a)].sort();
  const sb = [...new Set(b)].sort();
  return sa.length === sb.length && sa.every((t, i) => t === sb[i]);
}

/** Pin and archive: the team's flags, unversioned on the server. */
const isFlagField = (f: ChatChangeField): f is 'pinned' | 'archived' => f === 'pinned' || f === 'archived';

/** A status or tag change: what the agent may be asked to settle. */
export type VersionedChange = QueuedChatChange & {
  readonly field: 'status' | 'tags';
  readonly value: ChatStatus | readonly string[];
  readonly serverValue: ChatStatus | readonly string[] | null;
};
const isVersioned = (c: QueuedChatChange): c is VersionedChange => !isFlagField(c.field);

export function createChatChangeSender(deps: ChatChangeSenderDeps) {
  const { store, events, log } = deps;
  const queue = createQueueDrain({
    next: () => store.nextChatChange(),
    sendOne,
    isOnline: () => deps.isOnline(),
    log,
    what: 'chat change queue',
    retryMs: RETRY_MS,
  });

  const changed = (chatId: ChatId) => {
    const chat = store.getChat(chatId);
    if (chat) events.emit('chats:changed', { chats: [chat] });
  };

  const applyWire = (w: WireChat) =>
    store.applyChatWorkspace(w.id as ChatId, {
      status: w.status,
      assigneeId: w.assigneeId as MemberId | null,
      tags: w.tags,
      version: w.version,
      slaDueAt: w.slaDueAt ?? null,
      pinned: w.pinned,
      archived: w.archived,
    });

  /** After the server's view is applied, what is still queued stays on screen. */
  const reshow = (chatId: ChatId) => {
    for (const c of store.listChatChanges(chatId)) {
      if (c.state !== 'conflict') store.showChatChange(chatId, c.field, c.value);
    }
  };

  const send = (c: QueuedChatChange): Promise<WireChat> => {
    if (c.field === 'status')
      return deps.setStatus({ chatId: c.chatId, status: c.value as ChatStatus, version: c.baseVersion });
    if (isFlagField(c.field)) return deps.setFlags({ chatId: c.chatId, [c.field]: c.value === true });
    return deps.setTags({ chatId: c.chatId, tags: [...(c.value as readonly string[])], version: c.baseVersion });
  };

  function settleConflict(c: QueuedChatChange, current: WireChat): void {
    applyWire(current);
    const theirs = serverValueOf(current, c.field);
    if (sameValue(theirs, c.value)) store.removeChatChange(c.chatId, c.field);
    else {
      store.markChatChangeConflict(c.chatId, c.field, {
        value: theirs,
        version: current.version,
        by: current.assigneeId,
      });
    }
  }

  /** Sends one change; false when the queue must wait (offline, or to retry later). */
  async function sendOne(c: QueuedChatChange): Promise<boolean> {
    store.markChatChangeSending(c.chatId, c.field);
    try {
      applyWire(await send(c));
      store.removeChatChange(c.chatId, c.field);
      return true;
    } catch (err) {
      const code = err instanceof CommandError ? err.code : 'unknown';
      const current =
        err instanceof CommandError ? (err.details as { chat?: WireChat | null } | undefined)?.chat : null;
      const refused = code === 'forbidden' || code === 'not_found' || code === 'invalid_args';
      if (isFlagField(c.field) && refused) {
        // A flag has no conflict to settle: refused, it is dropped, and the server's next
        // view of the chat puts the team's value back on screen.
        store.removeChatChange(c.chatId, c.field);
        log.warn('chat flag refused', { code });
        return true;
      }
      // (A flag meets 'conflict' only when other writes kept racing it: it goes again below.)
      if (code === 'conflict' && current && !isFlagField(c.field)) {
        settleConflict(c, current);
        return true;
      }
      if (!isFlagField(c.field) && (refused || code === 'conflict')) {
        // Refused for good: kept as a conflict with no server value, so the agent sees it.
        const chat = store.getChat(c.chatId);
        store.markChatChangeConflict(c.chatId, c.field, {
          value: chat ? (c.field === 'status' ? chat.status : chat.tags) : c.value,
          version: chat?.version ?? c.baseVersion,
          by: null,
        });
        log.warn('chat change refused', { code });
        return true;
      }
      // Not connected, timed out or a passing server error: the same version goes again,
      // and a repeat that the server had already applied comes back as a matching conflict.
      store.markChatChangeQueued(c.chatId, c.field);
      if (code !== 'unavailable') queue.scheduleRetry();
      return false;
    } finally {
      reshow(c.chatId);
      changed(c.chatId);
    }
  }

  return {
    /** Queues a change the server could not take now and shows it on the chat. */
    enqueue(chatId: ChatId, field: ChatChangeField, value: ChatChangeValue): void {
      const chat = store.getChat(chatId);
      if (!chat) throw new CommandError('not_found', 'That chat is not on this device.');
      store.enqueueChatChange({ chatId, field, value, baseVersion: chat.version });
      store.showChatChange(chatId, field, value);
      changed(chatId);
    },
    /** Status and tag changes still waiting or in conflict (flags never wait on the agent). */
    pending: (chatId: ChatId): VersionedChange[] => store.listChatChanges(chatId).filter(isVersioned),
    /**
     * The team's pin / archive: queued like any change and sent at once when online, so a
     * change made offline reaches the team later and is never lost.
     */
    shareFlags(chatId: ChatId, flags: { pinned?: boolean | undefined; archived?: boolean | undefined }): void {
      const chat = store.getChat(chatId);
      if (!chat) throw new CommandError('not_found', 'That chat is not on this device.');
      for (const field of ['pinned', 'archived'] as const) {
        const value = flags[field];
        if (value === undefined) continue;
        store.enqueueChatChange({ chatId, field, value, baseVersion: chat.version });
        store.showChatChange(chatId, field, value);
      }
      if (deps.isOnline()) void queue.flush();
    },
    /** "Apply mine": send again against the version the agent has now seen. */
    applyMine(chatId: ChatId, field: ChatChangeField): boolean {
      const c = store.getChatChange(chatId, field);
      if (!c || c.state !== 'conflict') return false;
      const version = store.getChat(chatId)?.version ?? c.serverVersion ?? c.baseVersion;
      store.requeueChatChange(chatId, field, version);
      store.showChatChange(chatId, field, c.value);
      changed(chatId);
      if (deps.isOnline()) void queue.flush();
      return true;
    },
    /** "Keep theirs": drop our change; the chat already shows the server's value. */
    keepTheirs(chatId: ChatId, field: ChatChangeField): boolean {
      const c = store.getChatChange(chatId, field);
      if (!c || c.state !== 'conflict') return false;
      store.removeChatChange(chatId, field);
      changed(chatId);
      return true;
    },
    /** A server view of a chat arrived: keep our queued values on screen over it. */
    reshow,
    /** Sends what is queued, oldest first; concurrent calls share one pass. */
    flush: queue.flush,
    close: queue.close,
  };
}

export type ChatChangeSender = ReturnType<typeof createChatChangeSender>;
