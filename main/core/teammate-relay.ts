/**
 * What this desktop does for teammates on the numbers it hosts (RelayPort): their replies go
 * through the local outbox (an attachment downloaded from the workspace first), their
 * reactions, edits, deletes and reads through the number's provider.
 */
import type { AccountManager } from '../accounts/manager';
import { asChatId } from '../../common/domain';
import { CommandError } from '../../common/result';
import type { Store } from '../store';
import type { AttachmentTransfer } from '../sync/attachment-transfer';
import type { RelayPort } from '../sync/relay';
import type { OutboxSender } from './outbox-sender';
import { teammateChange } from './handlers/own-messages';
import type { OwnReceiptDeps } from './own-receipts';
import { relayedReceipt } from './own-receipts';

export type TeammateRelayDeps = {
  readonly store: Store;
  readonly accounts: Pick<AccountManager, 'request' | 'list'>;
  readonly outbox: Pick<OutboxSender, 'send' | 'settled'>;
  readonly receipts: Pick<OwnReceiptDeps, 'sendsReceipts' | 'markRead'>;
  /** The workspace's attachment download; read at each send (the sync is built after this). */
  readonly attachments: () => AttachmentTransfer | null;
};

export function teammateRelay(d: TeammateRelayDeps): RelayPort {
  return {
    async markReadForTeammate(r) {
      await relayedReceipt(d.receipts, r);
    },
    changeForTeammate: teammateChange(d.store, d.accounts),
    async reactForTeammate(r) {
      await d.accounts.request(r.accountId, {
        op: 'react',
        chatJid: r.chatJid,
        providerMessageId: r.providerMessageId,
        emoji: r.emoji,
      });
    },
    async sendForTeammate(send) {
      const quoted = send.quotedProviderMessageId ? `${send.accountId}:${send.quotedProviderMessageId}` : null;
      // The file first: a download that fails leaves the send unreported, offered again later.
      const a = send.attachment;
      const transfer = d.attachments();
      const path = a && transfer ? await transfer.download(send.clientMessageId, a) : null;
      if (a && !path) throw new CommandError('unavailable', 'attachments need the workspace media service');
      const message = d.outbox.send({
        chatId: asChatId(send.chatId),
        text: send.body,
        quotedMessageId: quoted && d.store.getMessages([quoted as never]).length ? quoted : null,
        file: a && path ? { ...a, path } : null,
        voice: a?.voice === true,
        clientMessageId: send.clientMessageId,
      });
      const entry = await d.outbox.settled(message.clientMessageId ?? (send.clientMessageId as never));
      return {
        state: entry.state === 'sent' ? 'sent' : 'failed',
        providerMessageId: entry.providerMessageId,
        error: entry.lastError,
      };
    },
  };
}
