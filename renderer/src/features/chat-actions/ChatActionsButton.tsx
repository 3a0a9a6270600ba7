import { useCallback, useState } from 'react';
import type { Chat } from '../../../../common/domain';
import { Icon } from '../../components/Icon';
import { ChatActionsMenu } from './ChatActionsMenu';
import { useChatActionsT } from './useChatActionsT';

/** The conversation header's "⋮" button with the chat's actions. */
export function ChatActionsButton({ chat }: { readonly chat: Chat }) {
  const t = useChatActionsT();
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  return (
    <div className="chat-actions-anchor">
      <button
        type="button"
        className="icon-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t('chatActions.open')}
        title={t('chatActions.open')}
        onClick={() => setOpen(o => !o)}
      >
        <Icon name="more" />
      </button>
      {open && <ChatActionsMenu chat={chat} onClose={close} />}
    </div>
  );
}
