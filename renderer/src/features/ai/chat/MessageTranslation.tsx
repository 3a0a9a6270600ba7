import type { MessageId } from '../../../../../common/domain';
import { SafeText } from '../../../components/SafeText';
import { failureKey } from './failure';
import { useAiChat } from './store';
import { useAiChatT } from './useAiChatT';

/** "Translate" among an incoming message's actions; only while AI is on and there is text. */
export function TranslateAction({ messageId, text }: { readonly messageId: MessageId; readonly text: string }) {
  const t = useAiChatT();
  const enabled = useAiChat(s => s.enabled);
  const shown = useAiChat(s => s.translations[messageId] !== undefined);
  if (!enabled || !text.trim()) return null;
  const store = useAiChat.getState();
  return (
    <button
      type="button"
      className="icon-button ai-translate-action"
      aria-label={shown ? t('aiChat.translate.hide') : t('aiChat.translate.action')}
      title={shown ? t('aiChat.translate.hide') : t('aiChat.translate.action')}
      aria-pressed={shown}
      onClick={() => (shown ? store.hideTranslation(messageId) : void store.translateMessage(messageId, text))}
    >
      <span aria-hidden="true">⇄</span>
    </button>
  );
}

/** The translation under the original message, in the agent's language, or why there is none. */
export function MessageTranslation({ messageId }: { readonly messageId: MessageId }) {
  const t = useAiChatT();
  const translation = useAiChat(s => s.translations[messageId]);
  if (!translation) return null;
  return (
    <div className="ai-translation" role="note" aria-label={t('aiChat.translate.label')}>
      {translation.state === 'loading' && <span className="muted small">{t('aiChat.translate.loading')}</span>}
      {translation.state === 'failed' && <span className="ai-failure small">{t(failureKey(translation.reason))}</span>}
      {translation.state === 'ready' && <SafeText text={translation.text} />}
    </div>
  );
}
