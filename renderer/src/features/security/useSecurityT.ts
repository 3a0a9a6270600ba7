import { useCallback } from 'react';
import type { SecurityMessageKey } from '../../i18n/security.en';
import { securityEn } from '../../i18n/security.en';
import { securityId } from '../../i18n/security.id';
import type { Dictionaries, Translator } from '../../i18n/dictionary';
import { dictionaryTranslator, useDictionary } from '../../i18n/dictionary';
import type { ReplyError } from '../../../../common/result';
import { signInWaitPhrase } from './logic';

/** The security features' own dictionaries. */
const dictionaries: Dictionaries<SecurityMessageKey> = { en: securityEn, id: securityId };

export type SecurityT = Translator<SecurityMessageKey>;
export const securityTranslate = dictionaryTranslator(dictionaries);
export const useSecurityT = (): SecurityT => useDictionary(dictionaries);

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
