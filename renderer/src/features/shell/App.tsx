import { lazy, Suspense, useCallback, useEffect } from 'react';
import type { Chat, MemberId, Message } from '../../../../common/domain';
import { useT } from '../../i18n';
import { titleFor } from '../../lib/inbox';
import { useAccounts } from '../../stores/accounts';
import { useAppStore } from '../../stores/app';
import { useConversation } from '../../stores/conversation';
import { core } from '../../stores/core';
import type { SearchHit } from '../../stores/core';
import { useInbox } from '../../stores/inbox';
import { AccountsRail } from '../accounts/AccountsRail';
import { ConversationPane } from '../conversation/ConversationPane';
import { InboxPane } from '../inbox/InboxPane';
import { SearchDialog } from '../search/SearchDialog';
import { openSearch } from '../search/open-search';
import { ReportsEntry } from '../reports';
import { WorkspaceBanner } from '../team';
import { EnrolmentRequiredBanner } from '../security/mfa';
import { useWorkspace } from '../../stores/workspace';
import { Banners } from './Banners';
import { startLive } from './live';
import { Welcome } from './Welcome';
import { useAiChatLive } from '../ai/chat';
import { useChatShortcuts } from '../chat-actions';
import { useTrayLabels } from './tray-labels';

// Settings (with its many panels) and the add-number dialog (with the QR encoder) load when
// first opened: the first screen does not parse them, which shortens every cold start.
const SettingsDialog = lazy(() => import('../settings/SettingsDialog').then(m => ({ default: m.SettingsDialog })));
const AddAccountDialog = lazy(() =>
  import('../accounts/AddAccountDialog').then(m => ({ default: m.AddAccountDialog })),
);

/** Opens a chat: selects it, loads its messages (around one, for a jump), marks it read. */
async function openChat(chat: Chat, aroundMessageId?: Message['id']): Promise<void> {
  useInbox.getState().select(chat);
  const loading = useConversation.getState().open(chat.id, aroundMessageId ?? null);
  if (chat.unreadCount > 0) {
    const r = await core.markRead(chat.id);
    if (r.ok && r.value) useInbox.getState().applyChanged([r.value]);
  }
  await loading;
}

export function App() {
  const t = useT();
  useChatShortcuts();
  const { loadError, reload, panel, openPanel, closePanel } = useAppStore();
  const selected = useInbox(s => s.selected);
  const unread = useAccounts(s => s.accounts.reduce((n, a) => n + (a.muted ? 0 : a.unreadCount), 0));
  const onOpen = useCallback((chat: Chat) => void openChat(chat), []);
  useAiChatLive();
  useTrayLabels();

  useEffect(() => {
    const reloadData = () => {
      void useAccounts.getState().load();
      void useInbox.getState().reload();
      // Events may have been missed while the bridge was down: threads load afresh.
      useConversation.setState({ threads: {} });
      const open = useInbox.getState().selected;
      if (open) void useConversation.getState().open(open.id);
    };
    const offs = [useAppStore.getState().start(reloadData), useAccounts.getState().start(), startLive(onOpen)];
    void reload();
    reloadData();
    return () => offs.forEach(off => off());
  }, [reload, onOpen]);

  useEffect(() => {
    document.title = titleFor(t('app.title'), unread);
  }, [unread, t]);

  // "Mine" means the member signed in to the workspace (nobody when signed out).
  const memberId = useWorkspace(s => s.status.member?.id ?? null) as MemberId | null;
  useEffect(() => {
    if (useInbox.getState().me === memberId) return;
    useInbox.setState({ me: memberId });
    void useInbox.getState().reload();
  }, [memberId]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && (e.key.toLowerCase() === 'k' || e.key.toLowerCase() === 'f')) {
        e.preventDefault();
        // Ctrl+F searches within the open chat; Ctrl+K (or no open chat) searches everything.
        openSearch(e.key.toLowerCase() === 'f' ? useInbox.getState().selected : null);
      } else if (e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
        e.preventDefault();
        const next = useInbox.getState().neighbour(e.key === 'ArrowDown' ? 1 : -1);
        if (next) void openChat(next);
      } else if (e.key === 'Escape' && useAppStore.getState().panel !== 'none') {
        closePanel();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openPanel, closePanel]);

  const jump = useCallback(
    async (hit: SearchHit) => {
      closePanel();
      const known = useInbox.getState().chat(hit.message.chatId);
      const r = known ? null : await core.getChat(hit.message.chatId);
      const chat = known ?? (r?.ok ? r.value : null);
      if (chat) await openChat(chat, hit.message.id);
    },
    [closePanel],
  );

  return (
    <div className="app">
      <header className="topbar">
        <h1>{t('app.title')}</h1>
        <span className="tagline">{t('app.tagline')}</span>
        <span className="spacer" />
        <button type="button" onClick={() => openSearch(null)} aria-keyshortcuts="Control+K">
          {t('search.open')}
        </button>
        <ReportsEntry />
        <button type="button" onClick={() => openPanel('settings')}>
          {t('settings.title')}
        </button>
      </header>
      <Banners />
      <WorkspaceBanner />
      <EnrolmentRequiredBanner />
      {loadError && (
        <div role="alert" className="banner banner-error">
          {t('error.loadFailed', { message: loadError })}{' '}
          <button type="button" onClick={() => void reload()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      <main className="workspace">
        <AccountsRail />
        <InboxPane onOpen={onOpen} />
        <div className="pane">{selected ? <ConversationPane key={selected.id} chat={selected} /> : <Welcome />}</div>
      </main>
      {panel === 'search' && (
        <SearchDialog
          onClose={closePanel}
          onJump={hit => void jump(hit)}
          onOpenChat={chat => {
            closePanel();
            onOpen(chat);
          }}
        />
      )}
      <Suspense fallback={null}>
        {panel === 'settings' && <SettingsDialog onClose={closePanel} />}
        {panel === 'addAccount' && <AddAccountDialog onClose={closePanel} />}
      </Suspense>
    </div>
  );
}
