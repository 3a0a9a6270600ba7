import type { Sentiment } from '../../../../../common/api/ai';
import { needsAttention } from './logic';
import { useAiChat } from './store';
import { useAiChatT } from './useAiChatT';

const FACE: Record<Sentiment, string> = { negative: '☹', neutral: '•', positive: '☺' };

/** The chat's stored mood and urgency as a small marker; nothing when AI is off or unscored. */
export function MoodMarker({ chatId }: { readonly chatId: string }) {
  const t = useAiChatT();
  const enabled = useAiChat(s => s.enabled);
  const insight = useAiChat(s => s.insights[chatId]);
  if (!enabled || !insight || (insight.sentiment === null && insight.urgency === null)) return null;
  const sentiment = insight.sentiment ?? 'neutral';
  const urgency = insight.urgency ?? 0;
  const label = t('aiChat.marker.label', {
    mood: t(`aiChat.mood.${sentiment}`),
    urgency: t('aiChat.urgency', { n: urgency }),
  });
  return (
    <span
      className={`ai-mood mood-${sentiment}${needsAttention(insight) ? ' attention' : ''}`}
      role="img"
      aria-label={label}
      title={label}
    >
      {FACE[sentiment]}
      {urgency > 0 ? ` ${'!'.repeat(urgency)}` : ''}
    </span>
  );
}
