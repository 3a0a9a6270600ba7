/** Pure rules of the unified inbox: which chats a filter shows, and where a changed chat goes. */
import type { AccountId, Chat, ChatId, ChatStatus, MemberId } from '../../../common/domain';

export type Queue = 'all' | 'mine' | 'unassigned' | 'open' | 'pending' | 'resolved';

export type InboxFilter = {
  readonly accountIds: readonly AccountId[]; // empty = every account
  readonly queue: Queue;
  readonly unreadOnly: boolean;
  readonly tag: string | null;
  /** The Archived view: only archived chats (otherwise archived chats are hidden). */
  readonly archived: boolean;
};

export const defaultFilter: InboxFilter = {
  accountIds: [],
  queue: 'all',
  unreadOnly: false,
  tag: null,
  archived: false,
};

/** The arguments of chats:list for a filter (the store's InboxFilter). */
export function toQuery(f: InboxFilter, me: MemberId | null) {
  const statuses: ChatStatus[] | undefined =
    f.queue === 'open' || f.queue === 'pending' || f.queue === 'resolved' ? [f.queue] : undefined;
  const assigneeId = f.queue === 'mine' ? (me ?? '\u0000none') : f.queue === 'unassigned' ? null : undefined;
  return {
    ...(f.accountIds.length ? { accountIds: [...f.accountIds] } : {}),
    ...(statuses ? { statuses } : {}),
    ...(assigneeId !== undefined ? { assigneeId } : {}),
    ...(f.unreadOnly ? { unreadOnly: true } : {}),
    ...(f.tag ? { tag: f.tag } : {}),
    ...(f.archived ? { archived: true } : {}),
  };
}

export function matches(chat: Chat, f: InboxFilter, me: MemberId | null): boolean {
  if (chat.archived !== f.archived) return false;
  if (f.accountIds.length && !f.accountIds.includes(chat.accountId)) return false;
  if (f.unreadOnly && chat.unreadCount === 0) return false;
  if (f.tag && !chat.tags.includes(f.tag)) return false;
  switch (f.queue) {
    case 'mine':
      return me !== null && chat.assigneeId === me;
    case 'unassigned':
      return chat.assigneeId === null;
    case 'open':
    case 'pending':
    case 'resolved':
      return chat.status === f.queue;
    default:
      return true;
  }
}

/** Inbox order: pinned first, then newest activity, then id (as the store pages them). */
export function compareChats(a: Chat, b: Chat): number {
  if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
  const ta = a.lastMessageAt ?? 0;
  const tb = b.lastMessageAt ?? 0;
  if (ta !== tb) return tb - ta;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * Applies changed chats to a loaded, sorted list. A chat that no longer matches leaves; one
 * that sorts below the last loaded row is left for paging (unless the list is complete).
 */
export function applyChanges(
  list: readonly Chat[],
  changed: readonly Chat[],
  f: InboxFilter,
  me: MemberId | null,
  complete: boolean,
): Chat[] {
  if (changed.length === 0) return list as Chat[];
  const ids = new Set<ChatId>(changed.map(c => c.id));
  const next = list.filter(c => !ids.has(c.id));
  const tail = next[next.length - 1];
  for (const c of changed) {
    if (!matches(c, f, me)) continue;
    if (!complete && tail && compareChats(c, tail) > 0) continue;
    let lo = 0;
    let hi = next.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const m = next[mid];
      if (m && compareChats(m, c) < 0) lo = mid + 1;
      else hi = mid;
    }
    next.splice(lo, 0, c);
  }
  return next;
}

/** Window title: unread total first, so it shows in the taskbar. */
export function titleFor(appName: string, unread: number): string {
  return unread > 0 ? `(${unread > 999 ? '999+' : unread}) ${appName}` : appName;
}
