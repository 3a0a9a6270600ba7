import { useEffect, useMemo, useRef, useState } from 'react';
import type { EmojiMessageKey } from '../../i18n/emoji.en';
import { emojiEn } from '../../i18n/emoji.en';
import { emojiId } from '../../i18n/emoji.id';
import type { Dictionaries } from '../../i18n/dictionary';
import { useDictionary } from '../../i18n/dictionary';
import { useI18n } from '../../i18n';
import type { EmojiCategory } from './emoji-data';
import { EMOJI_CATEGORIES, EMOJI_DATA, emojiName, searchEmoji } from './emoji-data';

const dictionaries: Dictionaries<EmojiMessageKey> = { en: emojiEn, id: emojiId };

/**
 * Emoji by category, or found by name in English or Bahasa Indonesia as you type; Esc
 * closes it and returns to the text box.
 */
export function EmojiPicker({
  onPick,
  onClose,
}: {
  readonly onPick: (e: string) => void;
  readonly onClose: () => void;
}) {
  const t = useDictionary(dictionaries);
  const language = useI18n(s => s.language);
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<EmojiCategory>('smileys');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const shown = useMemo(
    () => (query.trim() ? searchEmoji(query) : EMOJI_DATA.filter(x => x.category === category)),
    [query, category],
  );
  return (
    <div
      className="emoji-panel"
      onKeyDown={e => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
          document.getElementById('composer-input')?.focus();
        }
      }}
    >
      <input
        ref={input}
        type="search"
        value={query}
        onChange={e => setQuery(e.target.value)}
        aria-label={t('emoji.search')}
        placeholder={t('emoji.search')}
        autoComplete="off"
      />
      {!query.trim() && (
        <div className="emoji-categories" role="group" aria-label={t('emoji.categories')}>
          {EMOJI_CATEGORIES.map(c => (
            <button key={c} type="button" aria-pressed={c === category} onClick={() => setCategory(c)}>
              {t(`emoji.cat.${c}`)}
            </button>
          ))}
        </div>
      )}
      <div role="group" aria-label={t('emoji.results')} className="emoji-grid">
        {shown.map(x => (
          <button
            key={x.char}
            type="button"
            onClick={() => onPick(x.char)}
            aria-label={emojiName(x, language)}
            title={emojiName(x, language)}
          >
            {x.char}
          </button>
        ))}
      </div>
      {shown.length === 0 && <p className="small muted">{t('emoji.none', { query: query.trim() })}</p>}
    </div>
  );
}
