import { describe, expect, it } from 'vitest';
import type { ChatInsight } from '../../../common/api/ai';
import { asChatId } from '../../../common/domain';
import { ageText, attentionView, needsAttention } from '../../../renderer/src/features/ai/chat/logic';
import { aiChatEn } from '../../../renderer/src/i18n/ai-chat.en';
import { aiChatId } from '../../../renderer/src/i18n/ai-chat.id';

const insight = (
  chatId: string,
  sentiment: ChatInsight['sentiment'],
  urgency: ChatInsight['urgency'],
): ChatInsight => ({
  chatId: asChatId(chatId),
  sentiment,
  urgency,
  updatedAt: 1,
});

describe('AI in the inbox: needs attention and the urgency sort', () => {
  const chats = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }, { id: 'e' }];
  const insights = {
    a: insight('a', 'neutral', 1),
    b: insight('b', 'negative', 1),
    c: insight('c', 'neutral', 3),
    d: insight('d', 'positive', 2),
  };

  it('needs attention: a negative mood or urgency 2–3; unscored chats do not', () => {
    expect(chats.map(c => needsAttention(insights[c.id as keyof typeof insights]))).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
  });

  it('filters and sorts only when asked, keeping the inbox order among equals', () => {
    const off = { attentionOnly: false, sortByUrgency: false };
    expect(attentionView(chats, insights, off)).toBe(chats);
    expect(attentionView(chats, insights, { attentionOnly: true, sortByUrgency: false }).map(c => c.id)).toEqual([
      'b',
      'c',
      'd',
    ]);
    expect(attentionView(chats, insights, { attentionOnly: false, sortByUrgency: true }).map(c => c.id)).toEqual([
      'c',
      'd',
      'b',
      'a',
      'e',
    ]);
  });
});

describe('AI in the conversation: words', () => {
  it('says how old a summary is', () => {
    const t = (key: string, vars?: Readonly<Record<string, number>>) => `${key}:${vars?.n ?? ''}`;
    const now = 10 * 24 * 3_600_000;
    expect(ageText(t, now - 20_000, now)).toBe('aiChat.age.now:');
    expect(ageText(t, now - 5 * 60_000, now)).toBe('aiChat.age.minutes:5');
    expect(ageText(t, now - 3 * 3_600_000, now)).toBe('aiChat.age.hours:3');
    expect(ageText(t, now - 2 * 24 * 3_600_000, now)).toBe('aiChat.age.days:2');
  });

  it('has a Bahasa Indonesia string for every English one, with the same placeholders', () => {
    const keys = Object.keys(aiChatEn) as (keyof typeof aiChatEn)[];
    expect(Object.keys(aiChatId).sort()).toEqual([...keys].sort());
    const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort();
    for (const key of keys) {
      expect(aiChatId[key].trim(), key).not.toBe('');
      expect(vars(aiChatId[key]), key).toEqual(vars(aiChatEn[key]));
    }
  });
});
