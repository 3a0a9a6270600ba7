import type { PendingChatChange } from '../../../common/api/chat-changes';
import type { workspaceCommands } from '../../../common/api/workspace';
import { randomUUID } from 'node:crypto';
import type { Chat, ChatId, ChatStatus, MemberId } from '../../../common/domain';
import { asChatId } from '../../../common/domain';
import type { WireChat } from '../../../common/protocol';
import { CommandError } from '../../../common/result';
import type { ChatChangeField, ChatChangeValue, Store } from '../../store';
import type { VersionedChange } from '../../sync/chat-change-sender';
import type { WorkspaceSync } from '../../sync/workspace-sync';
import { storeAiPort } from '../adapters/ai-store';
import type { EventBus } from '../../platform/event-bus';
import type { HandlerTable } from '../router';
import { teamHandlers } from './workspace-team';

const pendingChangeOf = (c: VersionedChange): PendingChatChange => ({
  chatId: c.chatId,
  field: c.field,
  value: c.value,
  state: c.state,
  serverValue: c.serverValue,
  serverBy: c.serverBy,
});

type WorkspaceHandlers = Pick<HandlerTable, keyof typeof workspaceCommands>;

/**
 * Team commands go to the server (it enforces permissions and versions); the answer is
 * applied locally at once, so the UI does not wait for the event to come back.
 */
export function workspaceHandlers(
  sync: WorkspaceSync,
  store: Store,
  events: Pick<EventBus, 'emit'>,
  /** Not signed in, a status is this desktop's own, and its local rules run (local-automation/run.ts). */
  local?: { setStatus(chatId: ChatId, status: ChatStatus): Chat | null },
): WorkspaceHandlers {
  const applyWire = (wire: WireChat): Chat => {
    store.applyChatWorkspace(asChatId(wire.id), {
      status: wire.status,
      assigneeId: wire.assigneeId as MemberId | null,
      tags: wire.tags,
      version: wire.version,
      slaDueAt: wire.slaDueAt ?? null,
    });
    const chat = store.getChat(asChatId(wire.id));
    if (!chat) throw new CommandError('not_found', 'That chat is not on this device.');
    events.emit('chats:changed', { chats: [chat] });
    return chat;
  };

  const localChat = (chatId: string): Chat => {
    const chat = store.getChat(chatId as ChatId);
    if (!chat) throw new CommandError('not_found', 'That chat is not on this device.');
    return chat;
  };

  /** A stale write is refused with the current chat: show it, and say who has it now. */
  const withConflictView = async (run: () => Promise<WireChat>): Promise<Chat> => {
    try {
      return applyWire(await run());
    } catch (err) {
      if (err instanceof CommandError && err.code === 'conflict') {
        const current = (err.details as { chat?: WireChat | null } | undefined)?.chat;
        if (current) {
          const chat = applyWire(current);
          const who = chat.assigneeId
            ? (sync.members().find(m => m.id === chat.assigneeId)?.name ?? 'a teammate')
            : 'nobody';
          throw new CommandError('conflict', `Someone changed this chat first: it is now assigned to ${who}.`, {
            chat,
          });
        }
      }
      throw err;
    }
  };

  /**
   * Status and tags work offline: when the server cannot be reached (or its answer is lost)
   * the change is queued and shown at once, and goes out on reconnect (chat-change-sender.ts).
   */
  const orQueue = async (
    chatId: string,
    field: ChatChangeField,
    value: ChatChangeValue,
    run: () => Promise<Chat>,
  ): Promise<Chat> => {
    const id = localChat(chatId).id;
    if (sync.isOnline()) {
      try {
        const chat = await run();
        store.removeChatChange(id, field);
        return chat;
      } catch (err) {
        if (!(err instanceof CommandError) || (err.code !== 'unavailable' && err.code !== 'timeout')) throw err;
      }
    }
    sync.chatChanges.enqueue(id, field, value);
    return localChat(chatId);
  };

  const ai = storeAiPort(store);
  /** What travels with a transfer: the note, the agent's draft, and the chat's summary if one is cached here. */
  const handoverOf = (chatId: string, given: { note: string; draft: string | null } | undefined) => {
    if (!given) return undefined;
    const summary = ai.summary(asChatId(chatId))?.summary.text.trim() || null;
    const draft = given.draft?.trim() ? given.draft : null;
    if (!given.note && !draft && !summary) return undefined;
    return { note: given.note, draft, summary };
  };

  return {
    ...teamHandlers(sync),
    'workspace:status': () => sync.status(),
    'workspace:signIn': args => sync.signIn(args),
    'workspace:signOut': () => sync.signOut(),
    'members:list': () => sync.members(),
    'chats:assign': ({ chatId, assigneeId, handover }) =>
      withConflictView(() => {
        const h = handoverOf(chatId, handover);
        return sync.call('chat:assign', {
          chatId,
          assigneeId,
          version: localChat(chatId).version,
          ...(h ? { handover: h } : {}),
        });
      }),
    'chats:claim': ({ chatId }) =>
      withConflictView(() => sync.call('chat:claim', { chatId, version: localChat(chatId).version })),
    'chats:setStatus': ({ chatId, status }) =>
      local && sync.status().connection === 'signed_out'
        ? (local.setStatus(localChat(chatId).id, status) ?? localChat(chatId))
        : orQueue(chatId, 'status', status, () =>
            withConflictView(() =>
              sync.call('chat:set-status', { chatId, status, version: localChat(chatId).version }),
            ),
          ),
    'chats:setTags': ({ chatId, tags }) =>
      orQueue(chatId, 'tags', tags, () =>
        withConflictView(() => sync.call('chat:set-tags', { chatId, tags, version: localChat(chatId).version })),
      ),
    'chats:pendingChanges': ({ chatId }) => sync.chatChanges.pending(asChatId(chatId)).map(pendingChangeOf),
    'chats:resolveChange': ({ chatId, field, keep }) => ({
      resolved:
        keep === 'mine'
          ? sync.chatChanges.applyMine(asChatId(chatId), field)
          : sync.chatChanges.keepTheirs(asChatId(chatId), field),
    }),
    // Queued first, then sent: offline the note waits here and goes out on reconnect, once.
    'notes:add': ({ chatId, body, clientNoteId }) =>
      sync.notes.add(localChat(chatId).id, body, clientNoteId ?? randomUUID()),
  };
}
