import type { HandoverMessageKey } from '../../i18n/handover.en';
import { handoverEn } from '../../i18n/handover.en';
import { handoverId } from '../../i18n/handover.id';
import type { Dictionaries, Translator } from '../../i18n/dictionary';
import { dictionaryTranslator, useDictionary } from '../../i18n/dictionary';

/** Handing on, team rules and the reply warning keep their own dictionaries. */
const dictionaries: Dictionaries<HandoverMessageKey> = { en: handoverEn, id: handoverId };

export type HandoverT = Translator<HandoverMessageKey>;
export const handoverTranslate = dictionaryTranslator(dictionaries);
export const useHandoverT = (): HandoverT => useDictionary(dictionaries);
