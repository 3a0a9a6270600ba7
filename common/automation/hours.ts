/**
 * Business hours of one WhatsApp number: a weekly schedule in the number's IANA time zone,
 * several ranges a day, and holidays (local dates on which the number stays closed).
 * Wall-clock arithmetic goes through Intl, so daylight-saving changes and zones far from
 * the machine's own are handled without a time-zone library. Pure: no clock is read here.
 */
import { isKnownTimeZone } from '../time-zone';
import { z } from 'zod';

export * from './opening';

const hhmm = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM');

/**
 * One opening range in local time. An end at or before the start crosses midnight: the
 * range belongs to the day it starts on (and to that day's holiday status).
 */
export const timeRangeSchema = z.strictObject({ start: hhmm, end: hhmm });
export type TimeRange = z.infer<typeof timeRangeSchema>;

/** Accepted only when this runtime's Intl knows the zone, so a typo cannot close a number forever. */
export const timeZoneSchema = z.string().min(1).max(64).refine(isKnownTimeZone, 'unknown time zone');

const dayRanges = z.array(timeRangeSchema).max(8);

export const businessHoursSchema = z.strictObject({
  timeZone: timeZoneSchema,
  week: z.strictObject({
    sun: dayRanges,
    mon: dayRanges,
    tue: dayRanges,
    wed: dayRanges,
    thu: dayRanges,
    fri: dayRanges,
    sat: dayRanges,
  }),
  holidays: z
    .array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'))
    .max(366)
    .refine(list => new Set(list).size === list.length, 'each holiday once'),
});
export type BusinessHours = z.infer<typeof businessHoursSchema>;
