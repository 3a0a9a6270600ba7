/** reports:conversations: the conversations opened in the range, oldest first, paged by an opaque cursor. */
import type { ReportsConversationsArgs, WireReportConversationsPage } from '../../../common/protocol-reports';
import { CommandError } from '../../../common/result';
import type { Conversation } from './conversations';
import type { Dataset } from './dataset';
import { dayIndex } from './zone';

type Key = { openedAt: number; chatId: string };

const compare = (a: Key, b: Key) => a.openedAt - b.openedAt || (a.chatId < b.chatId ? -1 : a.chatId > b.chatId ? 1 : 0);

/** `<openedAt>.<chat id as base64url>`: the last row of the page before. */
export function cursorOf(k: Key): string {
  return `${k.openedAt}.${Buffer.from(k.chatId, 'utf8').toString('base64url')}`;
}

export function parseCursor(cursor: string): Key {
  const m = /^(\d{1,15})\.([A-Za-z0-9_-]{1,180})$/.exec(cursor);
  if (!m) throw new CommandError('invalid_args', 'not a cursor this server gave');
  return { openedAt: Number(m[1]), chatId: Buffer.from(m[2]!, 'base64url').toString('utf8') };
}

const statusFilter: Record<ReportsConversationsArgs['status'], (c: Conversation) => boolean> = {
  all: () => true,
  resolved: c => c.resolvedAt !== null,
  open: c => c.resolvedAt === null,
  reopened: c => c.reopenedAt.length > 0,
};

/** The dataset's conversations opened in the range, in page order; computed once per dataset. */
const ordered = new WeakMap<Dataset, Conversation[]>();
function inOrder(d: Dataset): Conversation[] {
  let list = ordered.get(d);
  if (!list) {
    list = d.conversations.filter(c => dayIndex(d.zone, c.openedAt) !== -1).sort(compare);
    ordered.set(d, list);
  }
  return list;
}

/** The first index whose key is after k. */
function after(list: readonly Conversation[], k: Key): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compare(list[mid]!, k) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function conversationsPage(d: Dataset, args: ReportsConversationsArgs): WireReportConversationsPage {
  const list = inOrder(d);
  const keep = statusFilter[args.status];
  const page: Conversation[] = [];
  let i = args.cursor === undefined ? 0 : after(list, parseCursor(args.cursor));
  for (; i < list.length && page.length < args.limit; i++) if (keep(list[i]!)) page.push(list[i]!);
  // A next page exists only if a later row passes the filter.
  while (i < list.length && !keep(list[i]!)) i++;
  const last = page[page.length - 1];
  return {
    conversations: page.map(c => {
      const chat = d.chats.get(c.chatId);
      return {
        chatId: c.chatId,
        accountId: chat?.accountId ?? '',
        customer: chat?.name ?? c.chatId,
        openedAt: c.openedAt,
        firstResponseAt: c.firstResponseAt,
        resolvedAt: c.resolvedAt,
        firstResponseMs: c.firstResponseAt === null ? null : c.firstResponseAt - c.openedAt,
        resolutionMs: c.resolvedAt === null ? null : c.resolvedAt - c.openedAt,
        assigneeId: c.assigneeId,
        reopened: c.reopenedAt.length > 0,
        messagesIn: c.messagesIn,
        messagesOut: c.messagesOut,
        tags: [...(chat?.tags ?? [])],
      };
    }),
    nextCursor: i < list.length && last ? cursorOf(last) : null,
  };
}
