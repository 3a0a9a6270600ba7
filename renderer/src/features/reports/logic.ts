/**
 * Pure parts of the Reports screen: ranges in the viewer's time zone, durations in words,
 * and every table as header + rows of text. The screen renders these rows and the CSV
 * export writes the very same rows, so a file always matches what was on screen.
 */
import type { WireReport } from '../../../../common/protocol-reports';
import {
  REPORT_BUCKET_BOUNDS_MS,
  REPORT_RANGE_MAX_DAYS,
  daysBetween,
  reportDaySchema,
  reportTimeZoneSchema,
} from '../../../../common/protocol-reports';
import type { ReportsMessageKey } from '../../i18n/reports.en';

export type ReportsT = (key: ReportsMessageKey, vars?: Readonly<Record<string, string | number>>) => string;

export type Preset = 'today' | 'last7' | 'last30' | 'thisMonth' | 'custom';
export const PRESETS: readonly Preset[] = ['today', 'last7', 'last30', 'thisMonth', 'custom'];

export type Range = { readonly from: string; readonly to: string };

/** The viewer's IANA zone, as the server accepts it; UTC when the runtime gives none it knows. */
export function viewerTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return reportTimeZoneSchema.safeParse(zone).success ? zone : 'UTC';
}

/** The calendar day (`YYYY-MM-DD`) it is at `now` in `timeZone`. */
export function dayIn(timeZone: string, now: number): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** A preset's days ending today in the viewer's zone; a custom range as typed, when it is one the server takes. */
export function rangeOf(preset: Preset, timeZone: string, now: number, custom: Range): Range | null {
  const today = dayIn(timeZone, now);
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'last7':
      return { from: addDays(today, -6), to: today };
    case 'last30':
      return { from: addDays(today, -29), to: today };
    case 'thisMonth':
      return { from: `${today.slice(0, 8)}01`, to: today };
    case 'custom': {
      const ok = reportDaySchema.safeParse(custom.from).success && reportDaySchema.safeParse(custom.to).success;
      if (!ok || custom.from > custom.to || daysBetween(custom.from, custom.to) > REPORT_RANGE_MAX_DAYS) return null;
      return custom;
    }
  }
}

/** A duration the way people say it: 45 s, 12 min, 3 h 05 min, 2 d 4 h; a dash when there is none. */
export function formatDuration(t: ReportsT, ms: number | null): string {
  if (ms === null) return t('reports.none');
  const s = Math.round(ms / 1000);
  if (s < 60) return t('reports.dur.s', { n: s });
  const min = Math.round(ms / 60_000);
  if (min < 60) return t('reports.dur.min', { n: min });
  if (min < 48 * 60) return t('reports.dur.h', { h: Math.floor(min / 60), m: String(min % 60).padStart(2, '0') });
  const h = Math.round(ms / 3_600_000);
  return t('reports.dur.d', { d: Math.floor(h / 24), h: h % 24 });
}

/** The histogram buckets' names, from the contract's bounds: under 1 min, 1–5 min, … 24 h or more. */
export function bucketLabels(t: ReportsT): string[] {
  const short = (ms: number) => (ms < 3_600_000 ? `${ms / 60_000} min` : `${ms / 3_600_000} h`);
  const bounds = REPORT_BUCKET_BOUNDS_MS;
  return [
    t('reports.bucket.under', { to: short(bounds[0]) }),
    ...bounds.slice(1).map((to, i) => t('reports.bucket.between', { from: short(bounds[i]!), to: short(to) })),
    t('reports.bucket.over', { from: short(bounds[bounds.length - 1]!) }),
  ];
}

export type Table = { readonly header: readonly string[]; readonly rows: readonly (readonly string[])[] };

const n = (v: number) => String(v);

export function memberTable(t: ReportsT, r: WireReport): Table {
  return {
    header: [
      t('reports.col.member'),
      t('reports.col.assigned'),
      t('reports.col.resolved'),
      t('reports.col.firstResponseMedian'),
      t('reports.col.handleTime'),
      t('reports.col.messagesSent'),
    ],
    rows: r.members.map(m => [
      m.name,
      n(m.assigned),
      n(m.resolved),
      formatDuration(t, m.firstResponseMedianMs),
      formatDuration(t, m.handleTimeMedianMs),
      n(m.messagesSent),
    ]),
  };
}

type TotalsRow = WireReport['accounts'][number] | WireReport['tags'][number];
const totalsHeader = (t: ReportsT) => [
  t('reports.col.opened'),
  t('reports.col.resolved'),
  t('reports.col.reopened'),
  t('reports.col.messagesIn'),
  t('reports.col.messagesOut'),
  t('reports.col.firstResponseMedian'),
  t('reports.col.resolutionMedian'),
];
const totalsCells = (t: ReportsT, row: TotalsRow) => [
  n(row.opened),
  n(row.resolved),
  n(row.reopened),
  n(row.messagesIn),
  n(row.messagesOut),
  formatDuration(t, row.firstResponseMedianMs),
  formatDuration(t, row.resolutionMedianMs),
];

export function accountTable(t: ReportsT, r: WireReport): Table {
  return {
    header: [t('reports.col.number'), ...totalsHeader(t)],
    rows: r.accounts.map(a => [a.name, ...totalsCells(t, a)]),
  };
}

