import { useCallback } from 'react';
import type { Language } from '../../../i18n';
import { useI18n } from '../../../i18n';
import type { AiSettingsMessageKey } from '../../../i18n/ai-settings.en';
import { aiSettingsEn } from '../../../i18n/ai-settings.en';
import { aiSettingsId } from '../../../i18n/ai-settings.id';

/** Settings → AI's own dictionaries, in the language the user picked for the app. */
const dictionaries: Record<Language, Record<AiSettingsMessageKey, string>> = { en: aiSettingsEn, id: aiSettingsId };

export type AiSettingsT = (key: AiSettingsMessageKey, vars?: Readonly<Record<string, string | number>>) => string;

/** Fills `{name}` placeholders; values go in as text (React escapes them), never as HTML. */
export function aiSettingsTranslate(
  language: Language,
  key: AiSettingsMessageKey,
  vars?: Readonly<Record<string, string | number>>,
): string {
  const template = dictionaries[language][key];
  return vars ? template.replace(/\{(\w+)\}/g, (m, name: string) => String(vars[name] ?? m)) : template;
}

export function useAiSettingsT(): AiSettingsT {
  const language = useI18n(s => s.language);
  return useCallback<AiSettingsT>((key, vars) => aiSettingsTranslate(language, key, vars), [language]);
}
