/**
 * The Reports screen's pure parts: ranges cut in the viewer's time zone, durations in
 * words, histogram bucket names from the contract, and tables (which the CSV export writes
 * as they are, so the file matches the screen).
 */
import { describe, expect, it } from 'vitest';
import { REPORT_BUCKET_BOUNDS_MS, reportsGetSchema } from '../../../common/protocol-reports';
import type { ReportsT } from '../../../renderer/src/features/reports/logic';
import {
  ageText,
  errorText,
  bucketLabels,
  chartTable,
  csvFileName,
  dayIn,
  formatDuration,
  formatPct,
  hasSlaTargets,
  histogramData,
  memberTable,
  rangeOf,
  slaAccountTable,
  slaMemberTable,
  trendData,
} from '../../../renderer/src/features/reports/logic';
import { conversationCells } from '../../../renderer/src/features/reports/export';
import { reportsEn } from '../../../renderer/src/i18n/reports.en';
import { reportsId } from '../../../renderer/src/i18n/reports.id';
import { REPLIES } from '../sync/wire-replies';

const t: ReportsT = (key, vars) => reportsEn[key].replace(/\{(\w+)\}/g, (m, name: string) => String(vars?.[name] ?? m));
const NO_CUSTOM = { from: '', to: '' };

describe('report ranges', () => {
  // 2026-03-31 18:30 UTC is already 1 April in Jakarta (UTC+7), still 31 March in UTC.
  const now = Date.UTC(2026, 2, 31, 18, 30);

  it('cuts "today" at the viewer’s midnight, not UTC’s', () => {
    expect(dayIn('Asia/Jakarta', now)).toBe('2026-04-01');
    expect(dayIn('UTC', now)).toBe('2026-03-31');
    expect(rangeOf('today', 'Asia/Jakarta', now, NO_CUSTOM)).toEqual({ from: '2026-04-01', to: '2026-04-01' });
  });

  it('presets end today and count today in', () => {
    expect(rangeOf('last7', 'UTC', now, NO_CUSTOM)).toEqual({ from: '2026-03-25', to: '2026-03-31' });
    expect(rangeOf('last30', 'UTC', now, NO_CUSTOM)).toEqual({ from: '2026-03-02', to: '2026-03-31' });
    expect(rangeOf('thisMonth', 'UTC', now, NO_CUSTOM)).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(rangeOf('thisMonth', 'Asia/Jakarta', now, NO_CUSTOM)).toEqual({ from: '2026-04-01', to: '2026-04-01' });
  });

  it('takes a custom range only when the server would', () => {
    const ok = { from: '2026-01-01', to: '2026-02-01' };
    expect(rangeOf('custom', 'UTC', now, ok)).toEqual(ok);
    expect(rangeOf('custom', 'UTC', now, { from: '2026-02-01', to: '2026-01-01' })).toBeNull();
    expect(rangeOf('custom', 'UTC', now, { from: '2024-01-01', to: '2026-01-01' })).toBeNull();
    expect(rangeOf('custom', 'UTC', now, { from: '', to: '2026-01-01' })).toBeNull();
    expect(rangeOf('custom', 'UTC', now, { from: '2026-02-30', to: '2026-03-01' })).toBeNull();
    for (const p of ['today', 'last7', 'last30', 'thisMonth'] as const) {
      const r = rangeOf(p, 'Asia/Jakarta', now, NO_CUSTOM)!;
      expect(reportsGetSchema.safeParse({ ...r, timeZone: 'Asia/Jakarta' }).success).toBe(true);
    }
  });
});

describe('durations and buckets', () => {
  it('says durations the way people do', () => {
    expect(formatDuration(t, null)).toBe('—');
    expect(formatDuration(t, 45_000)).toBe('45 s');
    expect(formatDuration(t, 12 * 60_000 + 10_000)).toBe('12 min');
    expect(formatDuration(t, 3 * 3_600_000 + 5 * 60_000)).toBe('3 h 05 min');
    expect(formatDuration(t, 52 * 3_600_000)).toBe('2 d 4 h');
  });

  it('names one histogram bucket per count, from the contract’s bounds', () => {
    const labels = bucketLabels(t);
    expect(labels).toHaveLength(REPORT_BUCKET_BOUNDS_MS.length + 1);
    expect(labels[0]).toBe('under 1 min');
    expect(labels[1]).toBe('1 min–5 min');
    expect(labels[5]).toBe('1 h–4 h');
    expect(labels.at(-1)).toBe('24 h or more');
  });

  it('words refusals by whether a number was named', () => {
    expect(errorText(t, 'forbidden')).toBe('Reports are for admins and leads.');
    expect(errorText(t, 'forbidden', true)).toMatch(/^Only this number’s leads and admins/);
    expect(errorText(t, 'timeout')).toMatch(/cannot be reached/);
    expect(errorText(t, 'rate_limited')).toBe('The report could not be loaded (rate_limited).');
  });

  it('says a cached report’s age in the viewer’s language', () => {
    expect(ageText('en', 0, 5 * 60_000)).toBe('5 minutes ago');
    expect(ageText('id', 0, 3 * 3_600_000)).toBe('3 jam yang lalu');
  });
});

