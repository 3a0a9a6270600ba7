/**
 * The Audit log screen's one command. The core relays it to the workspace server
 * (`audit:list`, which decides who reads what) and adds the names this device knows.
 */
import { auditListSchema } from '../protocol-audit';
import { command } from './define';

export type AuditEntry = {
  readonly id: number;
  readonly at: number;
  readonly memberId: string | null;
  /** The member's name as this device knows it; null when unknown (a removed member, a failed sign-in). */
  readonly memberName: string | null;
  /** A code such as `chat.assign`; the screen words the codes it knows and shows the others as they are. */
  readonly action: string;
  readonly chatId: string | null;
  /** The chat's customer or group name when the chat is on this device. */
  readonly chatName: string | null;
  /** The session (device) concerned. */
  readonly deviceId: string | null;
  readonly before: unknown;
  readonly after: unknown;
};

export type AuditPage = {
  readonly entries: readonly AuditEntry[];
  /** Pass as `cursor` for the next, older page; null when this page is the last. */
  readonly nextCursor: number | null;
};

export const auditCommands = {
  /** Admins: every row; leads: rows about chats of their accounts; agents: 'forbidden'. */
  'audit:list': command<AuditPage>()(auditListSchema),
} as const;
