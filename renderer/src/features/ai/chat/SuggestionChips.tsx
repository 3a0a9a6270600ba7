import { useEffect } from 'react';
import type { ChatId } from '../../../../../common/domain';
import { SafeText } from '../../../components/SafeText';
import { Icon } from '../../../components/Icon';
import { failureKey } from './failure';
import { useAiChat } from './store';
import { useAiChatT } from './useAiChatT';
import './ai-chat.css';

/** The first ready chip of a chat, for Tab in an empty composer; null when there is none. */
export function firstChip(chatId: ChatId): string | null {
  const s = useAiChat.getState();
  if (!s.enabled || s.dismissed[chatId]) return null;
  return s.chips[chatId]?.chips.find(Boolean) ?? null;
}

/**
 * Suggested replies above the composer, streamed in as the core completes each one. They
 * float over the bottom of the message list (a zero-height anchor), so the composer never
 * moves while they arrive or go. Nothing is shown before the first chip or a failure.
 */
export function SuggestionChips({
  chatId,
  onPick,
}: {
  readonly chatId: ChatId;
  readonly onPick: (text: string) => void;
}) {
  const t = useAiChatT();
  const enabled = useAiChat(s => s.enabled);
  const state = useAiChat(s => s.chips[chatId]);
  const dismissed = useAiChat(s => s.dismissed[chatId] === true);

  useEffect(() => {
    let live = true;
    void (async () => {
      const store = useAiChat.getState();
      await store.refresh();
      const s = useAiChat.getState();
      // Asked again on every open (unless a request is running): the core answers an
      // unchanged conversation from its cache without a request, a changed one afresh.
      if (live && s.enabled && s.chips[chatId]?.done !== false) void store.suggest(chatId);
    })();
    return () => {
      live = false;
    };
  }, [chatId]);

  if (!enabled || !state) return null;
  if (dismissed) {
    return (
      <div className="ai-chips-anchor">
        <div className="ai-chips ai-chips-closed">
          <button type="button" className="ai-chip" onClick={() => void useAiChat.getState().suggest(chatId)}>
            {t('aiChat.chips.show')}
          </button>
        </div>
      </div>
    );
  }
  const chips = state.chips.filter(Boolean);
  if (chips.length === 0 && !state.failure) return null;
  return (
    <div className="ai-chips-anchor">
      <div className="ai-chips" role="group" aria-label={t('aiChat.chips.label')} title={t('aiChat.chips.hint')}>
        {state.failure ? (
          <p className="ai-failure small" role="status">
            {t(failureKey(state.failure))}
          </p>
        ) : (
          chips.map((text, i) => (
            <button key={`${state.requestId}-${i}`} type="button" className="ai-chip" onClick={() => onPick(text)}>
              <SafeText text={text} />
            </button>
          ))
        )}
        {!state.done && <span className="ai-pending small muted">{t('aiChat.chips.loading')}</span>}
        <button
          type="button"
          className="icon-button"
          aria-label={t('aiChat.chips.regenerate')}
          disabled={!state.done}
          onClick={() => void useAiChat.getState().suggest(chatId, true)}
        >
          <span aria-hidden="true">↻</span>
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t('aiChat.chips.dismiss')}
          onClick={() => useAiChat.getState().dismiss(chatId)}
        >
          <Icon name="close" size={14} />
        </button>
      </div>
    </div>
  );
}
