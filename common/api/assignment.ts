/**
 * Settings → Automation, "Assignment": the core relays each to the workspace server
 * (`assignment:get`, `assignment:update`), which decides who may read and change what.
 */
import type { WireAssignment } from '../protocol-assignment';
import { ASSIGNMENT_COMMAND_SCHEMAS, assignmentUpdateSchema } from '../protocol-assignment';
import { command } from './define';

export const assignmentCommands = {
  /** Admins and leads of the number; agents get 'forbidden'. */
  'assignment:get': command<WireAssignment>()(ASSIGNMENT_COMMAND_SCHEMAS['assignment:get']),
  'assignment:save': command<WireAssignment>()(assignmentUpdateSchema),
} as const;
