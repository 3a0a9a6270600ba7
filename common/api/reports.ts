/**
 * The Reports screen's commands. The core relays both to the workspace server, which
 * decides what the caller may see (admins every number, leads theirs, agents nothing).
 * The last report loaded for each set of arguments is kept on this device, so a lead
 * who opens Reports offline still sees figures, marked with their age.
 */
import { reportsConversationsSchema, reportsGetSchema } from '../protocol-reports';
import type { WireReport, WireReportConversationsPage } from '../protocol-reports';
import { command } from './define';

export type ReportView =
  | {
      readonly report: WireReport;
      /** Fresh from the server. */
      readonly stale: false;
      readonly cachedAt: null;
    }
  | {
      readonly report: WireReport;
      /** The server could not be reached: this is the copy kept when it last answered. */
      readonly stale: true;
      /** When this device stored it (ms). */
      readonly cachedAt: number;
    };

export const reportsCommands = {
  /** The figures of one range; offline, the last copy for the same arguments ('unavailable' when none). */
  'reports:get': command<ReportView>()(reportsGetSchema),
  /** One page of the conversations behind the figures (for CSV); needs the server. */
  'reports:conversations': command<WireReportConversationsPage>()(reportsConversationsSchema),
} as const;
