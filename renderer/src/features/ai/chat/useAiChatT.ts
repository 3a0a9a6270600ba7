import type { AiChatMessageKey } from '../../../i18n/ai-chat.en';
import { aiChatEn } from '../../../i18n/ai-chat.en';
import { aiChatId } from '../../../i18n/ai-chat.id';
import type { Dictionaries, Translator } from '../../../i18n/dictionary';
import { useDictionary } from '../../../i18n/dictionary';

/** AI-in-the-conversation's own dictionaries. */
const dictionaries: Dictionaries<AiChatMessageKey> = { en: aiChatEn, id: aiChatId };

export type AiChatT = Translator<AiChatMessageKey>;
export const useAiChatT = (): AiChatT => useDictionary(dictionaries);
