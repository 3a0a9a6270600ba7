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
  let after: { openedAt: number; chatId: string | null } | null = null;
  if (args.cursor !== undefined) {
    const { openedAt, k } = parseCursor(args.cursor);
    after = { openedAt, chatId: await chatAtPosition(raw, s, openedAt, k) };
  }
  // One row more than the page: whether a next page exists.
  const rows = await pageRows(raw, s, args.status, after, args.limit + 1);
  const page = rows.slice(0, args.limit).map(conversationOf);
  const [chats, slaTargets, businessHours] = await Promise.all([
    reportChats(
      raw,
      accountIds,
      false,
      page.map(c => c.chatId),
    ),
    reportSlaTargets(raw, accountIds),
    reportBusinessHours(raw, accountIds),
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
  const last = page[page.length - 1];
  return {
    conversations: page.map(c => wireConversation(d, c, measure, args.businessHours)),
    nextCursor:
      rows.length > args.limit && last
        ? `${last.openedAt}.${await positionOf(raw, s, last.openedAt, last.chatId)}`
        : null,
  };
}
