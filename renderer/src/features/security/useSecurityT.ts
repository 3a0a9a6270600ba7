import { useCallback } from 'react';
import type { Language } from '../../i18n';
import { useI18n } from '../../i18n';
import type { SecurityMessageKey } from '../../i18n/security.en';
import { securityEn } from '../../i18n/security.en';
import { securityId } from '../../i18n/security.id';
import type { ReplyError } from '../../../../common/result';
import { signInWaitPhrase } from './logic';

/** Like useTeamT: the security features' own dictionaries, in the language the user picked. */
const dictionaries: Record<Language, Record<SecurityMessageKey, string>> = { en: securityEn, id: securityId };

export type SecurityT = (key: SecurityMessageKey, vars?: Readonly<Record<string, string | number>>) => string;

/** Fills `{name}` placeholders; values go in as text (React escapes them), never as HTML. */
export function securityTranslate(
  language: Language,
  key: SecurityMessageKey,
  vars?: Readonly<Record<string, string | number>>,
): string {
  const template = dictionaries[language][key];
  return vars ? template.replace(/\{(\w+)\}/g, (m, name: string) => String(vars[name] ?? m)) : template;
}

export function useSecurityT(): SecurityT {
  const language = useI18n(s => s.language);
  return useCallback<SecurityT>((key, vars) => securityTranslate(language, key, vars), [language]);
}

/** For the sign-in form: "try again in …" when the server said how long to wait, else null. */
export function useSignInWait(): (error: ReplyError) => string | null {
  const t = useSecurityT();
  return useCallback(
    (error: ReplyError) => {
      const p = signInWaitPhrase(error);
      return p ? t(p.key, p.vars) : null;
    },
    [t],
  );
}
