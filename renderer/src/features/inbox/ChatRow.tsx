import { memo } from 'react';
import { chatName } from '../../lib/chat-name';
import type { Account, Chat } from '../../../../common/domain';
import { Avatar } from '../../components/Avatar';
import { Badge } from '../../components/Badge';
import { SafeText } from '../../components/SafeText';
import type { TFunction } from '../../i18n';
import { listTime } from '../../lib/days';
import { textWithMentions } from '../../lib/mentions';
import { previewLine, usePreviewT } from '../../lib/preview';
import { stripBidi } from '../../lib/text';
import { Icon } from '../../components/Icon';
import { useTags } from '../../stores/tags';
import '../tags/tags.css';
import { MoodMarker } from '../ai/chat';
import { ChatFlagsMarker } from '../chat-actions/ChatFlagsMarker';
import { useChatActionsT } from '../chat-actions/useChatActionsT';
import { AssigneeBadge, useAssigneeLabel } from './AssigneeBadge';
import { SlaMarker } from '../automation/sla/SlaMarker';

type Props = {
  readonly chat: Chat;
  readonly account: Account | undefined;
  readonly selected: boolean;
  readonly id: string;
  readonly locale: string;
  readonly now: number;
  readonly t: TFunction;
  readonly onOpen: (chat: Chat) => void;
  /** Right-click: the chat's actions at the pointer. */
  readonly onMenu: (chat: Chat, at: { x: number; y: number }) => void;
};

/** One chat in the unified inbox; the account colour runs down its left edge. */
export const ChatRow = memo(function ChatRow({ chat, account, selected, id, locale, now, t, onOpen, onMenu }: Props) {
  const color = account?.color ?? '#9aa5b1';
  const name = chatName(chat, t);
  const tagColors = useTags(s => s.colors);
  const tActions = useChatActionsT();
  const pt = usePreviewT();
  const assignee = useAssigneeLabel(chat.assigneeId);
  const accountName = account?.name ?? t('account.unknown');
  const preview = textWithMentions(chat.lastMessagePreview ?? '', chat.lastMessageMentions, account?.phone ?? null, {
    you: t('message.you'),
    hiddenNumber: t('message.mentionHidden'),
  });
  const label = [
    stripBidi(name),
    t('inbox.row.via', { account: stripBidi(accountName) }),
    chat.unreadCount > 0 ? t('inbox.row.unread', { n: chat.unreadCount }) : '',
    assignee ?? '',
    chat.pinned ? tActions('chatActions.pinned') : '',
    chat.muted ? tActions('chatActions.muted') : '',
    chat.blocked ? tActions('chatActions.blocked') : '',
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <div
      id={id}
      role="option"
      aria-selected={selected}
      aria-label={label}
      className={`chat-row${selected ? ' selected' : ''}${chat.unreadCount > 0 ? ' unread' : ''}`}
      style={{ borderLeftColor: color }}
      onClick={() => onOpen(chat)}
      onContextMenu={e => {
        e.preventDefault();
        onMenu(chat, { x: e.clientX, y: e.clientY });
      }}
    >
      <Avatar name={name} color={color} group={chat.isGroup} />
      <div className="chat-main">
        <div className="chat-line">
          <SafeText className="chat-name" text={name} />
          <span className="chat-time small muted">
            <ChatFlagsMarker chat={chat} />
            {chat.lastMessageAt ? listTime(chat.lastMessageAt, now, locale) : ''}
          </span>
        </div>
        <div className="chat-line">
          <span className="chat-preview small muted">
            {chat.lastMessageFromMe && <Icon name="reply" size={11} />}
            <SafeText text={previewLine(pt, chat.lastMessageKind, preview)} />
          </span>
          <Badge count={chat.unreadCount} label={t('inbox.row.unread', { n: chat.unreadCount })} />
        </div>
        <div className="chat-line chat-meta small">
          <span className="account-chip" title={stripBidi(accountName)}>
            {/* The colour marks the number; the name keeps the theme's text colour to stay readable. */}
            <span aria-hidden="true" style={{ color }}>
              ●
            </span>{' '}
            <SafeText text={accountName} />
          </span>
          <MoodMarker chatId={chat.id} />
          {(chat.assigneeId !== null || chat.status !== 'open') && (
            <span className={`status-chip status-${chat.status}`}>
              {t(`chat.status.${chat.status}`)}
              {chat.assigneeId !== null ? ` · ${t('chat.assigned')}` : ''}
            </span>
          )}
          <AssigneeBadge assigneeId={chat.assigneeId} />
          {chat.status !== 'resolved' && <SlaMarker dueAt={chat.slaDueAt ?? null} />}
          {chat.tags.slice(0, 2).map(tag => (
            <span key={tag} className="tag-chip" data-tag-color={tagColors.get(tag)}>
              #<SafeText text={tag} />
            </span>
          ))}
        </div>
      </div>
    </div>
  );
});
