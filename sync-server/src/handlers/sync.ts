/** sync:pull (the event log from a cursor) and sync:push (what a host device's accounts saw). */
import { asAccountId, chatIdOf } from '../../../common/domain';
import { canSeeAccount } from '../../../common/permissions';
import { NOT_ACCOUNT_MEMBER } from '../../../common/protocol';
import type { WireContact } from '../../../common/protocol';
import { CommandError } from '../../../common/result';
import type { NewEvent } from '../db/repositories/events';
import { pullEvents } from '../db/repositories/events';
import { keyOf } from '../db/repositories/message-key';
import type { CreatedMessages, TouchedMessage } from '../db/repositories/push';
import { applyUpdates, reloadChats, upsertChats, upsertContacts, upsertMessages } from '../db/repositories/push';
import { hostedAmong } from '../db/repositories/workspace';
import { chatEvent } from './access';
import type { Services } from './context';
import { commitRaw } from './context';
import type { HandlerTable } from './dispatch';
import { automateInbound, offerAutomated } from '../automation/on-push';
import { runRulesOnPush } from '../automation/rules/execute';

/** Messages per messages:upserted event: bounds the size of one live packet once filled in. */
const MESSAGES_PER_EVENT = 200;

/**
 * One messages:upserted reference per chat and 200 messages, the chat's messages in time
 * order (messages pushed, by their timestamp, then those only updated). The assignee is
 * left for delivery to read: the push does not read the chats back.
 */
function messageEvents(touched: readonly TouchedMessage[], created: CreatedMessages, originDevice: string): NewEvent[] {
  const byChat = new Map<string, { accountId: string; at: Map<string, number> }>();
  for (const t of touched) {
    let chat = byChat.get(t.chatId);
    if (!chat) byChat.set(t.chatId, (chat = { accountId: t.accountId, at: new Map<string, number>() }));
    const at = t.timestamp ?? Number.MAX_SAFE_INTEGER;
    const seen = chat.at.get(t.providerMessageId);
    if (seen === undefined || at < seen) chat.at.set(t.providerMessageId, at);
  }
  const out: NewEvent[] = [];
  for (const [chatId, { accountId, at }] of byChat) {
    const ordered = [...at.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id);
    for (let i = 0; i < ordered.length; i += MESSAGES_PER_EVENT) {
      out.push({
        body: { type: 'messages:upserted', chatId, accountId, ids: ordered.slice(i, i + MESSAGES_PER_EVENT) },
        audience: 'chat',
        accountId,
        chatId,
        originDevice,
        created,
      });
    }
  }
  return out;
}

export function syncHandlers(services: Services): Pick<HandlerTable, 'sync:pull' | 'sync:push'> {
  const { db, database } = services;
  return {
    'sync:pull': async (caller, { cursor, limit }) =>
      pullEvents(
        db,
        database.raw,
        {
          memberId: caller.memberId,
          deviceId: caller.sessionId,
          role: caller.role,
          agentsSeeUnassigned: caller.settings.agentsSeeUnassigned,
        },
        cursor,
        limit,
      ),

    'sync:push': async (caller, batch) => {
      const accountIds = new Set<string>();
      const { contacts, chats, messages, acks, edits, revokes, reactions } = batch;
      for (const list of [contacts, chats, messages, acks, edits, revokes, reactions]) {
        for (const item of list) accountIds.add(item.accountId);
      }
      // Only the device hosting an account speaks for it.
      const hosted = await hostedAmong(db, caller.sessionId, [...accountIds]);
      for (const id of accountIds) {
        if (!hosted.has(id))
          throw new CommandError('forbidden', `this device does not host account '${id.slice(0, 60)}'`);
        // Hosting is not membership: a host removed from the number stops speaking for it.
        if (!canSeeAccount(caller.viewer, id))
          throw new CommandError('forbidden', 'this member may no longer see this account', NOT_ACCOUNT_MEMBER);
      }
      // One transaction per batch, its work and commit in the order the device sent them (the
      // transaction may open while the turn is still ahead); live delivery is queued after the
      // commit rather than awaited, so the host's next batch is not held up by this fan-out.
      const turn = caller.pushTurn;
      if (!turn) throw new Error('sync:push without its turn (dispatch reserves one on arrival)');
      const { events, value: automatedSends } = await commitRaw(
        services,
        async (tx, emit) => {
          await upsertContacts(tx, batch.contacts);
          const pushedChatIds = await upsertChats(tx, batch.chats);
          const { touched: stored, created } = await upsertMessages(tx, batch.messages, {
            consecutiveIds: services.consecutiveRowIds,
          });
          const updated = await applyUpdates(tx, acks, edits, revokes, reactions);
          // A message acked, edited, revoked or reacted to in its own batch no longer equals its input.
          for (const u of updated) created.messages.delete(keyOf(u.accountId, u.providerMessageId));
          for (const chat of await reloadChats(tx, pushedChatIds)) emit(chatEvent('chat:upserted', chat));
          emit(...messageEvents([...stored, ...updated], created, caller.sessionId));
          const automated = await automateInbound(services, tx, batch.messages);
          emit(...automated.events);
          const ruled = await runRulesOnPush(services, tx, batch.messages);
          emit(...ruled.events);
          const contactsByAccount = new Map<string, WireContact[]>();
          for (const c of batch.contacts)
            contactsByAccount.set(c.accountId, [...(contactsByAccount.get(c.accountId) ?? []), c]);
          for (const [accountId, list] of contactsByAccount) {
            emit({
              body: { type: 'contacts:upserted', accountId, contacts: list },
              audience: 'account',
              accountId,
              originDevice: caller.sessionId,
            });
          }
          return [...automated.sends, ...ruled.sends];
        },
        { awaitDelivery: false, gate: work => turn.run(work) },
      );
      if (automatedSends.length) await offerAutomated(services, automatedSends);
      services.metrics.pushedMessages.inc(batch.messages.length);
      return {
        messages: batch.messages.length,
        chats: batch.chats.length,
        contacts: batch.contacts.length,
        updates: acks.length + edits.length + revokes.length + reactions.length,
        lastSeq: events.length ? events[events.length - 1]!.seq : null,
      };
    },
  };
}

export const chatKey = (accountId: string, jid: string): string => chatIdOf(asAccountId(accountId), jid);
