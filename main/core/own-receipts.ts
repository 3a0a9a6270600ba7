/**
 * Read receipts of the numbers this desktop hosts, and their "Send read receipts" setting
 * (`accounts:update { readReceipts }`, on by default; docs/accounts.md "Read receipts").
 *
 * - Signed out, no workspace can relay anything: when the agent reads a chat of a number
 *   hosted here, the receipt goes straight through the number's provider (`markRead`).
 * - Signed in, the read goes through the server (relay-reads.ts `tellChatRead`), which
 *   applies the workspace's own setting and relays it back (`read:requested`): the host
 *   sends it only while this number's setting is on, too.
 */
import type { Logger } from '../platform/log';

export type OwnReceiptDeps = {
  /** Numbers hosted elsewhere: their receipts are the server's business. */
  readonly isRemote: (accountId: string) => boolean;
  readonly signedIn: () => boolean;
  /** The number's "Send read receipts"; true for a number not known here. */
  readonly sendsReceipts: (accountId: string) => boolean;
  /** The provider's markRead for the chat. */
  readonly markRead: (accountId: string, chatJid: string) => Promise<unknown>;
  readonly log: Logger;
};

/** After the agent read a chat: the receipt of a hosted number while signed out. Never throws, never waits. */
export function sendOwnReceipt(
  deps: OwnReceiptDeps,
  chat: { readonly accountId: string; readonly jid: string } | null,
): void {
  if (!chat || deps.isRemote(chat.accountId) || deps.signedIn() || !deps.sendsReceipts(chat.accountId)) return;
  deps.markRead(chat.accountId, chat.jid).catch((err: unknown) => {
    // A courtesy, like a relayed one: a number that is down sends none (the next read does).
    deps.log.info('read receipt not sent', { accountId: chat.accountId, err: String(err) });
  });
}

/** The host's side of a relayed receipt: performed only while the number's setting is on. */
export function relayedReceipt(
  deps: Pick<OwnReceiptDeps, 'sendsReceipts' | 'markRead'>,
  r: { readonly accountId: string; readonly chatJid: string },
): Promise<unknown> {
  if (!deps.sendsReceipts(r.accountId)) return Promise.resolve(null);
  return deps.markRead(r.accountId, r.chatJid);
}
