import { useCallback } from 'react';
import type { Language } from '../../../i18n';
import { useI18n } from '../../../i18n';
import type { MfaMessageKey } from '../../../i18n/mfa.en';
import { mfaEn } from '../../../i18n/mfa.en';
import { mfaId } from '../../../i18n/mfa.id';

/** Two-step sign-in keeps its own dictionaries (mfa.en.ts / mfa.id.ts), in the language picked in Settings. */
const dictionaries: Record<Language, Record<MfaMessageKey, string>> = { en: mfaEn, id: mfaId };

export type MfaT = (key: MfaMessageKey, vars?: Readonly<Record<string, string | number>>) => string;

export function useMfaT(): MfaT {
  const language = useI18n(s => s.language);
  return useCallback<MfaT>(
    (key, vars) => {
      const template = dictionaries[language][key];
      return vars ? template.replace(/\{(\w+)\}/g, (m, name: string) => String(vars[name] ?? m)) : template;
    },
    [language],
  );
}
