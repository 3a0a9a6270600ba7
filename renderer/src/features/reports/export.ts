/** The conversations behind a report as CSV: every page of reports:conversations (bounded), one file. */
import type {
  ReportsConversationsArgs,
  WireReportConversation,
  WireReportConversationsPage,
} from '../../../../common/protocol-reports';
import { REPORT_CONVERSATIONS_PAGE_MAX } from '../../../../common/protocol-reports';
import type { Reply } from '../../../../common/result';
import { api } from '../../api/client';
import { buildCsv } from '../../lib/csv';
import { saveFile } from '../../lib/download';

/** More than a spreadsheet holds comfortably; past it the user narrows the range. */
export const CONVERSATIONS_EXPORT_MAX = 100_000;

export type ConversationQuery = Omit<ReportsConversationsArgs, 'cursor' | 'limit' | 'businessHours'> & {
  /** Count business hours only (the server's default is around the clock). */
  readonly businessHours?: boolean;
};
export type Names = { readonly member: (id: string) => string; readonly account: (id: string) => string };

export const CONVERSATION_HEADER = [
  'chat_id',
  'number',
  'customer',
  'opened_at_utc',
  'first_response_at_utc',
  'resolved_at_utc',
  'first_response_seconds',
  'resolution_seconds',
  'assignee',
  'reopened',
  'messages_in',
  'messages_out',
  'tags',
  'sla_due_at_utc',
  'sla',
] as const;

const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());
const seconds = (ms: number | null) => (ms === null ? '' : String(Math.round(ms / 1000)));

/** Machine-readable cells: UTC times and seconds, so a spreadsheet can compute with them. */
export function conversationCells(c: WireReportConversation, names: Names): string[] {
  return [
    c.chatId,
    names.account(c.accountId),
    c.customer,
    iso(c.openedAt),
    iso(c.firstResponseAt),
    iso(c.resolvedAt),
    seconds(c.firstResponseMs),
    seconds(c.resolutionMs),
    c.assigneeId === null ? '' : names.member(c.assigneeId),
    c.reopened ? 'yes' : 'no',
    String(c.messagesIn),
    String(c.messagesOut),
    c.tags.join('; '),
    iso(c.slaDueAt),
    c.sla ?? '',
  ];
}

export type ConversationsExported = { readonly count: number; readonly capped: boolean };

export async function exportConversations(
  query: ConversationQuery,
  names: Names,
  fileName: string,
  progress: (n: number) => void,
): Promise<Reply<ConversationsExported>> {
  const rows: string[][] = [];
  let cursor: string | null = null;
  let capped = false;
  for (;;) {
    const limit = Math.min(REPORT_CONVERSATIONS_PAGE_MAX, CONVERSATIONS_EXPORT_MAX - rows.length);
    const r: Reply<WireReportConversationsPage> = await api().invoke('reports:conversations', {
      ...query,
      limit,
      ...(cursor === null ? {} : { cursor }),
    });
    if (!r.ok) return r;
    rows.push(...r.value.conversations.map(c => conversationCells(c, names)));
    progress(rows.length);
    cursor = r.value.nextCursor;
    if (cursor === null) break;
    if (rows.length >= CONVERSATIONS_EXPORT_MAX) {
      capped = true;
      break;
    }
  }
  saveFile(fileName, buildCsv(CONVERSATION_HEADER, rows), 'text/csv;charset=utf-8');
  return { ok: true, value: { count: rows.length, capped } };
}
