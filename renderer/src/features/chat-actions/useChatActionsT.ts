import type { ChatActionsMessageKey } from '../../i18n/chat-actions.en';
import { chatActionsEn } from '../../i18n/chat-actions.en';
import { chatActionsId } from '../../i18n/chat-actions.id';
import type { Dictionaries, Translator } from '../../i18n/dictionary';
import { useDictionary } from '../../i18n/dictionary';

/** Chat actions' own dictionaries. */
const dictionaries: Dictionaries<ChatActionsMessageKey> = { en: chatActionsEn, id: chatActionsId };

export type ChatActionsT = Translator<ChatActionsMessageKey>;
export const useChatActionsT = (): ChatActionsT => useDictionary(dictionaries);
