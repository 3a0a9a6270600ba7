import type { aiCommands } from '../../../common/api/ai';
import { asChatId } from '../../../common/domain';
import { CommandError } from '../../../common/result';
import type { AiService } from '../../ai/service';
import type { HandlerTable } from '../router';

type AiHandlers = Pick<HandlerTable, keyof typeof aiCommands>;

export type AiSettingsPolicy = {
  /** False when signed in to a workspace as a non-admin: the workspace's admins decide. */
  canEditSettings(): boolean;
};

const anyoneMayEdit: AiSettingsPolicy = { canEditSettings: () => true };

/** Thin: validation happened in dispatch, and the service already answers with data. */
export function aiHandlers(ai: AiService, policy: AiSettingsPolicy = anyoneMayEdit): AiHandlers {
  return {
    'ai:settings:get': () => ai.settings(),
    'ai:settings:save': args => {
      if (!policy.canEditSettings()) {
        throw new CommandError('forbidden', "Only the workspace's admins can change the AI settings.");
      }
      return ai.saveSettings(args);
    },
    'ai:suggest': ({ chatId, requestId, agentLanguage, refresh }) =>
      ai.suggest(asChatId(chatId), { requestId, agentLanguage, refresh }),
    'ai:summarize': ({ chatId, refresh, agentLanguage }) => ai.summarize(asChatId(chatId), { refresh, agentLanguage }),
    'ai:rewrite': ({ chatId, draft, style, targetLanguage }) =>
      ai.rewrite({ chatId: chatId === undefined ? undefined : asChatId(chatId), draft, style, targetLanguage }),
    'ai:insights:list': ({ chatIds }) => ai.insights(chatIds?.map(asChatId)),
  };
}
