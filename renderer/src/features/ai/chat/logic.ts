/** Pure helpers for the AI parts of the inbox: which chats need attention, and in what order. */
import type { ChatInsight } from '../../../../../common/api/ai';
import type { AiChatMessageKey } from '../../../i18n/ai-chat.en';

/** Negative mood or urgency 2–3 (complaint, blocked task, needs an answer now). */
export function needsAttention(insight: ChatInsight | undefined): boolean {
  if (!insight) return false;
  return insight.sentiment === 'negative' || (insight.urgency ?? 0) >= 2;
}

/** Higher is more pressing: urgency first, then a negative mood breaks ties. */
export function pressure(insight: ChatInsight | undefined): number {
  if (!insight) return -1;
  return (insight.urgency ?? 0) * 2 + (insight.sentiment === 'negative' ? 1 : 0);
}

/**
 * The loaded chats as the inbox shows them with the AI controls: only those needing
 * attention and/or most pressing first. The sort is stable, so equal chats keep the
 * inbox's own order (newest first).
 */
export function attentionView<C extends { readonly id: string }>(
  chats: readonly C[],
  insights: Readonly<Record<string, ChatInsight | undefined>>,
  options: { readonly attentionOnly: boolean; readonly sortByUrgency: boolean },
): readonly C[] {
  if (!options.attentionOnly && !options.sortByUrgency) return chats;
  const kept = options.attentionOnly ? chats.filter(c => needsAttention(insights[c.id])) : [...chats];
  if (options.sortByUrgency) {
    return kept
      .map((c, i) => ({ c, i, p: pressure(insights[c.id]) }))
      .sort((a, b) => b.p - a.p || a.i - b.i)
      .map(x => x.c);
  }
  return kept;
}

/** How old a summary is, in the agent's words: "just now", "5 min ago", "3 h ago", "2 d ago". */
export function ageText(
  t: (key: AiChatMessageKey, vars?: Readonly<Record<string, number>>) => string,
  at: number,
  now: number,
): string {
  const minutes = Math.floor(Math.max(0, now - at) / 60_000);
  if (minutes < 1) return t('aiChat.age.now');
  if (minutes < 60) return t('aiChat.age.minutes', { n: minutes });
  if (minutes < 24 * 60) return t('aiChat.age.hours', { n: Math.floor(minutes / 60) });
  return t('aiChat.age.days', { n: Math.floor(minutes / (24 * 60)) });
}
