import { useCallback } from 'react';
import type { Language } from '../../../i18n';
import { useI18n } from '../../../i18n';
import type { AiChatMessageKey } from '../../../i18n/ai-chat.en';
import { aiChatEn } from '../../../i18n/ai-chat.en';
import { aiChatId } from '../../../i18n/ai-chat.id';

export type AiChatT = (key: AiChatMessageKey, vars?: Readonly<Record<string, string | number>>) => string;

/** AI-in-the-conversation's own dictionaries, in the language the user picked for the app. */
const dictionaries: Record<Language, Record<AiChatMessageKey, string>> = { en: aiChatEn, id: aiChatId };

export function useAiChatT(): AiChatT {
  const language = useI18n(s => s.language);
  return useCallback<AiChatT>(
    (key, vars) => {
      const template = dictionaries[language][key];
      return vars ? template.replace(/\{(\w+)\}/g, (m, name: string) => String(vars[name] ?? m)) : template;
    },
    [language],
  );
}
