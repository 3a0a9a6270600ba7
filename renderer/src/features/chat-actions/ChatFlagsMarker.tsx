import type { Chat } from '../../../../common/domain';
import { Icon } from '../../components/Icon';
import { useChatActionsT } from './useChatActionsT';

/** Small pinned and muted marks on a chat row. */
export function ChatFlagsMarker({ chat }: { readonly chat: Pick<Chat, 'pinned' | 'muted'> }) {
  const t = useChatActionsT();
  if (!chat.pinned && !chat.muted) return null;
  return (
    <span className="row-flags">
      {chat.pinned && <Icon name="pin" size={12} label={t('chatActions.pinned')} />}
      {chat.muted && <Icon name="bellOff" size={12} label={t('chatActions.muted')} />}
    </span>
  );
}
