import type { AccountsEvents } from './accounts';
import { accountsEventNames } from './accounts';
import type { AiEvents } from './ai';
import { aiEventNames } from './ai';
import type { AiSettingsEvents } from './ai-settings';
import { aiSettingsEventNames } from './ai-settings';
import type { InboxEvents } from './inbox';
import { inboxEventNames } from './inbox';
import type { TagsEvents } from './tags';
import { tagsEventNames } from './tags';
import type { WorkspaceEvents } from './workspace';
import { workspaceEventNames } from './workspace';
import type { TeamSettingsEvents } from './team-settings';
import { teamSettingsEventNames } from './team-settings';
import type { NoticesEvents } from './notices';
import { noticesEventNames } from './notices';

export type AppEvents = {
  'app:notified': { readonly level: 'info' | 'warning' | 'error'; readonly message: string };
  /** The shell asks the page to open a chat (deep link, tray, OS notification). */
  'app:chat-requested': { readonly chatId: string };
  /** The desktop tray's "Pause notifications" switch changed. */
  'app:notifications-paused': { readonly paused: boolean };
};

/**
 * Core→renderer facts, named `domain:past-tense`. Each domain declares its own in
 * common/api/<domain>.ts; the preload and the host bridge forward only these names.
 */
export type DeskEvents = AppEvents &
  AccountsEvents &
  InboxEvents &
  AiEvents &
  AiSettingsEvents &
  WorkspaceEvents &
  TeamSettingsEvents &
  TagsEvents &
  NoticesEvents;
export type EventName = keyof DeskEvents;

// Records keyed by every event name, so an event that is not listed fails to compile.
const eventNameSet: Record<EventName, true> = {
  'app:notified': true,
  'app:chat-requested': true,
  'app:notifications-paused': true,
  ...accountsEventNames,
  ...inboxEventNames,
  ...aiEventNames,
  ...aiSettingsEventNames,
  ...workspaceEventNames,
  ...teamSettingsEventNames,
  ...tagsEventNames,
  ...noticesEventNames,
};
export const deskEventNames = Object.keys(eventNameSet) as readonly EventName[];

export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(eventNameSet, name);
