/**
 * `audit:list`: the workspace's audit log, filtered and paged newest first. Its own file so
 * protocol.ts only registers it. The reply stays WireAudit[]: the next page's cursor is the
 * last row's id, and a short page (fewer rows than `limit`) is the last one.
 */
import { z } from 'zod';

export const AUDIT_PAGE_MAX = 500;
/** How many action codes one filter may name (the screen offers one; the CSV export may send a few). */
export const AUDIT_ACTIONS_MAX = 40;

/** Codes as writers spell them (`chat.assign`, `session.sign_in_failed`): lower case, dots, underscores. */
export const auditActionSchema = z
  .string()
  .max(60)
  .regex(/^[a-z][a-z_]*(\.[a-z][a-z_]*)*$/);

/** Milliseconds since the epoch, within what a JavaScript Date can hold. */
const ms = z.number().int().min(0).max(8_640_000_000_000_000);

export const auditListSchema = z
  .strictObject({
    memberId: z.string().uuid().optional(),
    /** One code, or several (any of them). */
    action: z.union([auditActionSchema, z.array(auditActionSchema).min(1).max(AUDIT_ACTIONS_MAX)]).optional(),
    chatId: z.string().min(3).max(420).optional(),
    /** Inclusive bounds on the row's time. */
    from: ms.optional(),
    to: ms.optional(),
    /** The last id of the previous page: this page holds only older rows. */
    cursor: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
    limit: z.number().int().min(1).max(AUDIT_PAGE_MAX).default(100),
  })
  .refine(a => a.from === undefined || a.to === undefined || a.from <= a.to, {
    message: 'from must not be after to',
    path: ['from'],
  });

export type AuditListArgs = z.output<typeof auditListSchema>;

/** The filter as the repository applies it: `action` always a list. */
export type AuditFilter = {
  readonly memberId?: string;
  readonly actions?: readonly string[];
  readonly chatId?: string;
  readonly from?: number;
  readonly to?: number;
  readonly cursor?: number;
  readonly limit: number;
};

export function auditFilterOf(args: AuditListArgs): AuditFilter {
  const { action, ...rest } = args;
  return action === undefined ? rest : { ...rest, actions: typeof action === 'string' ? [action] : action };
}
