import { useCallback } from 'react';
import type { Language } from '../../i18n';
import { useI18n } from '../../i18n';
import type { OfflineMessageKey } from '../../i18n/offline.en';
import { offlineEn } from '../../i18n/offline.en';
import { offlineId } from '../../i18n/offline.id';

/** Offline status/tag changes keep their own dictionaries, in the language the user picked. */
const dictionaries: Record<Language, Record<OfflineMessageKey, string>> = { en: offlineEn, id: offlineId };

export type OfflineT = (key: OfflineMessageKey, vars?: Readonly<Record<string, string | number>>) => string;

/** Fills `{name}` placeholders; values go in as text (React escapes them), never as HTML. */
export function offlineTranslate(
  language: Language,
  key: OfflineMessageKey,
  vars?: Readonly<Record<string, string | number>>,
): string {
  const template = dictionaries[language][key];
  return vars ? template.replace(/\{(\w+)\}/g, (m, name: string) => String(vars[name] ?? m)) : template;
}

export function useOfflineT(): OfflineT {
  const language = useI18n(s => s.language);
  return useCallback<OfflineT>((key, vars) => offlineTranslate(language, key, vars), [language]);
}
