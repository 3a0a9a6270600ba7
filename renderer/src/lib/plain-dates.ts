/**
 * The few date formats the first screen shows (a chat row's time; a bubble's time), in the
 * app's two locales, from the Date's own fields instead of Intl (#23). A page's first
 * Intl.DateTimeFormat loads ICU's locale and time-zone data: 40–120 ms of Chromium's main
 * thread here, and the chat list's first paint paid it. The output is Intl's, character
 * for character (tests/unit/renderer/plain-dates.test.ts compares every month, weekday and
 * hour in both locales); any other locale or format goes to Intl.
 */
type Plain = (d: Date) => string;

const MONTHS = {
  'en-GB': ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'],
  'id-ID': ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
} as const;
const WEEKDAYS = {
  'en-GB': ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  'id-ID': ['Min', 'Sen', 'Sel', 'Rab', 'Kam', 'Jum', 'Sab'],
} as const;
const CLOCK_SEPARATOR = { 'en-GB': ':', 'id-ID': '.' } as const;
type Locale = keyof typeof MONTHS;

const two = (n: number) => String(n).padStart(2, '0');

/** The option sets with a plain form, by their JSON (format-cache's key). */
const FORMATS: Partial<Record<string, (locale: Locale) => Plain>> = {
  [JSON.stringify({ hour: '2-digit', minute: '2-digit' })]: l => d =>
    `${two(d.getHours())}${CLOCK_SEPARATOR[l]}${two(d.getMinutes())}`,
  [JSON.stringify({ weekday: 'short' })]: l => d => WEEKDAYS[l][d.getDay()] ?? '',
  [JSON.stringify({ day: 'numeric', month: 'short', year: '2-digit' })]: l => d =>
    `${d.getDate()} ${MONTHS[l][d.getMonth()] ?? ''} ${two(d.getFullYear() % 100)}`,
};

const isLocale = (l: string | undefined): l is Locale => l === 'en-GB' || l === 'id-ID';

/** The plain formatter for this locale and options (as JSON), or null when Intl must do it. */
export function plainFormat(locale: string | undefined, optionsJson: string): Plain | null {
  const make = FORMATS[optionsJson];
  return make && isLocale(locale) ? make(locale) : null;
}
