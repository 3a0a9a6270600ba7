import type { SearchFiltersMessageKey } from '../../i18n/search-filters.en';
import { searchFiltersEn } from '../../i18n/search-filters.en';
import { searchFiltersId } from '../../i18n/search-filters.id';
import type { Dictionaries, Translator } from '../../i18n/dictionary';
import { useDictionary } from '../../i18n/dictionary';

/** The search filters keep their own dictionaries. */
const dictionaries: Dictionaries<SearchFiltersMessageKey> = { en: searchFiltersEn, id: searchFiltersId };
export const useSearchFiltersT = (): Translator<SearchFiltersMessageKey> => useDictionary(dictionaries);
