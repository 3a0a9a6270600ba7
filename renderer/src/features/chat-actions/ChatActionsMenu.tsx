import { createPortal } from 'react-dom';
import { useChatName } from '../../lib/chat-name';
import { useMenu } from '../../components/useMenu';
import type { Chat } from '../../../../common/domain';
import { stripBidi } from '../../lib/text';
import type { ChatAction } from './actions';
import { CHAT_ACTIONS, SHORTCUT_KEYS, labelKey, runChatAction } from './actions';
import { useChatActionsT } from './useChatActionsT';
import { BlockMenuItem } from './block';
import './chat-actions.css';

type Props = {
  readonly chat: Chat;
  readonly onClose: () => void;
  /** Where a right-click opened it (viewport px); without it the menu hangs under its button. */
  readonly at?: { readonly x: number; readonly y: number };
};

/** Mark unread, pin, archive, mute and (for a person) block of one chat, as a keyboard-friendly menu. */
export function ChatActionsMenu({ chat, onClose, at }: Props) {
  const t = useChatActionsT();
  const chatName = useChatName();
  const ref = useMenu(onClose);
  const onKeyDown = (e: React.KeyboardEvent) => {
    const list = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const i = list.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      e.stopPropagation();
      list[(i + (e.key === 'ArrowDown' ? 1 : list.length - 1)) % list.length]?.focus();
    }
  };
  const pick = (action: ChatAction) => {
    onClose();
    void runChatAction(chat, action);
  };
  const menu = (
    <div
      ref={ref}
      role="menu"
      aria-label={t('chatActions.menu', { name: stripBidi(chatName(chat)) })}
      className={`menu chat-actions-menu${at ? ' at-pointer' : ''}`}
      style={at ? placeAt(at) : undefined}
      onKeyDown={onKeyDown}
      onClick={e => e.stopPropagation()}
      onContextMenu={e => e.preventDefault()}
    >
      {CHAT_ACTIONS.map(a => (
        <button
          key={a}
          type="button"
          role="menuitem"
          aria-keyshortcuts={`Control+Shift+${SHORTCUT_KEYS[a]}`}
          onClick={() => pick(a)}
        >
          <span>{t(labelKey(chat, a))}</span>
          <kbd aria-hidden="true">Ctrl+Shift+{SHORTCUT_KEYS[a]}</kbd>
        </button>
      ))}
      <BlockMenuItem chat={chat} onPicked={onClose} />
    </div>
  );
  // At the pointer it lives outside the chat list, whose rows are the only children a listbox may have.
  return at ? createPortal(menu, document.body) : menu;
}

/** At the pointer, but kept inside the window (the menu is about 200 × 200 px). */
function placeAt(at: { readonly x: number; readonly y: number }): { left: number; top: number } {
  return {
    left: Math.max(0, Math.min(at.x, window.innerWidth - 220)),
    top: Math.max(0, Math.min(at.y, window.innerHeight - 210)),
  };
}
