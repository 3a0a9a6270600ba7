import type { Account, Chat } from '../../../../common/domain';

/**
 * The numbers a reply may go out from: every number that was linked once (it has a phone),
 * plus the chat's own and the one chosen now. A number that was never linked cannot send.
 * A group is reached only through the number that is in it: another number's reply would
 * go to a group it does not belong to, and never arrive.
 */
export function senderChoices(
  accounts: readonly Account[],
  chat: Pick<Chat, 'accountId'> & { readonly isGroup?: boolean },
  from: Pick<Account, 'id'> | undefined,
): readonly Account[] {
  if (chat.isGroup) return accounts.filter(a => a.id === chat.accountId);
  return accounts.filter(a => a.phone !== null || a.id === chat.accountId || a.id === from?.id);
}
