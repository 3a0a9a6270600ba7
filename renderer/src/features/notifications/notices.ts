/**
 * Notices from the workspace (a rule's notify, an SLA breach) as OS notifications. A click
 * opens the chat. Old ones (a desktop back after hours offline pulls them) are not shown:
 * a notification about something long past only startles.
 */
import type { WireNotice } from '../../../../common/protocol-notices';
import { asChatId } from '../../../../common/domain';
import { t } from '../../i18n';
import { stripBidi } from '../../lib/text';
import { core } from '../../stores/core';
import { useSettings } from '../../stores/settings';
import type { OpenChat } from './notifier';

const MAX_AGE_MS = 30 * 60_000;
const MAX_PER_BATCH = 3;

export function noticeBody(n: WireNotice): string {
  return n.kind === 'sla_breach' ? t('notify.notice.slaBreach') : stripBidi(n.text ?? '').slice(0, 180);
}

export function notifyNotices(notices: readonly WireNotice[], open: OpenChat, now = Date.now()): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  if (!useSettings.getState().notify.enabled) return;
  for (const notice of notices.filter(x => now - x.createdAt <= MAX_AGE_MS).slice(0, MAX_PER_BATCH)) {
    const n = new Notification(stripBidi(notice.chatName), { body: noticeBody(notice), tag: `notice:${notice.id}` });
    n.onclick = () => {
      window.focus();
      void core.getChat(asChatId(notice.chatId)).then(r => {
        if (r.ok) open(r.value);
      });
      n.close();
    };
  }
}
