import { describe, expect, it } from 'vitest';
import {
  EMOJI_CATEGORIES,
  EMOJI_DATA,
  emojiName,
  searchEmoji,
} from '../../../renderer/src/features/composer/emoji-data';
import { emojiEn } from '../../../renderer/src/i18n/emoji.en';
import { emojiId } from '../../../renderer/src/i18n/emoji.id';

describe('emoji picker data', () => {
  it('finds emoji by English or Indonesian words, every word must match', () => {
    expect(searchEmoji('kopi').map(x => x.char)).toEqual(['☕']);
    expect(searchEmoji('HEART green').map(x => x.char)).toEqual(['💚']);
    expect(searchEmoji('hati hijau').map(x => x.char)).toEqual(['💚']);
    expect(searchEmoji('  ')).toHaveLength(EMOJI_DATA.length);
    expect(searchEmoji('qqq')).toEqual([]);
  });

  it('names each emoji by the words before the first comma, in the chosen language', () => {
    const coffee = EMOJI_DATA.find(x => x.char === '☕');
    expect(coffee && emojiName(coffee, 'en')).toBe('hot coffee');
    expect(coffee && emojiName(coffee, 'id')).toBe('kopi panas');
  });

  it('has no duplicate, every category is used and named in both languages', () => {
    expect(new Set(EMOJI_DATA.map(x => x.char)).size).toBe(EMOJI_DATA.length);
    for (const c of EMOJI_CATEGORIES)
      expect(
        EMOJI_DATA.some(x => x.category === c),
        c,
      ).toBe(true);
    expect(Object.keys(emojiId).sort()).toEqual(Object.keys(emojiEn).sort());
  });
});
