/**
 * Auto-assignment and the first-response SLA of a WhatsApp number on the sync protocol
 * (#17). `assignment:get` / `assignment:update` are for admins and for leads of the number
 * (capability automation.manage), like `automation:get` / `automation:update`, but a
 * contract of their own so the hours and messages stay as they are. Registered in
 * protocol.ts and reply-schemas.ts; described in docs/protocol.md, "Auto-assignment".
 */
import { z } from 'zod';
import { ASSIGNMENT_MODES, CAPACITY_MAX } from './automation/assignment/decide';
import type { AssignmentMode } from './automation/assignment/decide';
import type { Reply } from './result';

/** A week: longer targets or reassignment times are not a first response. */
export const ASSIGNMENT_MINUTES_MAX = 7 * 24 * 60;
/** Members one save may set capacities for: far more than a number has. */
export const CAPACITIES_MAX = 500;

const accountId = z.string().min(1).max(200);
const minutes = z.number().int().min(1).max(ASSIGNMENT_MINUTES_MAX).nullable();
const memberCapacity = z.strictObject({
  memberId: z.string().uuid(),
  capacity: z.number().int().min(1).max(CAPACITY_MAX),
});

/** The whole settings of one number each time; capacities only for members of the number. */
export const assignmentUpdateSchema = z.strictObject({
  accountId,
  mode: z.enum(ASSIGNMENT_MODES),
  /** Null: never reassigned. */
  reassignAfterMinutes: minutes,
  /** First-response target; null: no SLA. */
  slaMinutes: minutes,
  capacities: z.array(memberCapacity).max(CAPACITIES_MAX),
});
export type AssignmentUpdate = z.infer<typeof assignmentUpdateSchema>;

export type WireAssignment = {
  accountId: string;
  mode: AssignmentMode;
  reassignAfterMinutes: number | null;
  slaMinutes: number | null;
  /** Every member of the number with the capacity in force (the default when never set). */
  capacities: Array<{ memberId: string; capacity: number }>;
  updatedAt: number | null;
  updatedBy: string | null;
};

export const wireAssignmentSchema = z.object({
  accountId,
  mode: z.enum(ASSIGNMENT_MODES),
  reassignAfterMinutes: z.number().int().nullable(),
  slaMinutes: z.number().int().nullable(),
  capacities: z.array(z.object({ memberId: z.string().max(36), capacity: z.number().int() })),
  updatedAt: z.number().int().nullable(),
  updatedBy: z.string().max(100).nullable(),
});

type Cmd<T> = (payload: unknown, ack: (reply: Reply<T>) => void) => void;

export interface AssignmentCommands {
  'assignment:get': Cmd<WireAssignment>;
  'assignment:update': Cmd<WireAssignment>;
}

export const ASSIGNMENT_COMMAND_SCHEMAS = {
  'assignment:get': z.strictObject({ accountId }),
  'assignment:update': assignmentUpdateSchema,
} as const;

export const ASSIGNMENT_REPLY_SCHEMAS = {
  'assignment:get': wireAssignmentSchema,
  'assignment:update': wireAssignmentSchema,
} as const;
