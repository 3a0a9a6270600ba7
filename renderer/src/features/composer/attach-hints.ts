/** The composer's hints in both languages (attachment limits, templates). */
import { composerHintsEn } from '../../i18n/composer-hints.en';
import type { ComposerHintsMessageKey } from '../../i18n/composer-hints.en';
import { composerHintsId } from '../../i18n/composer-hints.id';
import type { Dictionaries, Translator } from '../../i18n/dictionary';
import { useDictionary } from '../../i18n/dictionary';

const dictionaries: Dictionaries<ComposerHintsMessageKey> = { en: composerHintsEn, id: composerHintsId };

export const useAttachHints = (): Translator<ComposerHintsMessageKey> => useDictionary(dictionaries);
