/**
 * Automation settings of a WhatsApp number on the sync protocol: business hours, the away
 * message and the greeting. `automation:get` and `automation:update` are for admins and for
 * leads of the number (capability automation.manage); `automation:hours` gives every member
 * the hours of the numbers they see, for "open now" in the accounts rail. Registered in
 * protocol.ts and reply-schemas.ts; described in docs/protocol.md, "Automation".
 */
import { z } from 'zod';
import { businessHoursSchema } from './automation/hours';
import type { BusinessHours } from './automation/hours';
import type { Reply } from './result';

/** The sender id of automated relayed sends (sends.origin = 'automation'): no member sent them. */
export const AUTOMATION_SENDER = 'automation';

export const AUTOMATION_TEXT_MAX = 2_000;
/** The longest idle time that still makes a conversation new again: 90 days. */
export const GREETING_IDLE_HOURS_MAX = 24 * 90;

const accountId = z.string().min(1).max(200);
const text = z.string().max(AUTOMATION_TEXT_MAX);

export const automationMessageSchema = z.strictObject({ enabled: z.boolean(), text });
export const greetingSchema = z.strictObject({
  enabled: z.boolean(),
  text,
  idleHours: z.number().int().min(1).max(GREETING_IDLE_HOURS_MAX),
});

/** The whole settings of one number are sent each time: small, and no partial-update races. */
export const automationUpdateSchema = z.strictObject({
  accountId,
  hours: businessHoursSchema.nullable(),
  away: automationMessageSchema,
  greeting: greetingSchema,
});
export type AutomationUpdate = z.infer<typeof automationUpdateSchema>;

export type WireAutomation = {
  accountId: string;
  /** Null: no business hours, the number is never "closed" and no away message goes out. */
  hours: BusinessHours | null;
  away: { enabled: boolean; text: string };
  greeting: { enabled: boolean; text: string; idleHours: number };
  /** Last change (ms) and by whom; null while never saved. */
  updatedAt: number | null;
  updatedBy: string | null;
};

export const wireAutomationSchema = z.object({
  accountId,
  hours: businessHoursSchema.nullable(),
  away: z.object({ enabled: z.boolean(), text }),
  greeting: z.object({ enabled: z.boolean(), text, idleHours: z.number().int() }),
  updatedAt: z.number().int().nullable(),
  updatedBy: z.string().max(100).nullable(),
});

export type WireAccountHours = { accountId: string; hours: BusinessHours };
export const wireAccountHoursSchema = z.array(z.object({ accountId, hours: businessHoursSchema }));

/** What a number that never saved settings does: nothing automated. */
export function defaultAutomation(id: string): WireAutomation {
  return {
    accountId: id,
    hours: null,
    away: { enabled: false, text: '' },
    greeting: { enabled: false, text: '', idleHours: 24 },
    updatedAt: null,
    updatedBy: null,
  };
}

type Cmd<T> = (payload: unknown, ack: (reply: Reply<T>) => void) => void;

export interface AutomationCommands {
  'automation:get': Cmd<WireAutomation>;
  'automation:update': Cmd<WireAutomation>;
  'automation:hours': Cmd<WireAccountHours[]>;
}

export const AUTOMATION_COMMAND_SCHEMAS = {
  'automation:get': z.strictObject({ accountId }),
  'automation:update': automationUpdateSchema,
  'automation:hours': z.strictObject({}),
} as const;

export const AUTOMATION_REPLY_SCHEMAS = {
  'automation:get': wireAutomationSchema,
  'automation:update': wireAutomationSchema,
  'automation:hours': wireAccountHoursSchema,
} as const;
