import type { TagsMessageKey } from '../../i18n/tags.en';
import { tagsEn } from '../../i18n/tags.en';
import { tagsId } from '../../i18n/tags.id';
import type { Dictionaries, Translator } from '../../i18n/dictionary';
import { dictionaryTranslator, useDictionary } from '../../i18n/dictionary';

/** Managed tags keep their own dictionaries. */
const dictionaries: Dictionaries<TagsMessageKey> = { en: tagsEn, id: tagsId };

export type TagsT = Translator<TagsMessageKey>;
export const tagsTranslate = dictionaryTranslator(dictionaries);
export const useTagsT = (): TagsT => useDictionary(dictionaries);
