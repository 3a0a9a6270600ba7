/**
 * Renderer→core commands for the workspace's settings (the rules an admin sets for the
 * team), relayed to the workspace server, and the event that says they changed.
 */
import { z } from 'zod';
import { command } from './define';

/** What the server's `settings:get` answers (docs/protocol.md), as the desktop shows it. */
export type TeamSettings = {
  /** Agents see the chats nobody has taken yet, besides their own. */
  readonly agentsSeeUnassigned: boolean;
  /** Agents may release their own chats and transfer them to a colleague of the number. */
  readonly agentsMayHandOver: boolean;
};

export const teamSettingsCommands = {
  /** The server's current settings when online, else the last ones this device learned. */
  'teamSettings:get': command<TeamSettings>()(z.strictObject({})),
  /** Admins: only the fields sent change; the answer is all of them. */
  'teamSettings:update': command<TeamSettings>()(
    z
      .strictObject({ agentsSeeUnassigned: z.boolean().optional(), agentsMayHandOver: z.boolean().optional() })
      .refine(s => s.agentsSeeUnassigned !== undefined || s.agentsMayHandOver !== undefined, {
        message: 'empty_update',
      }),
  ),
} as const;

export type TeamSettingsEvents = {
  /** An admin changed the workspace's settings (here or on another device). */
  'teamSettings:changed': { readonly settings: TeamSettings };
};

export const teamSettingsEventNames: Record<keyof TeamSettingsEvents, true> = { 'teamSettings:changed': true };
