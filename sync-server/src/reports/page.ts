/** reports:conversations: the conversations opened in the range, oldest first, paged by an opaque cursor. */
import type {
  ReportsConversationsArgs,
  WireReportConversation,
  WireReportConversationsPage,
} from '../../../common/protocol-reports';
import { CommandError } from '../../../common/result';
import type { Conversation } from './conversations';
import type { Dataset } from './dataset';
import type { Measure } from './measure';
import { measureOf } from './measure';
import { conversationSla } from './sla';
import { dayIndex } from './zone';

type Key = { openedAt: number; chatId: string };
const compare = (a: Key, b: Key) => a.openedAt - b.openedAt || (a.chatId < b.chatId ? -1 : a.chatId > b.chatId ? 1 : 0);

/**
 * `<openedAt>.<k>`: the page before ended with the k-th conversation (1-based) opened at that
 * instant. Chat ids can be longer than a cursor may be, so the tie is broken by position.
 */
function cursorAt(list: readonly Conversation[], i: number): string {
  const openedAt = list[i]!.openedAt;
  let k = 1;
  while (i - k >= 0 && list[i - k]!.openedAt === openedAt) k++;
  return `${openedAt}.${k}`;
}

/** A cursor's instant and position; a string this server did not give is 'not_found'. */
export function parseCursor(cursor: string): { openedAt: number; k: number } {
  const m = /^(\d{1,15})\.(\d{1,6})$/.exec(cursor);
  if (!m) throw new CommandError('not_found', 'no such cursor');
  return { openedAt: Number(m[1]), k: Number(m[2]) };
}

/** The index of the first row after the cursor. */
function resumeAt(list: readonly Conversation[], cursor: string): number {
  const { openedAt, k } = parseCursor(cursor);
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.openedAt < openedAt) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(list.length, lo + k);
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

export function conversationsPage(d: Dataset, args: ReportsConversationsArgs): WireReportConversationsPage {
  const list = inOrder(d);
  const measure = measureOf(d, args.businessHours);
  const keep = statusFilter[args.status];
  const page: Conversation[] = [];
  let i = args.cursor === undefined ? 0 : resumeAt(list, args.cursor);
  let lastIndex = -1;
  for (; i < list.length && page.length < args.limit; i++)
    if (keep(list[i]!)) {
      page.push(list[i]!);
      lastIndex = i;
    }
  // A next page exists only if a later row passes the filter.
  while (i < list.length && !keep(list[i]!)) i++;
  return {
    conversations: page.map(c => wireConversation(d, c, measure, args.businessHours)),
    nextCursor: i < list.length && lastIndex >= 0 ? cursorAt(list, lastIndex) : null,
  };
}

/** One conversation as the list shows it (its chat, durations and SLA outcome from the dataset). */
export function wireConversation(
  d: Dataset,
  c: Conversation,
  measure: Measure,
  businessHours: boolean,
): WireReportConversation {
  const chat = d.chats.get(c.chatId);
  const sla = conversationSla(d, c, businessHours);
  return {
    chatId: c.chatId,
    accountId: chat?.accountId ?? '',
    customer: chat?.name ?? c.chatId,
    openedAt: c.openedAt,
    firstResponseAt: c.firstResponseAt,
    resolvedAt: c.resolvedAt,
    firstResponseMs: measure.firstResponseMs(c),
    resolutionMs: measure.resolutionMs(c),
    assigneeId: c.assigneeId,
    reopened: c.reopenedAt.length > 0,
    messagesIn: c.messagesIn,
    messagesOut: c.messagesOut,
    tags: [...(chat?.tags ?? [])],
    slaDueAt: sla.dueAt,
    sla: sla.outcome,
  };
}
