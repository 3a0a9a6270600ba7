/**
 * A template parameter as the picker's fields hold it (text, an amount, or a date and time)
 * and the value `cloudTemplates:send` takes. Meta shows an amount's or a date's fallback text
 * as written, so the fallback is formatted here in the template's language: the customer's.
 */
import type { TemplateValue } from '../../../../common/protocol-cloud';

export type ValueKind = 'text' | 'currency' | 'date_time';
export type ValueInput = {
  readonly kind: ValueKind;
  readonly text: string;
  /** ISO 4217, e.g. IDR. */
  readonly code: string;
  /** As typed: digits with an optional decimal point. */
  readonly amount: string;
  /** A datetime-local value: YYYY-MM-DDTHH:mm. */
  readonly date: string;
};
export const EMPTY_VALUE: ValueInput = { kind: 'text', text: '', code: 'IDR', amount: '', date: '' };

/** Meta's language code (en_US, id) as a BCP 47 locale for Intl. */
export const localeOf = (language: string): string => language.replace('_', '-');

function currencyOf(v: ValueInput, locale: string): TemplateValue | null {
  const code = v.code.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code) || !/^\d{1,12}(\.\d{1,3})?$/.test(v.amount.trim())) return null;
  const amount = Number(v.amount.trim());
  try {
    const fallback = new Intl.NumberFormat(locale, { style: 'currency', currency: code }).format(amount);
    return { type: 'currency', fallback, code, amount1000: Math.round(amount * 1000) };
  } catch {
    return null; // not a currency Intl knows
  }
}

function dateTimeOf(v: ValueInput, locale: string): TemplateValue | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(v.date);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const at = new Date(Date.UTC(y, mo - 1, d, h, mi));
  if (Number.isNaN(at.getTime())) return null;
  // Midnight reads as a day ("5 January 2027"); any other time is shown with it.
  const style: Intl.DateTimeFormatOptions =
    h === 0 && mi === 0
      ? { dateStyle: 'long', timeZone: 'UTC' }
      : { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' };
  try {
    return { type: 'date_time', fallback: new Intl.DateTimeFormat(locale, style).format(at) };
  } catch {
    return { type: 'date_time', fallback: new Intl.DateTimeFormat('en', style).format(at) };
  }
}

/** The value to send, or null while the fields do not make one. */
export function templateValueOf(v: ValueInput, language: string): TemplateValue | null {
  const locale = localeOf(language);
  if (v.kind === 'currency') return currencyOf(v, locale);
  if (v.kind === 'date_time') return dateTimeOf(v, locale);
  const text = v.text.trim();
  return text ? text : null;
}

/** What the preview shows for the value: its text or fallback, or '' while incomplete. */
export function valuePreview(v: ValueInput, language: string): string {
  const value = templateValueOf(v, language);
  if (value === null) return '';
  return typeof value === 'string' ? value : value.fallback;
}
