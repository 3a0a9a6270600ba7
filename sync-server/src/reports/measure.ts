/**
 * How long a conversation waited for its first response and for its resolution: around the
 * clock, or — with the report's "business hours only" option — counting only the time its
 * number was open (common/reports/open-time.ts). A number without business hours is measured
 * around the clock either way (docs/reports.md, "Business hours only").
 */
import { openTimeMeter } from '../../../common/reports/open-time';
import type { Conversation } from './conversations';
import type { Dataset } from './dataset';

export type Measure = {
  readonly firstResponseMs: (c: Conversation) => number | null;
  readonly resolutionMs: (c: Conversation) => number | null;
};

const plain = (from: number, to: number) => to - from;

export const AROUND_THE_CLOCK: Measure = {
  firstResponseMs: c => (c.firstResponseAt === null ? null : c.firstResponseAt - c.openedAt),
  resolutionMs: c => (c.resolvedAt === null ? null : c.resolvedAt - c.openedAt),
};

export function measureOf(d: Dataset, businessHoursOnly: boolean): Measure {
  if (!businessHoursOnly) return AROUND_THE_CLOCK;
  const meters = new Map([...d.businessHours].map(([accountId, hours]) => [accountId, openTimeMeter(hours)]));
  const meterOf = (c: Conversation) => {
    const accountId = d.chats.get(c.chatId)?.accountId;
    return (accountId === undefined ? undefined : meters.get(accountId)) ?? plain;
  };
  // Each conversation is measured for several tables: once is enough.
  const memo = (f: (c: Conversation) => number | null) => {
    const seen = new Map<Conversation, number | null>();
    return (c: Conversation) => {
      if (!seen.has(c)) seen.set(c, f(c));
      return seen.get(c) ?? null;
    };
  };
  return {
    firstResponseMs: memo(c => (c.firstResponseAt === null ? null : meterOf(c)(c.openedAt, c.firstResponseAt))),
    resolutionMs: memo(c => (c.resolvedAt === null ? null : meterOf(c)(c.openedAt, c.resolvedAt))),
  };
}
