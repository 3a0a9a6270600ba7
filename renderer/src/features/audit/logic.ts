/** Pure parts of the Audit log screen: filters to arguments, words for codes, table and CSV cells. */
import type { AuditEntry } from '../../../../common/api/audit';
import type { AuditMessageKey } from '../../i18n/audit.en';
import { auditEn } from '../../i18n/audit.en';

export type AuditT = (key: AuditMessageKey, vars?: Readonly<Record<string, string | number>>) => string;

const ACTION_PREFIX = 'audit.action.';

/** Every action code the screen has words for, in the order the action filter lists them. */
export const KNOWN_ACTIONS: readonly string[] = Object.keys(auditEn)
  .filter(k => k.startsWith(ACTION_PREFIX))
  .map(k => k.slice(ACTION_PREFIX.length));

const isKey = (k: string): k is AuditMessageKey => Object.prototype.hasOwnProperty.call(auditEn, k);

/** A code this version does not know (a newer server's) is shown as it is. */
export function actionText(t: AuditT, code: string): string {
  const key = ACTION_PREFIX + code;
  return isKey(key) ? t(key) : code;
}

export type AuditFilters = {
  readonly memberId: string;
  readonly action: string;
  readonly chatId: string;
  /** yyyy-mm-dd from a date input, '' for none; days are the viewer's own. */
  readonly from: string;
  readonly to: string;
};

export const NO_FILTERS: AuditFilters = { memberId: '', action: '', chatId: '', from: '', to: '' };

export type AuditQuery = {
  readonly memberId?: string;
  readonly action?: string;
  readonly chatId?: string;
  readonly from?: number;
  readonly to?: number;
};

/** Local midnight of a yyyy-mm-dd day, or null when the text is not a day. */
function dayStart(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(d.getTime()) ? null : d.getTime();
}

/** The server's filter for these choices: "to" includes its whole day. Null when the dates are the wrong way round. */
export function queryOf(f: AuditFilters): AuditQuery | null {
  const from = f.from ? dayStart(f.from) : null;
  const toStart = f.to ? dayStart(f.to) : null;
  // The next local midnight minus one: a day is not always 24 hours long.
  const to = toStart === null ? null : (dayStart(nextDay(f.to)) ?? toStart + 86_400_000) - 1;
  if (from !== null && to !== null && from > to) return null;
  return {
    ...(f.memberId ? { memberId: f.memberId } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.chatId ? { chatId: f.chatId } : {}),
    ...(from !== null ? { from } : {}),
    ...(to !== null ? { to } : {}),
  };
}

function nextDay(day: string): string {
  const start = dayStart(day);
  if (start === null) return day;
  const d = new Date(start);
  d.setDate(d.getDate() + 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export const isFiltered = (f: AuditFilters): boolean => Object.values(f).some(v => v !== '');

/** The error sentence for a failed load, by code. */
export function errorText(t: AuditT, code: string): string {
  if (code === 'forbidden') return t('audit.error.forbidden');
  if (code === 'unavailable' || code === 'timeout') return t('audit.error.offline');
  if (code === 'invalid_args') return t('audit.error.invalid');
  if (code === 'not_found') return t('audit.error.notFound');
  return t('audit.error.other', { code });
}

/** Details in one line: the row's `after` (the writers keep it small and free of secrets). */
export function detailsText(e: AuditEntry): string {
  const value = e.after ?? e.before;
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

export const shortId = (id: string | null): string => (id ? id.slice(0, 8) : '');

/** The cells a row shows, in column order; the CSV writes the same cells, then the full ids. */
export function rowCells(t: AuditT, e: AuditEntry, formatTime: (ms: number) => string): string[] {
  return [
    formatTime(e.at),
    e.memberName ?? (e.memberId ? t('audit.unknownMember') : ''),
    actionText(t, e.action),
    e.chatName ?? e.chatId ?? '',
    shortId(e.deviceId),
    detailsText(e),
  ];
}

export function headerCells(t: AuditT): string[] {
  return [
    t('audit.col.time'),
    t('audit.col.member'),
    t('audit.col.action'),
    t('audit.col.chat'),
    t('audit.col.device'),
    t('audit.col.details'),
  ];
}

/** Extra CSV columns a spreadsheet can sort and join on: exact time and ids. */
export const CSV_EXTRA_HEADER = ['time_utc', 'action_code', 'member_id', 'chat_id', 'device_id'] as const;

export function csvExtraCells(e: AuditEntry): string[] {
  return [new Date(e.at).toISOString(), e.action, e.memberId ?? '', e.chatId ?? '', e.deviceId ?? ''];
}
