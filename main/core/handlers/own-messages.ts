/**
 * Editing and deleting our own sent messages (messages:edit, messages:delete). Only on a
 * number this desktop hosts: the phone session that sent the message must change it. The
 * result reaches the store through the provider's edit or revoke event, as the phone's would.
 */
import type { messagesCommands } from '../../../common/api/messages';
import type { Chat, Message, MessageId } from '../../../common/domain';
import type { MessageActionRefusal } from '../../../common/message-actions';
import { editRefusal, revokeRefusal } from '../../../common/message-actions';
import { CommandError } from '../../../common/result';
import type { AccountManager } from '../../accounts/manager';
import type { MessageActionOutcome } from '../../accounts/provider';
import type { Store } from '../../store';
import type { HandlerTable } from '../router';

type OwnMessageHandlers = Pick<
  HandlerTable,
  Extract<keyof typeof messagesCommands, 'messages:edit' | 'messages:delete'>
>;

const REFUSED: Record<MessageActionRefusal, [CommandError['code'], string, string]> = {
  forbidden: ['forbidden', 'Only our own sent messages can be changed.', 'not_own'],
  invalid_args: ['invalid_args', 'WhatsApp does not allow this for that kind of message.', 'wrong_type'],
  too_late: ['too_late', 'WhatsApp no longer allows this for that message.', 'window_passed'],
};

function refuse(why: MessageActionRefusal): never {
  const [code, message, reason] = REFUSED[why];
  throw new CommandError(code, message, { reason });
}

function outcomeOf(outcome: MessageActionOutcome): null {
  if (outcome === 'done') return null;
  if (outcome === 'not_found') throw new CommandError('not_found', 'That message is no longer on WhatsApp.');
  return refuse(outcome === 'not_ours' ? 'forbidden' : 'too_late');
}

export function ownMessageHandlers(
  store: Store,
  accounts: Pick<AccountManager, 'request'>,
  isRemote: (accountId: string) => boolean,
): OwnMessageHandlers {
  const target = (messageId: string): { message: Message; chat: Chat } => {
    const message = store.getMessages([messageId as MessageId])[0];
    if (!message) throw new CommandError('not_found', 'That message is not on this device.');
    const chat = store.getChat(message.chatId);
    if (!chat) throw new CommandError('not_found', 'That chat is not on this device.');
    // A teammate's or a Cloud API number: the phone session that sent it is not here.
    if (isRemote(message.accountId) || !store.getAccount(message.accountId))
      throw new CommandError('forbidden', 'This number runs elsewhere: its messages cannot be changed here.', {
        reason: 'not_hosted',
      });
    return { message, chat };
  };
  return {
    'messages:edit': async ({ messageId, text }) => {
      const { message, chat } = target(messageId);
      const why = editRefusal(message, Date.now());
      if (why) refuse(why);
      const outcome = await accounts.request(message.accountId, {
        op: 'editMessage',
        chatJid: chat.jid,
        providerMessageId: message.providerMessageId,
        text,
      });
      return outcomeOf(outcome);
    },
    'messages:delete': async ({ messageId }) => {
      const { message, chat } = target(messageId);
      const why = revokeRefusal(message, Date.now());
      if (why) refuse(why);
      const outcome = await accounts.request(message.accountId, {
        op: 'deleteMessage',
        chatJid: chat.jid,
        providerMessageId: message.providerMessageId,
      });
      return outcomeOf(outcome);
    },
  };
}
