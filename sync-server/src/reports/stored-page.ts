/**
 * reports:conversations from the report tables, one page at a time (keyset on opening time and
 * chat id, db/repositories/report-page.ts): a page reads its own rows, their chats and the
 * numbers' targets, never the whole range. Same rows, order, cursors and columns as the
 * dataset's conversationsPage (page.ts), whose row mapping it shares.
 */
import type { ReportsConversationsArgs, WireReportConversationsPage } from '../../../common/protocol-reports';
import type { RawExec } from '../db/index';
import type { PageScope } from '../db/repositories/report-page';
import { chatAtPosition, pageRows, positionOf } from '../db/repositories/report-page';
import { reportBusinessHours, reportChats, reportSlaTargets } from '../db/repositories/reports';
import type { Conversation } from './conversations';
import type { Dataset } from './dataset';
import { measureOf } from './measure';
import { parseCursor, wireConversation } from './page';
import type { RecutRange } from './recut';
import { conversationOf } from './stored';
import { rangeEnd, rangeStart, zoneOf } from './zone';

export async function storedConversationsPage(
  raw: RawExec,
  accountIds: readonly string[],
  args: ReportsConversationsArgs,
  recut: RecutRange,
  now: number,
): Promise<WireReportConversationsPage> {
  const zone = zoneOf(args.from, args.to, args.timeZone);
  const s: PageScope = { accountIds, ...recut, from: rangeStart(zone), to: rangeEnd(zone) };
  const cursor = args.cursor === undefined ? null : parseCursor(args.cursor);
  // The numbers' targets and hours meanwhile: they do not depend on the page.
  const settings = Promise.all([reportSlaTargets(raw, accountIds), reportBusinessHours(raw, accountIds)]);
  const after = cursor && {
    openedAt: cursor.openedAt,
    chatId: await chatAtPosition(raw, s, cursor.openedAt, cursor.k),
  };
  // One row more than the page: whether a next page exists.
  const rows = await pageRows(raw, s, args.status, after, args.limit + 1);
  const page = rows.slice(0, args.limit).map(conversationOf);
  const last = page[page.length - 1];
  const next = rows.length > args.limit && last ? nextCursor(raw, s, args.status, cursor, page) : null;
  const [chats, [slaTargets, businessHours], nextValue] = await Promise.all([
    reportChats(
      raw,
      accountIds,
      false,
      page.map(c => c.chatId),
    ),
    settings,
    next,
  ]);
  const d: Dataset = {
    generatedAt: now,
    zone,
    accountNames: new Map(),
    memberNames: new Map(),
    chats,
    slaTargets,
    businessHours,
    conversations: page,
    messages: [],
  };
  const measure = measureOf(d, args.businessHours);
  return {
    conversations: page.map(c => wireConversation(d, c, measure, args.businessHours)),
    nextCursor: nextValue,
  };
}

/**
 * `<openedAt>.<k>`: the last row is the k-th (in chat id order, whatever the status) opened at
 * that instant. Every status: counted from the page when it holds all of them, else in SQL.
 */
async function nextCursor(
  raw: RawExec,
  s: PageScope,
  status: ReportsConversationsArgs['status'],
  cursor: { openedAt: number; k: number } | null,
  page: readonly Conversation[],
): Promise<string> {
  const last = page[page.length - 1]!;
  const same = page.filter(c => c.openedAt === last.openedAt).length;
  if (status === 'all' && same < page.length) return `${last.openedAt}.${same}`;
  if (status === 'all' && cursor?.openedAt === last.openedAt) return `${last.openedAt}.${cursor.k + same}`;
  return `${last.openedAt}.${await positionOf(raw, s, last.openedAt, last.chatId)}`;
}
