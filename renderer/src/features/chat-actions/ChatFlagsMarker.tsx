import type { Chat } from '../../../../common/domain';
import { Icon } from '../../components/Icon';
import { useChatActionsT } from './useChatActionsT';

/** Small blocked, pinned and muted marks on a chat row. */
export function ChatFlagsMarker({ chat }: { readonly chat: Pick<Chat, 'pinned' | 'muted' | 'blocked'> }) {
  const t = useChatActionsT();
  if (!chat.pinned && !chat.muted && !chat.blocked) return null;
  return (
    <span className="row-flags">
      {chat.blocked && <Icon name="ban" size={12} label={t('chatActions.blocked')} />}
      {chat.pinned && <Icon name="pin" size={12} label={t('chatActions.pinned')} />}
      {chat.muted && <Icon name="bellOff" size={12} label={t('chatActions.muted')} />}
    </span>
  );
}
