import type { aiSettingsCommands } from '../../../common/api/ai-settings';
import type { AiPolicyUpdate, WireAiPolicy } from '../../../common/protocol-ai-policy';
import type { AiService } from '../../ai/service';
import type { HandlerTable } from '../router';

type AiSettingsHandlers = Pick<HandlerTable, keyof typeof aiSettingsCommands>;

export type AiPolicyPort = {
  current(): WireAiPolicy | null;
  /** Signed in to a workspace: the only place a policy can come from or be saved to. */
  signedIn(): boolean;
  save(update: AiPolicyUpdate): Promise<WireAiPolicy>;
};

/** "Test connection" and the workspace policy; the server decides who may change the policy. */
export function aiSettingsHandlers(ai: AiService, policy: AiPolicyPort): AiSettingsHandlers {
  return {
    'ai:test': args => ai.test(args),
    'ai:policy:get': () => (policy.signedIn() ? policy.current() : null),
    'ai:policy:save': args => policy.save(args),
  };
}
