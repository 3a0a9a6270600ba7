import type { ReportsMessageKey } from '../../i18n/reports.en';
import { reportsEn } from '../../i18n/reports.en';
import { reportsId } from '../../i18n/reports.id';
import type { Dictionaries } from '../../i18n/dictionary';
import { dictionaryTranslator, useDictionary } from '../../i18n/dictionary';
import type { ReportsT } from './logic';

/** The Reports screen's own dictionaries. */
const dictionaries: Dictionaries<ReportsMessageKey> = { en: reportsEn, id: reportsId };

export const reportsTranslate = dictionaryTranslator(dictionaries);
export const useReportsT = (): ReportsT => useDictionary(dictionaries);
