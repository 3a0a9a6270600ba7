import { useEffect, useState } from 'react';
import type { ChatId } from '../../../../../common/domain';
import { SafeText } from '../../../components/SafeText';
import { failureKey } from './failure';
import { useAiChat } from './store';
import { ageText } from './logic';
import { useAiChatT } from './useAiChatT';

/**
 * The chat's AI summary in the side panel: "Summarize" asks once (the core keeps the
 * summary per chat and serves it from there), "Refresh" asks again; its age is shown.
 */
export function SummaryPanel({ chatId }: { readonly chatId: ChatId }) {
  const t = useAiChatT();
  const enabled = useAiChat(s => s.enabled);
  const summary = useAiChat(s => s.summaries[chatId]);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => setNow(Date.now()), [summary]);

  if (!enabled) return null;
  const summarize = (refresh: boolean) => void useAiChat.getState().summarize(chatId, refresh);
  return (
    <section className="ai-side" aria-label={t('aiChat.summary.heading')}>
      <h3>{t('aiChat.summary.heading')}</h3>
      {summary?.state === 'loading' && <p className="small muted">{t('aiChat.summary.loading')}</p>}
      {summary?.state === 'failed' && (
        <p className="ai-failure small" role="status">
          {t(failureKey(summary.reason))}
        </p>
      )}
      {summary?.state === 'ready' && (
        <>
          <p className="ai-summary-text">
            <SafeText text={summary.text} />
          </p>
          <p className="small muted">
            {t('aiChat.summary.age', { age: ageText(t, summary.at, now) })}
            {summary.stale ? ` · ${t('aiChat.summary.stale')}` : ''}
          </p>
        </>
      )}
      {summary?.state === 'ready' ? (
        <button type="button" onClick={() => summarize(true)}>
          {t('aiChat.summary.refresh')}
        </button>
      ) : (
        <button type="button" disabled={summary?.state === 'loading'} onClick={() => summarize(false)}>
          {t('aiChat.summary.summarize')}
        </button>
      )}
    </section>
  );
}