describe('report tables', () => {
  const report = {
    ...REPLIES['reports:get'],
    members: [
      {
        memberId: 'm1',
        name: '=Ana',
        assigned: 4,
        resolved: 3,
        firstResponseMedianMs: 90_000,
        handleTimeMedianMs: null,
        messagesSent: 12,
      },
    ],
  };

  it('a chart’s table view holds its points, gaps left empty', () => {
    const table = chartTable(trendData(t, report, 'times'));
    expect(table.header).toEqual(['Day', 'First response (median)', 'Resolution (median)']);
    expect(table.rows).toEqual([['2026-11-01', '2', '60']]);
    const hist = chartTable(histogramData(t, report.firstResponse.histogram));
    expect(hist.rows.map(r => r[1])).toEqual(['0', '1', '0', '0', '0', '0', '0', '0']);
  });

  it('per member rows carry durations in words', () => {
    expect(memberTable(t, report).rows).toEqual([['=Ana', '4', '3', '2 min', '—', '12']]);
  });

  it('conversation CSV cells are machine-readable: UTC times, seconds, names', () => {
    const cells = conversationCells(
      {
        chatId: 'acc:1',
        accountId: 'acc',
        customer: 'Budi',
        openedAt: Date.UTC(2026, 10, 1, 23, 0),
        firstResponseAt: null,
        resolvedAt: null,
        firstResponseMs: null,
        resolutionMs: 7_200_400,
        assigneeId: 'm1',
        reopened: true,
        messagesIn: 3,
        messagesOut: 0,
        tags: ['vip', 'billing'],
        slaDueAt: Date.UTC(2026, 10, 1, 23, 30),
        sla: 'missed',
      },
      { member: id => (id === 'm1' ? 'Ana' : id), account: () => 'Sales' },
    );
    expect(cells).toEqual([
      'acc:1',
      'Sales',
      'Budi',
      '2026-11-01T23:00:00.000Z',
      '',
      '',
      '',
      '7200',
      'Ana',
      'yes',
      '3',
      '0',
      'vip; billing',
      '2026-11-01T23:30:00.000Z',
      'missed',
    ]);
  });

  it('file names come from the table’s name and the range', () => {
    expect(csvFileName('Per member', { from: '2026-11-01', to: '2026-11-07' })).toBe(
      'per-member-2026-11-01-2026-11-07.csv',
    );
  });

  it('Bahasa has every key, with the same placeholders', () => {
    for (const [key, en] of Object.entries(reportsEn)) {
      const id = reportsId[key as keyof typeof reportsEn];
      expect(id, key).toBeTruthy();
      expect(id.match(/\{\w+\}/g)?.sort(), key).toEqual(en.match(/\{\w+\}/g)?.sort());
    }
  });
});

describe('SLA attainment on screen', () => {
  const base = REPLIES['reports:get'];
  const withTargets = {
    ...base,
    sla: {
      ...base.sla,
      met: 7,
      missed: 1,
      waiting: 2,
      metPct: 87.5,
      accounts: [
        { accountId: 'a1', name: 'North', targetMinutes: 30, met: 7, missed: 1, waiting: 2, metPct: 87.5 },
        { accountId: 'a2', name: 'South', targetMinutes: null, met: 0, missed: 0, waiting: 0, metPct: null },
      ],
      members: [{ memberId: 'm1', name: 'Ana', met: 2, missed: 1, waiting: 0, metPct: 66.7 }],
    },
  };

  it('SLA figures show only when a number has a target', () => {
    expect(hasSlaTargets(base)).toBe(false);
    expect(hasSlaTargets(withTargets)).toBe(true);
  });

  it('per number and per member tables carry the target, the counts and the percentage', () => {
    const numbers = slaAccountTable(t, withTargets);
    expect(numbers.header).toEqual([
      'Number',
      'First-response target',
      'SLA met',
      'SLA missed',
      'Waiting, not yet due',
      'SLA met %',
    ]);
    expect(numbers.rows).toEqual([
      ['North', '30 min', '7', '1', '2', '87.5 %'],
      ['South', t('reports.none'), '0', '0', '0', t('reports.none')],
    ]);
    expect(slaMemberTable(t, withTargets).rows).toEqual([['Ana', '2', '1', '0', '66.7 %']]);
    expect(formatPct(t, 100)).toBe('100.0 %');
  });

  it('the SLA trend plots the percentage per point', () => {
    const table = chartTable(trendData(t, base, 'sla'));
    expect(table.header).toEqual(['Day', 'SLA met %']);
    expect(table.rows).toEqual([['2026-11-01', '100']]);
  });
});
