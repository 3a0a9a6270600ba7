import type { MfaMessageKey } from '../../../i18n/mfa.en';
import { mfaEn } from '../../../i18n/mfa.en';
import { mfaId } from '../../../i18n/mfa.id';
import type { Dictionaries, Translator } from '../../../i18n/dictionary';
import { useDictionary } from '../../../i18n/dictionary';

/** Two-step sign-in keeps its own dictionaries. */
const dictionaries: Dictionaries<MfaMessageKey> = { en: mfaEn, id: mfaId };

export type MfaT = Translator<MfaMessageKey>;
export const useMfaT = (): MfaT => useDictionary(dictionaries);
