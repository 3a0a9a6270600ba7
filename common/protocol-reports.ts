/**
 * Reports on the sync protocol: `reports:get` (the figures of one range, for the Reports
 * screen) and `reports:conversations` (the conversations behind them, paged, for CSV).
 * The server computes both from what it stores; admins see every number, leads the numbers
 * they lead, agents nothing ('forbidden'). The definitions of every figure are in
 * docs/reports.md. Registered in protocol.ts and reply-schemas.ts; this file is the contract
 * the server and the desktop are both written against.
 */
import { z } from 'zod';
import type { Reply } from './result';

/** The longest range one report covers, in days (inclusive of both ends). */
export const REPORT_RANGE_MAX_DAYS = 366;
export const REPORT_CONVERSATIONS_PAGE_MAX = 1_000;

/**
 * Upper bounds (ms, exclusive) of the histogram buckets shared by first response and
 * resolution times: under 1 min, 1–5 min, 5–15 min, 15–30 min, 30–60 min, 1–4 h, 4–24 h;
 * the last bucket (24 h and more) has no bound, so a histogram has BUCKET_BOUNDS.length + 1 counts.
 */
export const REPORT_BUCKET_BOUNDS_MS = [
  60_000, 300_000, 900_000, 1_800_000, 3_600_000, 14_400_000, 86_400_000,
] as const;

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A calendar day `YYYY-MM-DD` that exists (no 2026-02-30). */
export const reportDaySchema = z
  .string()
  .regex(DAY)
  .refine(d => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === d;
  }, 'not a calendar day');

/** An IANA time zone this runtime knows (`Asia/Jakarta`, `UTC`); offsets like `+07:00` are refused. */
export const reportTimeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/)
  .refine(tz => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'unknown time zone');

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

const filterShape = {
  /** First and last day of the range, both included, as calendar days in `timeZone`. */
  from: reportDaySchema,
  to: reportDaySchema,
  /** The viewer's time zone: days, weeks and the heatmap's hours are cut in it. */
  timeZone: reportTimeZoneSchema,
  /** Only this WhatsApp number. */
  accountId: z.string().min(1).max(200).optional(),
  /** Only conversations assigned to this member (at their end, or now if still open). */
  memberId: z.string().uuid().optional(),
  /** Only chats carrying this tag. */
  tag: z.string().trim().min(1).max(50).optional(),
  /**
   * Count business hours only: first response and resolution times measure only the time the
   * chat's number was open (its business hours, in its time zone), and SLA due times are its
   * target in that open time; numbers without business hours are measured around the clock.
   */
  businessHours: z.boolean().default(false),
};

const rangeOk = (a: { from: string; to: string }) =>
  a.from <= a.to && daysBetween(a.from, a.to) <= REPORT_RANGE_MAX_DAYS;
const rangeMessage = { message: 'from must not be after to, and the range is at most 366 days', path: ['from'] };

export const reportsGetSchema = z
  .strictObject({
    ...filterShape,
    /** Trend points per day or per week (weeks start on Monday). */
    bucket: z.enum(['day', 'week']).default('day'),
  })
  .refine(rangeOk, rangeMessage);
export type ReportsGetArgs = z.output<typeof reportsGetSchema>;

export const reportsConversationsSchema = z
  .strictObject({
    ...filterShape,
    /** Which conversations: every one opened in the range, only the resolved ones, or those still open. */
    status: z.enum(['all', 'resolved', 'open', 'reopened']).default('all'),
    /** `nextCursor` of the previous page. */
    cursor: z.string().min(1).max(200).optional(),
    limit: z.number().int().min(1).max(REPORT_CONVERSATIONS_PAGE_MAX).default(500),
  })
  .refine(rangeOk, rangeMessage);
export type ReportsConversationsArgs = z.output<typeof reportsConversationsSchema>;

// ── Replies ──────────────────────────────────────────────────────────────────────────

const count = z.number().int().min(0);
const msOrNull = z.number().min(0).nullable();

/** Median and 90th percentile of a duration; null when there is no sample. */
export const durationStatsSchema = z.object({
  count,
  medianMs: msOrNull,
  p90Ms: msOrNull,
  /** REPORT_BUCKET_BOUNDS_MS.length + 1 counts. */
  histogram: z.array(count).length(REPORT_BUCKET_BOUNDS_MS.length + 1),
});

export const reportTotalsSchema = z.object({
  opened: count,
  resolved: count,
  reopened: count,
  messagesIn: count,
  messagesOut: count,
});

export const reportTrendPointSchema = reportTotalsSchema.extend({
  /** The day, or the Monday starting the week, in the viewer's time zone. */
  start: z.string(),
  firstResponseMedianMs: msOrNull,
  resolutionMedianMs: msOrNull,
});

