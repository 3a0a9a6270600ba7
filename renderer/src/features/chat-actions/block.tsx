/**
 * Block and unblock the person behind a one-to-one chat, from the chat's actions menu. Only
 * offered where it can work: a person (not a group), on a number this desktop runs, of a
 * kind that can block. Blocking asks first, and the chat says so once WhatsApp did it.
 */
import { create } from 'zustand';
import { useChatName } from '../../lib/chat-name';
import type { Account, Chat } from '../../../../common/domain';
import { capabilitiesOf } from '../../../../common/providers';
import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { SafeText } from '../../components/SafeText';
import { errorText } from '../../lib/error-text';
import { useAccounts } from '../../stores/accounts';
import { useInbox } from '../../stores/inbox';
import { useChatActionError } from './actions';
import { useChatActionsT } from './useChatActionsT';

export function canBlock(chat: Chat, account: Account | undefined): boolean {
  return !chat.isGroup && account !== undefined && !account.remote && capabilitiesOf(account.provider).blocking;
}

/** The chat waiting for "Block?" to be answered. */
export const useBlockConfirm = create<{ chat: Chat | null }>(() => ({ chat: null }));

export async function setBlocked(chat: Chat, blocked: boolean): Promise<void> {
  const r = await api().invoke('chats:setBlocked', { chatId: chat.id, blocked });
  if (!r.ok) {
    useChatActionError.setState({ message: errorText(r.error) });
    return;
  }
  useChatActionError.setState({ message: null });
  useInbox.getState().applyChanged([r.value]);
}

/** The menu item: "Block…" asks first; "Unblock" acts at once. */
export function BlockMenuItem({ chat, onPicked }: { readonly chat: Chat; readonly onPicked: () => void }) {
  const t = useChatActionsT();
  const account = useAccounts(s => s.byId.get(chat.accountId));
  if (!canBlock(chat, account)) return null;
  return (
    <button
      type="button"
      role="menuitem"
      onClick={() => {
        onPicked();
        if (chat.blocked) void setBlocked(chat, false);
        else useBlockConfirm.setState({ chat });
      }}
    >
      <span>{chat.blocked ? t('chatActions.unblock') : t('chatActions.block')}</span>
    </button>
  );
}

/** "Block Budi?": mounted once, shown while a chat waits for the answer. */
export function BlockConfirm() {
  const t = useChatActionsT();
  const chatName = useChatName();
  const chat = useBlockConfirm(s => s.chat);
  if (!chat) return null;
  const close = () => useBlockConfirm.setState({ chat: null });
  return (
    <ConfirmDialog
      title={t('chatActions.block.title', { name: chatName(chat) })}
      confirmLabel={t('chatActions.block.confirm')}
      danger
      onCancel={close}
      onConfirm={() => {
        close();
        void setBlocked(chat, true);
      }}
    >
      <p>
        <SafeText text={t('chatActions.block.body', { name: chatName(chat) })} />
      </p>
    </ConfirmDialog>
  );
}
