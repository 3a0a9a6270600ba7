import type { Chat } from '../../../../common/domain';
import { capabilitiesOf } from '../../../../common/providers';
import { serviceWindow } from '../../../../common/cloud/constants';
import type { ServiceWindow } from '../../../../common/cloud-api';
import { useI18n } from '../../i18n';
import { useAccounts } from '../../stores/accounts';
import { useConversation } from '../../stores/conversation';
import { useState } from 'react';
import { TemplatePicker } from './TemplatePicker';
import { useCloudT } from './useCloudT';

/**
 * The 24-hour customer-service window of a Cloud API chat, from the newest customer message
 * loaded in the conversation; null for other numbers, or when no customer message is loaded
 * (the server still refuses a send outside the window, with `window_closed`).
 */
export function useServiceWindow(chat: Chat): ServiceWindow | null {
  const provider = useAccounts(s => s.byId.get(chat.accountId)?.provider);
  const lastInbound = useConversation(s => {
    const messages = s.threads[chat.id]?.messages ?? [];
    for (let i = messages.length - 1; i >= 0; i--) if (!messages[i]!.fromMe) return messages[i]!.timestamp;
    return null;
  });
  if (!capabilitiesOf(provider).serviceWindow || lastInbound === null) return null;
  return serviceWindow(lastInbound, Date.now());
}

function relative(language: string, at: number): string {
  const minutes = Math.round((at - Date.now()) / 60_000);
  const rtf = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  return Math.abs(minutes) < 90 ? rtf.format(minutes, 'minute') : rtf.format(Math.round(minutes / 60), 'hour');
}

/**
 * Above the composer of a Cloud API chat: how long free replies remain, or why they cannot
 * be sent, and the way to send an approved template (allowed at any time).
 */
export function ServiceWindowNotice({ chat, window }: { readonly chat: Chat; readonly window: ServiceWindow }) {
  const t = useCloudT();
  const language = useI18n(s => s.language);
  const [picking, setPicking] = useState(false);
  const when = window.closesAt === null ? null : relative(language, window.closesAt);
  const pick = (
    <button type="button" className="link-button" onClick={() => setPicking(true)}>
      {t('cloud.template.open')}
    </button>
  );
  return (
    <>
      {window.open ? (
        <p className="small muted" data-testid="service-window">
          {when && t('cloud.window.open', { when })} {pick}
        </p>
      ) : (
        <p role="status" className="team-banner team-banner-warn" data-testid="service-window">
          {when && t('cloud.window.closed', { ago: when })} {pick}
        </p>
      )}
      {picking && <TemplatePicker chat={chat} onClose={() => setPicking(false)} />}
    </>
  );
}
