/** The search dialog's filters and how they become search:messages arguments (pure). */
import type { ChatId } from '../../../../common/domain';

export type SearchSender = 'me' | 'them';

export type SearchFilters = {
  /** Calendar days as the date inputs give them (yyyy-mm-dd), in the viewer's time zone; '' = open. */
  readonly fromDay: string;
  readonly toDay: string;
  readonly sender: SearchSender | null;
  /** Search within one chat; its name is kept for the chip that shows the scope. */
  readonly chat: { readonly id: ChatId; readonly name: string } | null;
};

export const NO_FILTERS: SearchFilters = { fromDay: '', toDay: '', sender: null, chat: null };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight of a yyyy-mm-dd day, or null when it is not one. */
export function dayStart(day: string): number | null {
  const m = DAY.exec(day);
  if (!m) return null;
  const at = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
  return Number.isFinite(at) && at >= 0 ? at : null;
}

export type FilterArgs = { from?: number; to?: number; sender?: SearchSender; chatId?: ChatId };

/** The range covers whole days: from the start of the first to the last millisecond of the last. */
export function filterArgs(f: SearchFilters): FilterArgs {
  const from = dayStart(f.fromDay);
  const toStart = dayStart(f.toDay);
  const to = toStart === null ? null : new Date(toStart).setDate(new Date(toStart).getDate() + 1) - 1;
  return {
    ...(from === null ? {} : { from }),
    ...(to === null ? {} : { to }),
    ...(f.sender ? { sender: f.sender } : {}),
    ...(f.chat ? { chatId: f.chat.id } : {}),
  };
}
