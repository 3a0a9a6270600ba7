import type { Account, Chat } from '../../../../common/domain';

/**
 * The numbers a reply may go out from: every number that was linked once (it has a phone),
 * plus the chat's own and the one chosen now. A number that was never linked cannot send.
 */
export function senderChoices(
  accounts: readonly Account[],
  chat: Pick<Chat, 'accountId'>,
  from: Pick<Account, 'id'> | undefined,
): readonly Account[] {
  return accounts.filter(a => a.phone !== null || a.id === chat.accountId || a.id === from?.id);
}
