import { plainFormat } from './plain-dates';

/**
 * `Date#toLocale…String(locale, options)` builds a new Intl.DateTimeFormat on every call,
 * about 0.5 ms each: 60 chat rows spent ~40 ms of the first paint on it (#23). Formatters
 * are kept per locale and options instead; the set of both is small and fixed. The formats
 * of the first screen need no Intl at all (plain-dates.ts).
 */
const formats = new Map<string, { format(ts: number): string }>();

export function formatDate(ts: number, locale: string | undefined, options: Intl.DateTimeFormatOptions): string {
  const json = JSON.stringify(options);
  const key = `${locale ?? ''}|${json}`;
  let f = formats.get(key);
  if (!f) {
    const plain = plainFormat(locale, json);
    f = plain ? { format: (t: number) => plain(new Date(t)) } : new Intl.DateTimeFormat(locale, options);
    formats.set(key, f);
  }
  return f.format(ts);
}

/**
 * Loads ICU's data ahead of the first use that needs it (a conversation's day separators),
 * in the page's idle time after the chat list is painted, so neither the first paint nor the
 * first chat opened pays it.
 */
export function warmIntl(locale: string): void {
  const run = () => formatDate(0, locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 0);
}