export function tagTable(t: ReportsT, r: WireReport): Table {
  return { header: [t('reports.col.tag'), ...totalsHeader(t)], rows: r.tags.map(g => [g.tag, ...totalsCells(t, g)]) };
}

/** SLA met as people read it: 87.5 %; a dash when nothing was decided. */
export function formatPct(t: ReportsT, pct: number | null): string {
  return pct === null ? t('reports.none') : t('reports.pct', { n: pct.toFixed(1) });
}

/** True when at least one number in the report has a first-response target: SLA figures mean something. */
export const hasSlaTargets = (r: WireReport): boolean => r.sla.accounts.some(a => a.targetMinutes !== null);

type SlaRow = Pick<WireReport['sla'], 'met' | 'missed' | 'waiting' | 'metPct'>;
const slaHeader = (t: ReportsT) => [
  t('reports.col.slaMet'),
  t('reports.col.slaMissed'),
  t('reports.col.slaWaiting'),
  t('reports.col.slaMetPct'),
];
const slaCells = (t: ReportsT, row: SlaRow) => [n(row.met), n(row.missed), n(row.waiting), formatPct(t, row.metPct)];

/** SLA attainment per number, with each number's target (a dash: none). */
export function slaAccountTable(t: ReportsT, r: WireReport): Table {
  return {
    header: [t('reports.col.number'), t('reports.col.slaTarget'), ...slaHeader(t)],
    rows: r.sla.accounts.map(a => [
      a.name,
      a.targetMinutes === null ? t('reports.none') : t('reports.dur.min', { n: a.targetMinutes }),
      ...slaCells(t, a),
    ]),
  };
}

/** SLA attainment per member (the conversation's assignee). */
export function slaMemberTable(t: ReportsT, r: WireReport): Table {
  return {
    header: [t('reports.col.member'), ...slaHeader(t)],
    rows: r.sla.members.map(m => [m.name, ...slaCells(t, m)]),
  };
}

/** One chart's data: x labels, and one row of numbers (or gaps) per series. */
export type Series = { readonly label: string; readonly values: readonly (number | null)[] };
export type ChartData = { readonly xTitle: string; readonly x: readonly string[]; readonly series: readonly Series[] };

export type TrendFigure = 'conversations' | 'messages' | 'times' | 'sla';
export const TREND_FIGURES: readonly TrendFigure[] = ['conversations', 'messages', 'times', 'sla'];

const minutes = (ms: number | null) => (ms === null ? null : Math.round(ms / 6_000) / 10);

export function trendData(t: ReportsT, r: WireReport, figure: TrendFigure): ChartData {
  const pick = (f: (p: WireReport['trend'][number]) => number | null) => r.trend.map(f);
  const series: Series[] =
    figure === 'conversations'
      ? [
          { label: t('reports.col.opened'), values: pick(p => p.opened) },
          { label: t('reports.col.resolved'), values: pick(p => p.resolved) },
          { label: t('reports.col.reopened'), values: pick(p => p.reopened) },
        ]
      : figure === 'messages'
        ? [
            { label: t('reports.col.messagesIn'), values: pick(p => p.messagesIn) },
            { label: t('reports.col.messagesOut'), values: pick(p => p.messagesOut) },
          ]
        : figure === 'times'
          ? [
              { label: t('reports.col.firstResponseMedian'), values: pick(p => minutes(p.firstResponseMedianMs)) },
              { label: t('reports.col.resolutionMedian'), values: pick(p => minutes(p.resolutionMedianMs)) },
            ]
          : [{ label: t('reports.col.slaMetPct'), values: r.sla.trend.map(p => p.metPct) }];
  return {
    xTitle: t(r.bucket === 'week' ? 'reports.col.week' : 'reports.col.day'),
    x: r.trend.map(p => p.start),
    series,
  };
}

export function histogramData(t: ReportsT, histogram: readonly number[]): ChartData {
  return {
    xTitle: t('reports.col.duration'),
    x: bucketLabels(t),
    series: [{ label: t('reports.col.conversations'), values: histogram }],
  };
}

/** A chart's table view (and its CSV): one row per x, one column per series; gaps stay empty. */
export function chartTable(data: ChartData): Table {
  return {
    header: [data.xTitle, ...data.series.map(s => s.label)],
    rows: data.x.map((x, i) => [x, ...data.series.map(s => (s.values[i] == null ? '' : String(s.values[i])))]),
  };
}

/** `numberFilter`: a lead naming a number they do not lead is refused too, and told so. */
export function errorText(t: ReportsT, code: string, numberFilter = false): string {
  if (code === 'forbidden') return t(numberFilter ? 'reports.error.forbiddenNumber' : 'reports.error.forbidden');
  if (code === 'unavailable' || code === 'timeout') return t('reports.error.offline');
  if (code === 'invalid_args') return t('reports.error.invalid');
  return t('reports.error.other', { code });
}

/** "5 minutes ago", "2 hours ago", in the viewer's language. */
export function ageText(language: string, cachedAt: number, now: number): string {
  const rtf = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const min = Math.max(0, Math.round((now - cachedAt) / 60_000));
  if (min < 60) return rtf.format(-min, 'minute');
  const h = Math.round(min / 60);
  return h < 48 ? rtf.format(-h, 'hour') : rtf.format(-Math.round(h / 24), 'day');
}

/** The file name of a table's CSV: the table's own name, the range, `.csv`. */
export function csvFileName(name: string, range: Range): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'report'}-${range.from}-${range.to}.csv`;
}
