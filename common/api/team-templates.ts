/** Team templates: admins and leads publish a template to the whole workspace from the app. */
import { z } from 'zod';
import type { Template } from '../domain';
import { templateUpsertSchema } from '../protocol';
import { command } from './define';

export const teamTemplatesCommands = {
  /** The workspace's templates, from the server (needs a connection). */
  'templates:team': command<readonly Template[]>()(z.strictObject({})),
  /**
   * Admins and leads: publish (no id: a new one; an id: that template, local or team) to the
   * workspace. Every desktop receives it; this one saves it at once.
   */
  'templates:publish': command<Template>()(templateUpsertSchema),
  /** Admins and leads: remove a team template from the workspace and from this desktop. */
  'templates:unpublish': command<{ readonly deleted: boolean }>()(z.strictObject({ id: z.string().uuid() })),
} as const;
