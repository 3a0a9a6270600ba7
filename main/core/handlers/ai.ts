import type { aiCommands } from '../../../common/api/ai';
import { asChatId } from '../../../common/domain';
import type { AiService } from '../../ai/service';
import type { HandlerTable } from '../router';

type AiHandlers = Pick<HandlerTable, keyof typeof aiCommands>;

/** Thin: validation happened in dispatch, and the service already answers with data. */
export function aiHandlers(ai: AiService): AiHandlers {
  return {
    'ai:settings:get': () => ai.settings(),
    'ai:settings:save': args => ai.saveSettings(args),
    'ai:suggest': ({ chatId, requestId, agentLanguage }) => ai.suggest(asChatId(chatId), { requestId, agentLanguage }),
    'ai:summarize': ({ chatId, refresh, agentLanguage }) => ai.summarize(asChatId(chatId), { refresh, agentLanguage }),
    'ai:rewrite': ({ chatId, draft, style, targetLanguage }) =>
      ai.rewrite({ chatId: chatId === undefined ? undefined : asChatId(chatId), draft, style, targetLanguage }),
    'ai:insights:list': ({ chatIds }) => ai.insights(chatIds?.map(asChatId)),
  };
}
