import { useCallback } from 'react';
import type { Language } from '../../i18n';
import { useI18n } from '../../i18n';
import type { TagsMessageKey } from '../../i18n/tags.en';
import { tagsEn } from '../../i18n/tags.en';
import { tagsId } from '../../i18n/tags.id';

/** Managed tags keep their own dictionaries, in the language the user picked for the app. */
const dictionaries: Record<Language, Record<TagsMessageKey, string>> = { en: tagsEn, id: tagsId };

export type TagsT = (key: TagsMessageKey, vars?: Readonly<Record<string, string | number>>) => string;

/** Fills `{name}` placeholders; values go in as text (React escapes them), never as HTML. */
export function tagsTranslate(
  language: Language,
  key: TagsMessageKey,
  vars?: Readonly<Record<string, string | number>>,
): string {
  const template = dictionaries[language][key];
  return vars ? template.replace(/\{(\w+)\}/g, (m, name: string) => String(vars[name] ?? m)) : template;
}

export function useTagsT(): TagsT {
  const language = useI18n(s => s.language);
  return useCallback<TagsT>((key, vars) => tagsTranslate(language, key, vars), [language]);
}