export const reportMemberRowSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  assigned: count,
  resolved: count,
  firstResponseMedianMs: msOrNull,
  /** Median time from assignment to resolution of the conversations this member resolved. */
  handleTimeMedianMs: msOrNull,
  messagesSent: count,
});

export const reportAccountRowSchema = reportTotalsSchema.extend({
  accountId: z.string(),
  name: z.string(),
  firstResponseMedianMs: msOrNull,
  resolutionMedianMs: msOrNull,
});

export const reportTagRowSchema = reportTotalsSchema.extend({
  tag: z.string(),
  firstResponseMedianMs: msOrNull,
  resolutionMedianMs: msOrNull,
});

const pctOrNull = z.number().min(0).max(100).nullable();

/**
 * SLA attainment of the conversations opened in the range on numbers with a first-response
 * target (docs/reports.md, "SLA attainment"): met, missed, still waiting and not yet due;
 * `metPct` = met / (met + missed) × 100, null when none was decided.
 */
export const slaCountsSchema = z.object({ met: count, missed: count, waiting: count, metPct: pctOrNull });

export const wireReportSlaSchema = slaCountsSchema.extend({
  /** Same buckets as `trend`, by the conversation's opening. */
  trend: z.array(slaCountsSchema.extend({ start: z.string() })),
  /** By the conversation's assignee (at its resolution, or now when open); only members with a conversation counted. */
  members: z.array(slaCountsSchema.extend({ memberId: z.string(), name: z.string() })),
  /** Every number in scope; `targetMinutes` null when it has no target (then its counts are 0). */
  accounts: z.array(
    slaCountsSchema.extend({
      accountId: z.string(),
      name: z.string(),
      targetMinutes: z.number().int().min(0).nullable(),
    }),
  ),
});
export type WireReportSla = z.output<typeof wireReportSlaSchema>;

export const wireReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  bucket: z.enum(['day', 'week']),
  /** When the server computed it (ms); a cached report keeps its first time. */
  generatedAt: z.number().int(),
  totals: reportTotalsSchema,
  firstResponse: durationStatsSchema,
  resolution: durationStatsSchema,
  trend: z.array(reportTrendPointSchema),
  members: z.array(reportMemberRowSchema),
  accounts: z.array(reportAccountRowSchema),
  tags: z.array(reportTagRowSchema),
  /** Inbound messages by weekday (0 = Monday … 6 = Sunday) × hour (0–23) in the viewer's time zone: 7 rows of 24. */
  heatmap: z.array(z.array(count).length(24)).length(7),
  sla: wireReportSlaSchema,
});
export type WireReport = z.output<typeof wireReportSchema>;

export const wireReportConversationSchema = z.object({
  chatId: z.string(),
  accountId: z.string(),
  /** The customer's name or number as the server knows it. */
  customer: z.string(),
  openedAt: z.number().int(),
  firstResponseAt: z.number().int().nullable(),
  resolvedAt: z.number().int().nullable(),
  firstResponseMs: msOrNull,
  resolutionMs: msOrNull,
  /** The assignee at resolution (or now when still open); null when unassigned. */
  assigneeId: z.string().nullable(),
  /** True when this conversation was reopened (resolved, then active again within the idle limit). */
  reopened: z.boolean(),
  messagesIn: count,
  messagesOut: count,
  tags: z.array(z.string()),
  /** When its first response was due under its number's target; null without a target. */
  slaDueAt: z.number().int().nullable(),
  /** Its SLA outcome at the end of the range (docs/reports.md); null without a target. */
  sla: z.enum(['met', 'missed', 'waiting', 'excused']).nullable(),
});
export type WireReportConversation = z.output<typeof wireReportConversationSchema>;

export const wireReportConversationsPageSchema = z.object({
  conversations: z.array(wireReportConversationSchema),
  /** Pass as `cursor` for the next page; null on the last. */
  nextCursor: z.string().nullable(),
});
export type WireReportConversationsPage = z.output<typeof wireReportConversationsPageSchema>;

type Cmd<T> = (payload: unknown, ack: (reply: Reply<T>) => void) => void;

export interface ReportsCommands {
  'reports:get': Cmd<WireReport>;
  'reports:conversations': Cmd<WireReportConversationsPage>;
}

export const REPORTS_COMMAND_SCHEMAS = {
  'reports:get': reportsGetSchema,
  'reports:conversations': reportsConversationsSchema,
} as const;

export const REPORTS_REPLY_SCHEMAS = {
  'reports:get': wireReportSchema,
  'reports:conversations': wireReportConversationsPageSchema,
} as const;
