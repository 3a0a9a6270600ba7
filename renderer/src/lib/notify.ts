/** When a new message deserves an OS notification. */
import type { Account, Chat, MemberId, Message } from '../../../common/domain';

export type NotifyPrefs = {
  readonly enabled: boolean;
  /** Only chats assigned to me or unassigned (the default). */
  readonly onlyMineOrUnassigned: boolean;
  readonly showPreview: boolean;
};

export const defaultNotifyPrefs: NotifyPrefs = { enabled: true, onlyMineOrUnassigned: true, showPreview: true };

export function shouldNotify(
  m: Pick<Message, 'fromMe' | 'type'>,
  chat: Pick<Chat, 'assigneeId' | 'muted' | 'archived'>,
  account: Pick<Account, 'muted'> | undefined,
  prefs: NotifyPrefs,
  me: MemberId | null,
  viewing: boolean,
): boolean {
  if (!prefs.enabled || m.fromMe || m.type === 'reaction' || m.type === 'system') return false;
  if (chat.muted || chat.archived || account?.muted) return false;
  // The agent is looking at this chat in a focused window: no need to interrupt.
  if (viewing) return false;
  if (prefs.onlyMineOrUnassigned && chat.assigneeId !== null && chat.assigneeId !== me) return false;
  return true;
}
