import { useCallback } from 'react';
import type { Language } from '../../i18n';
import { useI18n } from '../../i18n';
import type { HandoverMessageKey } from '../../i18n/handover.en';
import { handoverEn } from '../../i18n/handover.en';
import { handoverId } from '../../i18n/handover.id';

/** Handing on, team rules and the reply warning keep their own dictionaries, in the app's language. */
const dictionaries: Record<Language, Record<HandoverMessageKey, string>> = { en: handoverEn, id: handoverId };

export type HandoverT = (key: HandoverMessageKey, vars?: Readonly<Record<string, string | number>>) => string;

/** Fills `{name}` placeholders as text (React escapes it), never as HTML. */
export function handoverTranslate(
  language: Language,
  key: HandoverMessageKey,
  vars?: Readonly<Record<string, string | number>>,
): string {
  const template = dictionaries[language][key];
  return vars ? template.replace(/\{(\w+)\}/g, (m, name: string) => String(vars[name] ?? m)) : template;
}

export function useHandoverT(): HandoverT {
  const language = useI18n(s => s.language);
  return useCallback<HandoverT>((key, vars) => handoverTranslate(language, key, vars), [language]);
}
