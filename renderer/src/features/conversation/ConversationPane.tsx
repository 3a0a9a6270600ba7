import { useId, useState } from 'react';
import { useChatName } from '../../lib/chat-name';
import type { Chat } from '../../../../common/domain';
import { SafeText } from '../../components/SafeText';
import { useT } from '../../i18n';
import { formatPhone } from '../../lib/text';
import { useAccounts } from '../../stores/accounts';
import { Composer } from '../composer/Composer';
import { readAttachment } from '../composer/attachments';
import { useComposer } from '../../stores/composer';
import { ChatTeamPanel, TypingIndicator } from '../team';
import { MessageList } from './MessageList';
import { MoodMarker, SummaryPanel, useAiChat } from '../ai/chat';
import { ChatActionsButton } from '../chat-actions';
import { CustomerPanel, CustomerToggle, useCustomerPanelOpen } from '../customer';
import { ExportMenu } from '../export';
import { SearchInChat } from '../search/SearchInChat';
import { useWorkspace } from '../../stores/workspace';
import { SidePanelToggle } from '../layout/SidePanelToggle';
import { useNarrow } from '../layout/useNarrow';
import '../layout/narrow.css';

/** The open chat: who it is with, which of our numbers it came to, messages, composer. */
export function ConversationPane({ chat }: { readonly chat: Chat }) {
  const t = useT();
  const chatName = useChatName();
  const account = useAccounts(s => s.byId.get(chat.accountId));
  const [dragging, setDragging] = useState(false);
  const [dropError, setDropError] = useState<string | null>(null);
  const customerOpen = useCustomerPanelOpen(s => s.open);
  // A @lid is a privacy id, not a phone number: it must never be shown as one.
  const phone = chat.isGroup || chat.jid.endsWith('@lid') ? null : (chat.jid.split('@')[0] ?? null);
  // In a narrow window the side panel is a drawer over the messages, closed until asked for.
  const narrow = useNarrow();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const sideId = useId();
  // The side always has something: the team panel, or signed out this desktop's Status.
  const teamOn = useWorkspace(s => s.status.connection === 'signed_out' || s.status.member !== null);
  const aiOn = useAiChat(s => s.enabled);

  const onDrop = async (e: React.DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (!file) return;
    const r = await readAttachment(file);
    if (typeof r === 'string') setDropError(t(r));
    else {
      setDropError(null);
      useComposer.getState().setAttachment(chat.id, r);
    }
  };

  return (
    <section
      className={`conversation${dragging ? ' dragging' : ''}`}
      aria-label={t('conversation.with', { name: chatName(chat) })}
      onDragOver={e => {
        if (e.dataTransfer.types.includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={e => void onDrop(e)}
    >
      <header className="conversation-head" style={{ borderTopColor: account?.color }}>
        <div>
          <h2 className="conversation-title">
            <SafeText text={chatName(chat)} /> <MoodMarker chatId={chat.id} />
          </h2>
          <p className="small muted">
            {phone && /^\d+$/.test(phone) ? formatPhone(phone) : chat.isGroup ? t('conversation.group') : ''}
            {' · '}
            <span style={{ color: account?.color }}>●</span> {t('conversation.via', { account: account?.name ?? '' })}
          </p>
          <TypingIndicator chatId={chat.id} />
        </div>
        {(chat.status !== 'open' || chat.assigneeId) && (
          <span className={`status-chip status-${chat.status}`}>{t(`chat.status.${chat.status}`)}</span>
        )}
        {!chat.isGroup && <CustomerToggle />}
        <SearchInChat chat={chat} />
        <ExportMenu chat={chat} />
        {narrow && (teamOn || aiOn || (customerOpen && !chat.isGroup)) && (
          <SidePanelToggle open={drawerOpen} controls={sideId} onToggle={() => setDrawerOpen(o => !o)} />
        )}
        <ChatActionsButton chat={chat} />
      </header>
      {dropError && (
        <p role="alert" className="error-text banner">
          {dropError}
        </p>
      )}
      <div className="conversation-body">
        <div className="conversation-main">
          <MessageList chat={chat} />
          <Composer chat={chat} />
        </div>
        <div id={sideId} className={`side-column${drawerOpen ? ' drawer-open' : ''}`}>
          {customerOpen && !chat.isGroup && <CustomerPanel chat={chat} />}
          <ChatTeamPanel chat={chat} />
          <SummaryPanel chatId={chat.id} />
        </div>
      </div>
      {dragging && (
        <div className="drop-hint" aria-hidden="true">
          {t('composer.dropHere')}
        </div>
      )}
    </section>
  );
}
