import { create } from 'zustand';
import type { MessageKey } from './en';
import { en } from './en';
import { id } from './id';

export type Language = 'en' | 'id';
const dictionaries: Record<Language, Record<MessageKey, string>> = { en, id };

type I18nState = { language: Language; setLanguage(language: Language): void };

export const useI18n = create<I18nState>(set => ({
  language: navigator.language.toLowerCase().startsWith('id') ? 'id' : 'en',
  setLanguage: language => {
    document.documentElement.lang = language;
    set({ language });
  },
}));

/** Looks a key up and fills `{name}` placeholders; values are inserted as text, never HTML. */
export function translate(
  language: Language,
  key: MessageKey,
  vars?: Readonly<Record<string, string | number>>,
): string {
  const template = dictionaries[language][key];
  return vars ? template.replace(/\{(\w+)\}/g, (m, name: string) => String(vars[name] ?? m)) : template;
}

export function useT() {
  const language = useI18n(s => s.language);
  return (key: MessageKey, vars?: Readonly<Record<string, string | number>>) => translate(language, key, vars);
}

export type { MessageKey } from './en';
