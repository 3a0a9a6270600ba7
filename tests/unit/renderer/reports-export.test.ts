/** The conversations CSV: every page of reports:conversations, in order, one file; an error stops it with no file. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WireReportConversation } from '../../../common/protocol-reports';

const invoke = vi.fn();
const saved: { name: string; content: string }[] = [];
vi.mock('../../../renderer/src/api/client', () => ({ api: () => ({ invoke }) }));
vi.mock('../../../renderer/src/lib/download', () => ({
  saveFile: (name: string, content: string) => void saved.push({ name, content }),
}));
const { exportConversations } = await import('../../../renderer/src/features/reports/export');

const conv = (n: number): WireReportConversation => ({
  chatId: `acc:${n}`,
  accountId: 'acc',
  customer: `Customer ${n}`,
  openedAt: 1_000 * n,
  firstResponseAt: null,
  resolvedAt: null,
  firstResponseMs: null,
  resolutionMs: null,
  assigneeId: null,
  reopened: false,
  messagesIn: 1,
  messagesOut: 0,
  tags: [],
  slaDueAt: null,
  sla: null,
});
const names = { member: (id: string) => id, account: () => 'Sales' };
const query = { from: '2026-11-01', to: '2026-11-30', timeZone: 'UTC', status: 'all' as const };

beforeEach(() => {
  invoke.mockReset();
  saved.length = 0;
});

describe('conversations CSV export', () => {
  it('follows nextCursor to the last page and writes every row once', async () => {
    invoke
      .mockResolvedValueOnce({ ok: true, value: { conversations: [conv(1), conv(2)], nextCursor: 'c1' } })
      .mockResolvedValueOnce({ ok: true, value: { conversations: [conv(3)], nextCursor: null } });
    const progress: number[] = [];
    const r = await exportConversations(query, names, 'f.csv', n => progress.push(n));
    expect(r).toEqual({ ok: true, value: { count: 3, capped: false } });
    expect(invoke.mock.calls.map(c => (c[1] as { cursor?: string }).cursor)).toEqual([undefined, 'c1']);
    expect(progress).toEqual([2, 3]);
    const lines = saved[0]!.content.trim().split('\r\n');
    expect(lines.slice(1).map(l => l.split(',')[0])).toEqual(['acc:1', 'acc:2', 'acc:3']);
  });

  it('an error on any page saves nothing and passes the error on', async () => {
    invoke
      .mockResolvedValueOnce({ ok: true, value: { conversations: [conv(1)], nextCursor: 'c1' } })
      .mockResolvedValueOnce({ ok: false, error: { code: 'timeout', message: 'late' } });
    const r = await exportConversations(query, names, 'f.csv', () => {});
    expect(r).toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect(saved).toEqual([]);
  });
});
