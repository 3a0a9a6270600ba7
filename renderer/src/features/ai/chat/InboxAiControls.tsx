import { useAiChat } from './store';
import { useAiChatT } from './useAiChatT';

/** "Needs attention" and "Most urgent first" in the inbox filters; only while AI is on. */
export function InboxAiControls() {
  const t = useAiChatT();
  const enabled = useAiChat(s => s.enabled);
  const attentionOnly = useAiChat(s => s.attentionOnly);
  const sortByUrgency = useAiChat(s => s.sortByUrgency);
  if (!enabled) return null;
  return (
    <>
      <label className="inline compact">
        <input
          type="checkbox"
          checked={attentionOnly}
          onChange={e => useAiChat.getState().setAttentionOnly(e.target.checked)}
        />
        {t('aiChat.filter.attention')}
      </label>
      <select
        aria-label={t('aiChat.sort.label')}
        value={sortByUrgency ? 'urgent' : 'newest'}
        onChange={e => useAiChat.getState().setSortByUrgency(e.target.value === 'urgent')}
      >
        <option value="newest">{t('aiChat.sort.newest')}</option>
        <option value="urgent">{t('aiChat.sort.urgent')}</option>
      </select>
    </>
  );
}
