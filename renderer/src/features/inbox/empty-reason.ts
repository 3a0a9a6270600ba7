import type { InboxFilter } from '../../lib/inbox';
import { defaultFilter } from '../../lib/inbox';

/** Why the chat list is empty, so the empty state can say so (and what to do). */
export type EmptyReason = 'noAccounts' | 'noChats' | 'allRead' | 'noMatch';

function isDefault(f: InboxFilter): boolean {
  return (
    f.accountIds.length === 0 &&
    f.queue === defaultFilter.queue &&
    f.unreadOnly === defaultFilter.unreadOnly &&
    f.tag === defaultFilter.tag
  );
}

/**
 * No number at all; no filter and still nothing (no chats yet); only "Unread" on (all read);
 * otherwise the filters exclude every chat.
 */
export function emptyReason(f: InboxFilter, accountCount: number): EmptyReason {
  if (accountCount === 0) return 'noAccounts';
  if (isDefault(f)) return 'noChats';
  if (f.unreadOnly && isDefault({ ...f, unreadOnly: false })) return 'allRead';
  return 'noMatch';
}
