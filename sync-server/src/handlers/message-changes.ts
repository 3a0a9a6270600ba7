/**
 * Edit and delete-for-everyone from any device (message:change, docs/protocol.md "Edits
 * and deletes from any device"). The request is stored first under the client's id, so a
 * retried or redelivered command reaches WhatsApp once, then relayed to the number's host
 * (`message-change:requested`), which applies it through the provider and reports it with
 * `message-change:report`; what is still queued is offered again when the host reconnects.
 * The requesting member's devices get `message-change:settled`; the changed message itself
 * reaches everyone through the host's push of the phone's edit or revoke event.
 *
 * Any message WE sent may be changed by any member who sees the chat (not only the agent
 * who typed it): the server does not record which member sent a message the phone or the
 * host sent, and the hosted path (messages:edit on the host) allows the same.
 */
import { EDIT_WINDOW_MS, REVOKE_WINDOW_MS } from '../../../common/message-actions';
import type { MessageChange, WireMessageChange } from '../../../common/protocol-message-changes';
import { CommandError } from '../../../common/result';
import { CLOUD_PROVIDER } from '../../../common/cloud/ids';
import type { MessageChangeRow } from '../db/repositories/message-changes';
import {
  changedMessage,
  insertMessageChange,
  messageChangeById,
  relayedChanges,
  wireMessageChange,
} from '../db/repositories/message-changes';
import { accountById, hitRateLimit } from '../db/repositories/workspace';
import { requireCapability, visibleChat } from './access';
import type { Services } from './context';
import type { HandlerTable } from './dispatch';
import { relayedSteps } from './relayed-requests';
import { rooms } from './rooms';

/** Sends a change to the number's host device. */
const offer = (services: Services, hostSessionId: string, c: WireMessageChange): void =>
  void services.io.to(rooms.device(hostSessionId)).emit('message-change:requested', c);
const steps = relayedSteps({ requests: relayedChanges, wire: wireMessageChange, noun: 'change', offer });

/** The same refusals, and the same windows, as the hosted path (common/message-actions.ts). */
async function checkMessage(
  services: Services,
  chat: { id: string; accountId: string },
  args: MessageChange,
): Promise<void> {
  const m = await changedMessage(services.database.raw, chat.accountId, chat.id, args.providerMessageId);
  if (!m || m.revoked) throw new CommandError('not_found', 'no such message in this chat');
  if (!m.fromMe)
    throw new CommandError('forbidden', 'only our own sent messages can be changed', { reason: 'not_own' });
  if (args.kind === 'edit' && m.type !== 'text')
    throw new CommandError('invalid_args', 'only text messages can be edited', { reason: 'wrong_type' });
  if (args.kind === 'delete' && m.type === 'system')
    throw new CommandError('invalid_args', 'this message cannot be deleted', { reason: 'wrong_type' });
  const window = args.kind === 'edit' ? EDIT_WINDOW_MS : REVOKE_WINDOW_MS;
  if (Date.now() - m.timestamp > window)
    throw new CommandError('too_late', 'WhatsApp no longer allows this for that message', { reason: 'window_passed' });
}

/** The host's changes still waiting, sent to it again (it reconnected). */
export const offerPendingMessageChanges = steps.offerPending;

export function messageChangeHandlers(
  services: Services,
): Pick<HandlerTable, 'message:change' | 'message-change:report' | 'message-change:pending'> {
  const { db } = services;
  return {
    'message:change': async (caller, args: MessageChange) => {
      requireCapability(caller, 'messages.send');
      const stored = await messageChangeById(db, args.clientChangeId);
      if (stored) return steps.retried(stored, caller);
      const chat = await visibleChat(db, caller, args.chatId);
      const account = await accountById(db, chat.accountId);
      if (!account) throw new CommandError('not_found', 'no such account');
      // Graph has no call that edits or deletes a sent message.
      if (account.provider === CLOUD_PROVIDER)
        throw new CommandError('unsupported', 'Cloud API numbers cannot edit or delete sent messages');
      await checkMessage(services, chat, args);
      if (!account.hostDeviceId)
        throw new CommandError('unavailable', 'no device hosts this number', { reason: 'no_host' });
      if ((await hitRateLimit(db, `change:${caller.memberId}`, 60_000, Date.now())) > services.limits.sendsPerMinute)
        throw new CommandError('rate_limited', 'too many changes; wait a minute');
      const now = Date.now();
      const row: MessageChangeRow = {
        clientChangeId: args.clientChangeId,
        accountId: chat.accountId,
        chatId: chat.id,
        chatJid: chat.jid,
        providerMessageId: args.providerMessageId,
        kind: args.kind,
        text: args.kind === 'edit' ? args.text : null,
        senderId: caller.memberId,
        state: 'queued',
        error: null,
        createdAt: now,
        updatedAt: now,
      };
      // Lost a race with a concurrent retry of the same id: that one relays.
      if (!(await insertMessageChange(db, row))) {
        const raced = await messageChangeById(db, args.clientChangeId);
        if (!raced) throw new CommandError('internal', 'change vanished');
        return steps.retried(raced, caller);
      }
      offer(services, account.hostDeviceId, wireMessageChange(row));
      return wireMessageChange(row);
    },

    'message-change:report': async (caller, args) => {
      const outcome = { state: args.status, error: args.error };
      const { first, after } = await steps.report(services, caller, args.clientChangeId, outcome);
      // Once, to the member who asked: their pending edit or delete is over.
      if (first) services.io.to(rooms.member(after.senderId)).emit('message-change:settled', wireMessageChange(after));
      return wireMessageChange(after);
    },

    'message-change:pending': async caller => steps.pending(services, caller.sessionId),
  };
}
