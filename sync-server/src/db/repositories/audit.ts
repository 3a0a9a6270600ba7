/**
 * Reading the audit log: filtered, newest first, paged by id. Rows are written by
 * insertAudit (workspace.ts) inside each change's own transaction.
 */
import type { SQL } from 'drizzle-orm';
import { and, desc, eq, gte, inArray, lt, lte } from 'drizzle-orm';
import type { AuditFilter } from '../../../../common/protocol-audit';
import type { WireAudit } from '../../../../common/protocol';
import type { Exec } from '../index';
import { auditLog, chats } from '../schema';

/**
 * Whose rows a reader may see: every row (admins), or only rows about a chat of one of
 * these accounts (leads): never workspace-wide rows such as sign-ins, settings or members.
 */
export type AuditScope =
  { readonly kind: 'all' } | { readonly kind: 'accounts'; readonly accountIds: readonly string[] };

/** A stored detail that is not JSON (written by hand, or cut short) is shown as its text rather than failing the page. */
function parseDetail(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function conditions(f: AuditFilter, scope: AuditScope, db: Exec): (SQL | undefined)[] {
  return [
    f.memberId === undefined ? undefined : eq(auditLog.memberId, f.memberId),
    f.actions === undefined ? undefined : inArray(auditLog.action, [...f.actions]),
    f.chatId === undefined ? undefined : eq(auditLog.chatId, f.chatId),
    f.from === undefined ? undefined : gte(auditLog.at, f.from),
    f.to === undefined ? undefined : lte(auditLog.at, f.to),
    f.cursor === undefined ? undefined : lt(auditLog.id, f.cursor),
    scope.kind === 'all'
      ? undefined
      : // A subquery rather than a join: each audit row appears once, and chats.id is the primary key.
        inArray(
          auditLog.chatId,
          db
            .select({ id: chats.id })
            .from(chats)
            .where(inArray(chats.accountId, [...scope.accountIds])),
        ),
  ];
}

export async function listAudit(db: Exec, filter: AuditFilter, scope: AuditScope): Promise<WireAudit[]> {
  // A lead of no account sees nothing; `IN ()` is not valid SQL.
  if (scope.kind === 'accounts' && scope.accountIds.length === 0) return [];
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...conditions(filter, scope, db)))
    .orderBy(desc(auditLog.id))
    .limit(filter.limit);
  return rows.map(r => ({ ...r, before: parseDetail(r.before), after: parseDetail(r.after) }));
}
