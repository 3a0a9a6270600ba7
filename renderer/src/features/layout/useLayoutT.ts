import type { LayoutMessageKey } from '../../i18n/layout.en';
import { layoutEn } from '../../i18n/layout.en';
import { layoutId } from '../../i18n/layout.id';
import type { Dictionaries, Translator } from '../../i18n/dictionary';
import { useDictionary } from '../../i18n/dictionary';

const dictionaries: Dictionaries<LayoutMessageKey> = { en: layoutEn, id: layoutId };

export const useLayoutT = (): Translator<LayoutMessageKey> => useDictionary(dictionaries);
