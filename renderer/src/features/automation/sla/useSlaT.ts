import type { SlaMessageKey } from '../../../i18n/sla.en';
import { slaEn } from '../../../i18n/sla.en';
import { slaId } from '../../../i18n/sla.id';
import type { Dictionaries, Translator } from '../../../i18n/dictionary';
import { useDictionary } from '../../../i18n/dictionary';

/** The first-response SLA's own dictionaries. */
const dictionaries: Dictionaries<SlaMessageKey> = { en: slaEn, id: slaId };

export type SlaT = Translator<SlaMessageKey>;
export const useSlaT = (): SlaT => useDictionary(dictionaries);
