import type { messagesCommands } from '../../../common/api/messages';
import type { MessageId } from '../../../common/domain';
import { asChatId, asClientMessageId } from '../../../common/domain';
import { CommandError } from '../../../common/result';
import type { AccountManager } from '../../accounts/manager';
import type { Store } from '../../store';
import type { OutboxSender } from '../outbox-sender';
import type { HandlerTable } from '../router';

type MessagesHandlers = Pick<HandlerTable, keyof typeof messagesCommands>;

export function messagesHandlers(
  outbox: OutboxSender,
  store: Store,
  accounts: Pick<AccountManager, 'request'>,
): MessagesHandlers {
  return {
    'messages:send': ({ chatId, ...rest }) => outbox.send({ chatId: asChatId(chatId), ...rest }),
    'messages:retry': ({ clientMessageId }) => outbox.retry(asClientMessageId(clientMessageId)),
    'messages:failure': ({ clientMessageId }) => {
      const entry = store.getOutboxEntry(asClientMessageId(clientMessageId));
      return { reason: entry?.state === 'failed' ? entry.lastError : null };
    },
    'messages:react': async ({ messageId, emoji }) => {
      const message = store.getMessages([messageId as MessageId])[0];
      if (!message) throw new CommandError('not_found', 'That message is not on this device.');
      const chat = store.getChat(message.chatId);
      if (!chat) throw new CommandError('not_found', 'That chat is not on this device.');
      await accounts.request(message.accountId, {
        op: 'react',
        chatJid: chat.jid,
        providerMessageId: message.providerMessageId,
        emoji,
      });
      return null;
    },
  };
}
