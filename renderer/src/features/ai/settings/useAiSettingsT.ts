import type { AiSettingsMessageKey } from '../../../i18n/ai-settings.en';
import { aiSettingsEn } from '../../../i18n/ai-settings.en';
import { aiSettingsId } from '../../../i18n/ai-settings.id';
import type { Dictionaries, Translator } from '../../../i18n/dictionary';
import { dictionaryTranslator, useDictionary } from '../../../i18n/dictionary';

/** Settings → AI's own dictionaries. */
const dictionaries: Dictionaries<AiSettingsMessageKey> = { en: aiSettingsEn, id: aiSettingsId };

export type AiSettingsT = Translator<AiSettingsMessageKey>;
export const aiSettingsTranslate = dictionaryTranslator(dictionaries);
export const useAiSettingsT = (): AiSettingsT => useDictionary(dictionaries);
