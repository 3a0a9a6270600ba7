import { needsAttention } from './logic';
import { useAiChat } from './store';
import { useAiChatT } from './useAiChatT';

/**
 * For leads in the team view: how many scored chats need attention (negative mood or
 * urgency 2–3), with a button that filters the inbox to them. Nothing while AI is off.
 */
export function TeamAttention() {
  const t = useAiChatT();
  const enabled = useAiChat(s => s.enabled);
  const count = useAiChat(s => Object.values(s.insights).filter(needsAttention).length);
  if (!enabled) return null;
  return (
    <p className="ai-team-attention">
      <span>{t('aiChat.team.attention', { n: count })}</span>{' '}
      {count > 0 && (
        <button type="button" onClick={() => useAiChat.getState().setAttentionOnly(true)}>
          {t('aiChat.team.show')}
        </button>
      )}
    </p>
  );
}
