/**
 * DeskApi: every renderer→core command (`domain:verb`) and core→renderer event
 * (`domain:past-tense`). Each domain declares its commands in common/api/<domain>.ts;
 * this file joins them into the one contract both transports serve.
 */
import type { z } from 'zod';
import type { Reply } from './result';
import type { CommandSpec } from './api/define';
import { appCommands } from './api/app';
import { accountsCommands } from './api/accounts';
import { aiCommands } from './api/ai';
import { aiSettingsCommands } from './api/ai-settings';
import { auditCommands } from './api/audit';
import { inboxCommands } from './api/inbox';
import { mediaCommands } from './api/media';
import { messagesCommands } from './api/messages';
import { securityCommands } from './api/security';
import { workspaceCommands } from './api/workspace';
import { mfaCommands } from './api/mfa';
import { teamSettingsCommands } from './api/team-settings';
import { tagsCommands } from './api/tags';
import { chatActionsCommands } from './api/chat-actions';
import { teamTemplatesCommands } from './api/team-templates';
import { customerCommands } from './api/customer';
import { backupCommands } from './api/backup';
import { automationCommands } from './api/automation';
import { assignmentCommands } from './api/assignment';
import { ruleCommands } from './api/rules';
import { automationAiCommands } from './api/automation-ai';
import { localAutomationCommands } from './api/local-automation';
import { reportsCommands } from './api/reports';
import { integrationsCommands } from './api/integrations';
import { webhooksCommands } from './api/webhooks';
import { cloudCommands } from './api/cloud';
import type { DeskEvents, EventName } from './api/events';

export const deskCommands = {
  ...appCommands,
  ...accountsCommands,
  ...inboxCommands,
  ...messagesCommands,
  ...mediaCommands,
  ...workspaceCommands,
  ...aiCommands,
  ...aiSettingsCommands,
  ...auditCommands,
  ...securityCommands,
  ...mfaCommands,
  ...teamSettingsCommands,
  ...tagsCommands,
  ...chatActionsCommands,
  ...teamTemplatesCommands,
  ...customerCommands,
  ...backupCommands,
  ...automationCommands,
  ...assignmentCommands,
  ...ruleCommands,
  ...automationAiCommands,
  ...localAutomationCommands,
  ...reportsCommands,
  ...integrationsCommands,
  ...webhooksCommands,
  ...cloudCommands,
} as const;

export type DeskCommands = typeof deskCommands;
export type CommandName = keyof DeskCommands;

/** What a caller passes (defaults may be omitted). */
export type CommandArgs<K extends CommandName> = z.input<DeskCommands[K]['args']>;
/** What a handler receives after validation (defaults filled in). */
export type ParsedArgs<K extends CommandName> = z.output<DeskCommands[K]['args']>;
export type CommandResult<K extends CommandName> = DeskCommands[K] extends CommandSpec<z.ZodType, infer R> ? R : never;

export const isCommandName = (name: unknown): name is CommandName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(deskCommands, name);

/** The one transport shape the renderer talks to, whichever shell hosts it. */
export type DeskTransport = {
  invoke<K extends CommandName>(name: K, args: CommandArgs<K>): Promise<Reply<CommandResult<K>>>;
  subscribe<E extends EventName>(name: E, cb: (payload: DeskEvents[E]) => void): () => void;
};

export { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from './ipc';

export type { DeskEvents, EventName } from './api/events';
export { deskEventNames, isEventName } from './api/events';
export type { AppInfo, ShellKind } from './api/app';
