import { useCallback } from 'react';
import { create } from 'zustand';
import type { MessageKey } from './en';
import { en } from './en';
import { id } from './id';

export type Language = 'en' | 'id';
const dictionaries: Record<Language, Record<MessageKey, string>> = { en, id };
const KEY = 'blazz.language';

function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(KEY);
    if (saved === 'en' || saved === 'id') return saved;
  } catch {
    // storage unavailable: fall back to the browser's language
  }
  // Stores that word errors are also loaded by unit tests in plain Node, with no browser.
  const browser = typeof navigator === 'undefined' ? '' : navigator.language;
  return browser.toLowerCase().startsWith('id') ? 'id' : 'en';
}

type I18nState = { language: Language; setLanguage(language: Language): void };

export const useI18n = create<I18nState>(set => {
  const language = initialLanguage();
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  return {
    language,
    setLanguage: next => {
      document.documentElement.lang = next;
      try {
        localStorage.setItem(KEY, next);
      } catch {
        // not persisted; the choice still applies to this window
      }
      set({ language: next });
    },
  };
});

export type TFunction = (key: MessageKey, vars?: Readonly<Record<string, string | number>>) => string;

/** Looks a key up and fills `{name}` placeholders; values are inserted as text, never HTML. */
export function translate(
  language: Language,
  key: MessageKey,
  vars?: Readonly<Record<string, string | number>>,
): string {
  const template = dictionaries[language][key];
  return vars ? template.replace(/\{(\w+)\}/g, (m, name: string) => String(vars[name] ?? m)) : template;
}

/** For code outside React (notifications, the window title). */
export const t: TFunction = (key, vars) => translate(useI18n.getState().language, key, vars);

export function useT(): TFunction {
  const language = useI18n(s => s.language);
  return useCallback<TFunction>((key, vars) => translate(language, key, vars), [language]);
}

export const localeOf = (language: Language): string => (language === 'id' ? 'id-ID' : 'en-GB');

export type { MessageKey } from './en';
