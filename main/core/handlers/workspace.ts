import type { workspaceCommands } from '../../../common/api/workspace';
import type { Chat, ChatId, MemberId, Note } from '../../../common/domain';
import { asChatId } from '../../../common/domain';
import type { WireChat } from '../../../common/protocol';
import { CommandError } from '../../../common/result';
import type { Store } from '../../store';
import type { WorkspaceSync } from '../../sync/workspace-sync';
import type { EventBus } from '../event-bus';
import type { HandlerTable } from '../router';

type WorkspaceHandlers = Pick<HandlerTable, keyof typeof workspaceCommands>;

/**
 * Team commands go to the server (it enforces permissions and versions); the answer is
 * applied locally at once, so the UI does not wait for the event to come back.
 */
export function workspaceHandlers(
  sync: WorkspaceSync,
  store: Store,
  events: Pick<EventBus, 'emit'>,
): WorkspaceHandlers {
  const applyWire = (wire: WireChat): Chat => {
    store.applyChatWorkspace(asChatId(wire.id), {
      status: wire.status,
      assigneeId: wire.assigneeId as MemberId | null,
      tags: wire.tags,
      version: wire.version,
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

  return {
    'workspace:status': () => sync.status(),
    'workspace:signIn': args => sync.signIn(args),
    'workspace:signOut': () => sync.signOut(),
    'members:list': () => sync.members(),
    'chats:assign': ({ chatId, assigneeId }) =>
      withConflictView(() => sync.call('chat:assign', { chatId, assigneeId, version: localChat(chatId).version })),
    'chats:claim': ({ chatId }) =>
      withConflictView(() => sync.call('chat:claim', { chatId, version: localChat(chatId).version })),
    'chats:setStatus': ({ chatId, status }) =>
      withConflictView(() => sync.call('chat:set-status', { chatId, status, version: localChat(chatId).version })),
    'chats:setTags': ({ chatId, tags }) =>
      withConflictView(() => sync.call('chat:set-tags', { chatId, tags, version: localChat(chatId).version })),
    'notes:add': async ({ chatId, body }) => {
      localChat(chatId);
      const wire = await sync.call('note:add', { chatId, body });
      const me = sync.status().member;
      const note: Note = {
        id: wire.id,
        chatId: asChatId(wire.chatId),
        authorId: wire.authorId as MemberId,
        authorName: me?.name ?? 'You',
        body: wire.body,
        createdAt: wire.createdAt,
      };
      store.saveNote(note);
      events.emit('notes:added', { note });
      return note;
    },
  };
}
