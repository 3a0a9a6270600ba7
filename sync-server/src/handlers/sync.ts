/** sync:pull (the event log from a cursor) and sync:push (what a host device's accounts saw). */
import { asAccountId, chatIdOf } from '../../../common/domain';
import type { WireContact } from '../../../common/protocol';
import { CommandError } from '../../../common/result';
import type { NewEvent } from '../db/repositories/events';
import { pullEvents } from '../db/repositories/events';
import type { MessageRow } from '../db/repositories/chats';
import { toWireMessage } from '../db/repositories/chats';
import { applyUpdates, reloadChats, upsertChats, upsertContacts, upsertMessages } from '../db/repositories/push';
import { accountById } from '../db/repositories/workspace';
import { chatEvent } from './access';
import type { Services } from './context';
import { commitRaw } from './context';
import type { HandlerTable } from './dispatch';

/** Messages per messages:upserted event: bounds the size of one live packet and one log row. */
const MESSAGES_PER_EVENT = 200;

export function syncHandlers(services: Services): Pick<HandlerTable, 'sync:pull' | 'sync:push'> {
  const { db } = services;
  return {
    'sync:pull': async (caller, { cursor, limit }) =>
      pullEvents(
        db,
        { memberId: caller.memberId, role: caller.role, agentsSeeUnassigned: caller.settings.agentsSeeUnassigned },
        cursor,
        limit,
      ),

    'sync:push': async (caller, batch) => {
      const accountIds = new Set<string>();
      for (const list of [batch.contacts, batch.chats, batch.messages, batch.acks, batch.edits, batch.revokes]) {
        for (const item of list) accountIds.add(item.accountId);
      }
      // Only the device hosting an account speaks for it.
      for (const id of accountIds) {
        const account = await accountById(db, id);
        if (!account || account.hostDeviceId !== caller.sessionId) {
          throw new CommandError('forbidden', `this device does not host account '${id.slice(0, 60)}'`);
        }
      }
      const { events } = await commitRaw(services, async (tx, emit) => {
        await upsertContacts(tx, batch.contacts);
        const pushedChatIds = await upsertChats(tx, batch.chats);
        const { chatIds: messageChatIds, rows: messageRows } = await upsertMessages(tx, batch.messages);
        const updated = await applyUpdates(tx, batch.acks, batch.edits, batch.revokes);
        const chats = await reloadChats(tx, [...pushedChatIds, ...messageChatIds, ...updated.map(m => m.chatId)]);
        const chatById = new Map(chats.map(c => [c.id, c]));
        for (const id of new Set(pushedChatIds)) {
          const chat = chatById.get(id);
          if (chat) emit(chatEvent('chat:upserted', chat));
        }
        const byChat = new Map<string, MessageRow[]>();
        for (const m of [...messageRows, ...updated]) byChat.set(m.chatId, [...(byChat.get(m.chatId) ?? []), m]);
        for (const [chatId, rows] of byChat) {
          const chat = chatById.get(chatId);
          if (!chat) continue;
          const unique = [...new Map(rows.map(r => [r.rowId, r])).values()].sort(
            (a, b) => a.timestamp - b.timestamp || a.rowId - b.rowId,
          );
          for (let i = 0; i < unique.length; i += MESSAGES_PER_EVENT) {
            emit({
              body: {
                type: 'messages:upserted',
                chatId,
                messages: unique.slice(i, i + MESSAGES_PER_EVENT).map(toWireMessage),
              },
              audience: 'chat',
              accountId: chat.accountId,
              chatId,
              assigneeId: chat.assigneeId,
            });
          }
        }
        const contactsByAccount = new Map<string, WireContact[]>();
        for (const c of batch.contacts)
          contactsByAccount.set(c.accountId, [...(contactsByAccount.get(c.accountId) ?? []), c]);
        for (const [accountId, list] of contactsByAccount) {
          const ev: NewEvent = {
            body: { type: 'contacts:upserted', accountId, contacts: list },
            audience: 'account',
            accountId,
          };
          emit(ev);
        }
      });
      services.metrics.pushedMessages.inc(batch.messages.length);
      return {
        messages: batch.messages.length,
        chats: batch.chats.length,
        contacts: batch.contacts.length,
        updates: batch.acks.length + batch.edits.length + batch.revokes.length,
        lastSeq: events.length ? events[events.length - 1]!.event.seq : null,
      };
    },
  };
}

export const chatKey = (accountId: string, jid: string): string => chatIdOf(asAccountId(accountId), jid);
