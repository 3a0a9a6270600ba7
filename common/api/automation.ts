/**
 * Settings → Automation and the accounts rail's "open now". The core relays each to the
 * workspace server (`automation:get`, `automation:update`, `automation:hours`), which
 * decides who may read and change what.
 */
import { z } from 'zod';
import type { WireAccountHours, WireAutomation } from '../protocol-automation';
import { AUTOMATION_COMMAND_SCHEMAS, automationUpdateSchema } from '../protocol-automation';
import { command } from './define';

export const automationCommands = {
  /** Admins and leads of the number; agents get 'forbidden'. */
  'automation:get': command<WireAutomation>()(AUTOMATION_COMMAND_SCHEMAS['automation:get']),
  'automation:save': command<WireAutomation>()(automationUpdateSchema),
  /** Every member: the business hours of the numbers they see. */
  'automation:hours': command<WireAccountHours[]>()(z.strictObject({})),
} as const;
