/**
 * reports:conversations paging: several conversations opened at the same instant (a cursor
 * cannot carry a 420-character chat id, so ties are resumed by position), status filters
 * that skip rows, and cursors the server did not give.
 */
import { describe, expect, it } from 'vitest';
import type { ReportsConversationsArgs } from '../../../common/protocol-reports';
import { CommandError } from '../../../common/result';
import type { Conversation } from '../../../sync-server/src/reports/conversations';
import type { Dataset } from '../../../sync-server/src/reports/dataset';
import { conversationsPage } from '../../../sync-server/src/reports/page';
import { zoneOf } from '../../../sync-server/src/reports/zone';

const T = Date.parse('2026-11-10T03:00:00Z');

function conversation(chatId: string, openedAt: number, resolved: boolean): Conversation {
  return {
    chatId,
    openedAt,
    firstResponseAt: null,
    firstResponderId: null,
    resolvedAt: resolved ? openedAt + 60_000 : null,
    resolvedBy: null,
    assigneeId: null,
    assigneeSince: openedAt,
    holders: new Set(),
    reopenedAt: [],
    lastMessageAt: openedAt,
    messagesIn: 1,
    messagesOut: 0,
  };
}

const longId = (n: number) => `acct:${String(n).repeat(400).slice(0, 400)}@c.us`;
const dataset: Dataset = {
  generatedAt: 0,
  zone: zoneOf('2026-11-10', '2026-11-10', 'UTC'),
  accountNames: new Map(),
  memberNames: new Map(),
  chats: new Map(),
  slaTargets: new Map(),
  businessHours: new Map(),
  // Out of order on purpose; five share one instant; one opened the day before is not listed.
  conversations: [
    conversation(longId(5), T, true),
    conversation(longId(1), T + 1000, false),
    conversation(longId(3), T, false),
    conversation(longId(2), T, true),
    conversation(longId(4), T, false),
    conversation(longId(6), T, true),
    conversation(longId(7), T - 86_400_000, false),
  ],
  messages: [],
};

const base = { from: '2026-11-10', to: '2026-11-10', timeZone: 'UTC', businessHours: false } as const;
function pageThrough(status: ReportsConversationsArgs['status'], limit: number): string[] {
  const out: string[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 20; i++) {
    const page = conversationsPage(dataset, { ...base, status, limit, ...(cursor ? { cursor } : {}) });
    out.push(...page.conversations.map(c => c.chatId));
    if (page.nextCursor === null) return out;
    expect(page.nextCursor.length).toBeLessThanOrEqual(200);
    cursor = page.nextCursor;
  }
  throw new Error('the pages never ended');
}

describe('paging the conversation list', () => {
  it('returns every conversation of the range once, in order, through ties', () => {
    const all = [2, 3, 4, 5, 6, 1].map(longId);
    expect(pageThrough('all', 1)).toEqual(all);
    expect(pageThrough('all', 2)).toEqual(all);
    expect(pageThrough('all', 1000)).toEqual(all);
  });

  it('skips what the status leaves out, and ends when nothing after the page passes', () => {
    expect(pageThrough('resolved', 1)).toEqual([2, 5, 6].map(longId));
    expect(pageThrough('open', 2)).toEqual([3, 4, 1].map(longId));
    const last = conversationsPage(dataset, { ...base, status: 'resolved', limit: 3 });
    expect(last.nextCursor).toBeNull();
  });

  it("refuses a cursor it did not give as 'not_found'", () => {
    for (const cursor of ['x', '1.2.3', `${T}.-1`, 'NaN.1', '١٢.1']) {
      let code = 'ok';
      try {
        conversationsPage(dataset, { ...base, status: 'all', limit: 10, cursor });
      } catch (e) {
        code = e instanceof CommandError ? e.code : String(e);
      }
      expect(code, cursor).toBe('not_found');
    }
  });
});
