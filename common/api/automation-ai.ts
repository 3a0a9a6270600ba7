/**
 * The workspace's AI endpoint for automation (sentiment conditions), for the desktop: each
 * command is relayed to the workspace server's command of the same name, which allows admins
 * only and never returns the key.
 */
import type { WireAutomationAi } from '../protocol-automation-ai';
import { AUTOMATION_AI_COMMAND_SCHEMAS as S } from '../protocol-automation-ai';
import { command } from './define';

export const automationAiCommands = {
  'automationAi:get': command<WireAutomationAi>()(S['automationAi:get']),
  'automationAi:set': command<WireAutomationAi>()(S['automationAi:set']),
} as const;
