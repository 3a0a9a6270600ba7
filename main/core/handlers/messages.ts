import { randomUUID } from 'node:crypto';
import type { messagesCommands } from '../../../common/api/messages';
import type { MessageReact, WireReactionRequest } from '../../../common/protocol-reactions';
import type { MessageId } from '../../../common/domain';
import { asChatId, asClientMessageId } from '../../../common/domain';
import { CommandError } from '../../../common/result';
import type { AccountManager } from '../../accounts/manager';
import type { Store } from '../../store';
import type { AttachmentFiles } from '../attachment-file';
import type { OutboxSender } from '../outbox-sender';
import type { HandlerTable } from '../router';
import { ownMessageHandlers } from './own-messages';
import type { RemoteChange } from './own-messages';

/** Messages asked of the phone per scroll past the oldest stored one. */
const OLDER_PAGE = 50;

type MessagesHandlers = Pick<HandlerTable, keyof typeof messagesCommands>;

/** Numbers this desktop does not host (a teammate's, a Cloud API number): their reactions go through the server. */
export type RemoteReactions = {
  isRemote(accountId: string): boolean;
  react(args: MessageReact): Promise<WireReactionRequest>;
  /** Edits and deletes for everyone, relayed to the number's host (message:change). */
  change?: RemoteChange;
};

export function messagesHandlers(
  outbox: OutboxSender,
  store: Store,
  accounts: Pick<AccountManager, 'request'>,
  files: AttachmentFiles,
  remote?: RemoteReactions,
): MessagesHandlers {
  return {
    ...ownMessageHandlers(store, accounts, id => remote?.isRemote(id) === true, remote?.change),
    'messages:send': async ({ chatId, attachment, ...rest }, ctx) => {
      // The file is in the outbox's folder before the message is queued: a crash cannot lose it.
      const file = attachment ? await files.store(attachment, ctx) : null;
      return outbox.send({ chatId: asChatId(chatId), ...rest, file, voice: attachment?.voice === true });
    },
    'messages:retry': ({ clientMessageId }) => outbox.retry(asClientMessageId(clientMessageId)),
    'messages:failure': ({ clientMessageId }) => {
      const entry = store.getOutboxEntry(asClientMessageId(clientMessageId));
      return { reason: entry?.state === 'failed' ? entry.lastError : null };
    },
    'messages:loadOlder': async ({ chatId }) => {
      const chat = store.getChat(asChatId(chatId));
      if (!chat) throw new CommandError('not_found', 'That chat is not on this device.');
      // A teammate's or a Cloud API number: its history is on another machine's phone session.
      if (remote?.isRemote(chat.accountId) || !store.getAccount(chat.accountId))
        throw new CommandError('forbidden', 'This number runs elsewhere: its older messages cannot be loaded here.', {
          reason: 'not_hosted',
        });
      const oldest = store.oldestMessage(chat.id);
      const older = await accounts.request(chat.accountId, {
        op: 'loadOlder',
        chatJid: chat.jid,
        beforeMs: oldest?.timestamp ?? null,
        limit: OLDER_PAGE,
      });
      // The account manager has stored them through the ingest path by now.
      const page = store.chatPage({ chatId: chat.id, before: oldest ? String(oldest.seq) : null, limit: OLDER_PAGE });
      return { received: older.messages.length, hasMore: older.hasMore, reachedLimit: older.reachedLimit, page };
    },
    'messages:react': async ({ messageId, emoji }) => {
      const message = store.getMessages([messageId as MessageId])[0];
      if (!message) throw new CommandError('not_found', 'That message is not on this device.');
      const chat = store.getChat(message.chatId);
      if (!chat) throw new CommandError('not_found', 'That chat is not on this device.');
      if (remote?.isRemote(message.accountId)) {
        // The server sends it (Cloud) or relays it to the host; a failure comes back as its code.
        const r = await remote.react({
          clientReactionId: randomUUID(),
          chatId: chat.id,
          providerMessageId: message.providerMessageId,
          emoji,
        });
        if (r.state === 'failed') throw new CommandError('unavailable', r.error ?? 'reaction_failed');
        return null;
      }
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
