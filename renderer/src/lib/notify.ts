/** When a new message deserves an OS notification, and when it deserves a sound. */
import type { Account, Chat, MemberId, Message } from '../../../common/domain';

export type QuietHours = {
  readonly enabled: boolean;
  /** 'HH:MM' in the desktop's local time; a range across midnight (22:00–07:00) is allowed. */
  readonly from: string;
  readonly to: string;
};

export type NotifyPrefs = {
  readonly enabled: boolean;
  /** Only chats assigned to me or unassigned (the default). */
  readonly onlyMineOrUnassigned: boolean;
  readonly showPreview: boolean;
  /** A short chime for new messages, even when OS notifications are off or blocked. */
  readonly sound: boolean;
  /** Numbers whose messages never chime (their notifications still show). */
  readonly silentAccounts: readonly string[];
  /** No chime (and silent notifications) in these hours. */
  readonly quietHours: QuietHours;
};

export const defaultNotifyPrefs: NotifyPrefs = {
  enabled: true,
  onlyMineOrUnassigned: true,
  showPreview: true,
  sound: true,
  silentAccounts: [],
  quietHours: { enabled: false, from: '22:00', to: '07:00' },
};

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const minutesOf = (hhmm: string): number | null => {
  const m = HHMM.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
};

/** Stored preferences are read back field by field: a damaged or old value takes the default. */
export function readNotifyPrefs(raw: unknown): NotifyPrefs {
  const v = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const bool = (x: unknown, d: boolean) => (typeof x === 'boolean' ? x : d);
  const q =
    typeof v['quietHours'] === 'object' && v['quietHours'] !== null ? (v['quietHours'] as Record<string, unknown>) : {};
  const time = (x: unknown, d: string) => (typeof x === 'string' && HHMM.test(x) ? x : d);
  const d = defaultNotifyPrefs;
  return {
    enabled: bool(v['enabled'], d.enabled),
    onlyMineOrUnassigned: bool(v['onlyMineOrUnassigned'], d.onlyMineOrUnassigned),
    showPreview: bool(v['showPreview'], d.showPreview),
    sound: bool(v['sound'], d.sound),
    silentAccounts: Array.isArray(v['silentAccounts'])
      ? v['silentAccounts'].filter((x): x is string => typeof x === 'string' && x.length <= 200).slice(0, 200)
      : [],
    quietHours: {
      enabled: bool(q['enabled'], d.quietHours.enabled),
      from: time(q['from'], d.quietHours.from),
      to: time(q['to'], d.quietHours.to),
    },
  };
}

/** Is this local time inside the quiet hours? Equal bounds mean no quiet time at all. */
export function inQuietHours(q: QuietHours, at: Date): boolean {
  if (!q.enabled) return false;
  const from = minutesOf(q.from);
  const to = minutesOf(q.to);
  if (from === null || to === null || from === to) return false;
  const now = at.getHours() * 60 + at.getMinutes();
  return from < to ? now >= from && now < to : now >= from || now < to;
}

/** A message an agent should be told about, however (notification or sound). */
function deservesAlert(
  m: Pick<Message, 'fromMe' | 'type'>,
  chat: Pick<Chat, 'assigneeId' | 'muted' | 'archived'>,
  account: Pick<Account, 'muted'> | undefined,
  prefs: Pick<NotifyPrefs, 'onlyMineOrUnassigned'>,
  me: MemberId | null,
  viewing: boolean,
): boolean {
  if (m.fromMe || m.type === 'reaction' || m.type === 'system') return false;
  if (chat.muted || chat.archived || account?.muted) return false;
  // The agent is looking at this chat in a focused window: no need to interrupt.
  if (viewing) return false;
  if (prefs.onlyMineOrUnassigned && chat.assigneeId !== null && chat.assigneeId !== me) return false;
  return true;
}

export function shouldNotify(
  m: Pick<Message, 'fromMe' | 'type'>,
  chat: Pick<Chat, 'assigneeId' | 'muted' | 'archived'>,
  account: Pick<Account, 'muted'> | undefined,
  prefs: NotifyPrefs,
  me: MemberId | null,
  viewing: boolean,
): boolean {
  return prefs.enabled && deservesAlert(m, chat, account, prefs, me, viewing);
}

export function shouldChime(
  m: Pick<Message, 'fromMe' | 'type' | 'accountId'>,
  chat: Pick<Chat, 'assigneeId' | 'muted' | 'archived'>,
  account: Pick<Account, 'muted'> | undefined,
  prefs: NotifyPrefs,
  me: MemberId | null,
  viewing: boolean,
  at: Date,
): boolean {
  if (!prefs.sound || prefs.silentAccounts.includes(m.accountId) || inQuietHours(prefs.quietHours, at)) return false;
  return deservesAlert(m, chat, account, prefs, me, viewing);
}
