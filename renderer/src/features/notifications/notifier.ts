/**
 * OS notifications (the Notification API works in Electron and in a browser) for new
 * messages in chats that are mine or unassigned, unless the number or chat is muted.
 * A click focuses the window and opens the chat.
 */
import type { AccountAlert } from '../../../../common/api/accounts';
import { chatName } from '../../lib/chat-name';
import type { Chat, Message } from '../../../../common/domain';
import { t, useI18n } from '../../i18n';
import { alertText } from '../accounts/alert-text';
import { inQuietHours, shouldChime, shouldNotify } from '../../lib/notify';
import { playChime } from '../../lib/sound';
import { messagePreview, previewT } from '../../lib/preview';
import { stripBidi } from '../../lib/text';
import { useAccounts } from '../../stores/accounts';
import { core } from '../../stores/core';
import { useInbox } from '../../stores/inbox';
import { useSettings } from '../../stores/settings';

export type OpenChat = (chat: Chat) => void;

const MAX_PER_BATCH = 3;

// Set by the desktop tray's "Pause notifications"; number-down alerts still show.
let pausedByShell = false;
export const setPausedByShell = (paused: boolean): void => {
  pausedByShell = paused;
};

export async function notifyIncoming(messages: readonly Message[], open: OpenChat): Promise<void> {
  if (pausedByShell) return;
  const prefs = useSettings.getState().notify;
  const { me, selectedId } = useInbox.getState();
  const { byId } = useAccounts.getState();
  const focused = document.hasFocus() && document.visibilityState === 'visible';
  const canShow = typeof Notification !== 'undefined' && Notification.permission === 'granted';
  const at = new Date();
  const quiet = inQuietHours(prefs.quietHours, at);
  let shown = 0;
  let chime = false;
  for (const m of messages) {
    if (shown >= MAX_PER_BATCH && chime) break;
    // The chats:changed event may come after the message: ask the store then.
    let chat = useInbox.getState().chat(m.chatId);
    if (!chat && !m.fromMe) {
      const r = await core.getChat(m.chatId);
      chat = r.ok ? r.value : undefined;
    }
    if (!chat) continue;
    const account = byId.get(m.accountId);
    const viewing = focused && selectedId === chat.id;
    chime ||= shouldChime(m, chat, account, prefs, me, viewing, at);
    if (!canShow || shown >= MAX_PER_BATCH || !shouldNotify(m, chat, account, prefs, me, viewing)) continue;
    const sender = chat.isGroup && m.authorName ? `${stripBidi(m.authorName)}: ` : '';
    const n = new Notification(stripBidi(chatName(chat, t)), {
      body: prefs.showPreview
        ? `${sender}${stripBidi(messagePreview(previewT, m))}`.slice(0, 180)
        : t('notify.hidden', { account: stripBidi(account?.name ?? '') }),
      tag: chat.id,
      // Our own chime (once per batch) replaces the OS sound; quiet hours keep both silent.
      silent: prefs.sound || quiet,
    });
    const target = chat;
    n.onclick = () => {
      window.focus();
      open(target);
      n.close();
    };
    shown++;
  }
  if (chime) playChime();
}

/** A number dropped, came back or gave up (peers.md §2.8: people want an alarm when a line drops). */
export function notifyAlert(alert: AccountAlert): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  if (!useSettings.getState().notify.enabled || alert.level === 'info') return;
  const n = new Notification(stripBidi(alert.accountName), {
    body: alertText(useI18n.getState().language, alert).slice(0, 180),
    tag: `account:${alert.accountId}`,
  });
  n.onclick = () => {
    window.focus();
    n.close();
  };
}
