/**
 * A feature's own dictionaries (`<topic>.en.ts` / `<topic>.id.ts`), so parallel features never
 * edit the inbox's en.ts / id.ts; the language is still the one the user picked in Settings.
 */
import { useCallback } from 'react';
import type { Language } from './index';
import { useI18n } from './index';

export type Vars = Readonly<Record<string, string | number>>;
export type Translator<K extends string> = (key: K, vars?: Vars) => string;
export type Dictionaries<K extends string> = Readonly<Record<Language, Readonly<Record<K, string>>>>;

/** Fills `{name}` placeholders; values go in as text (React escapes them), never as HTML. */
export function fill(template: string, vars?: Vars): string {
  return vars ? template.replace(/\{(\w+)\}/g, (m, name: string) => String(vars[name] ?? m)) : template;
}

/** For code outside React: the phrase in a given language. */
export function dictionaryTranslator<K extends string>(
  dictionaries: Dictionaries<K>,
): (language: Language, key: K, vars?: Vars) => string {
  return (language, key, vars) => fill(dictionaries[language][key], vars);
}

/** The hook each feature's use<Topic>T wraps: a translator in the app's current language. */
export function useDictionary<K extends string>(dictionaries: Dictionaries<K>): Translator<K> {
  const language = useI18n(s => s.language);
  return useCallback<Translator<K>>((key, vars) => fill(dictionaries[language][key], vars), [dictionaries, language]);
}
