import { exportEn } from '../../i18n/export.en';
import type { ExportMessageKey } from '../../i18n/export.en';
import { exportId } from '../../i18n/export.id';
import type { Dictionaries } from '../../i18n/dictionary';
import { useDictionary } from '../../i18n/dictionary';
import type { ExportT } from './format';

/** Conversation export keeps its own dictionaries. */
const dictionaries: Dictionaries<ExportMessageKey> = { en: exportEn, id: exportId };
export const useExportT = (): ExportT => useDictionary(dictionaries);
