/** The Audit log: relayed to the workspace server, which filters by who asks; names added from this device. */
import type { AuditEntry } from '../../../common/api/audit';
import type { auditCommands } from '../../../common/api/audit';
import type { ChatId } from '../../../common/domain';
import type { WireAudit } from '../../../common/protocol';
import type { Store } from '../../store';
import type { WorkspaceSync } from '../../sync/workspace-sync';
import type { HandlerTable } from '../router';

type AuditHandlers = Pick<HandlerTable, keyof typeof auditCommands>;

export function auditHandlers(
  sync: Pick<WorkspaceSync, 'call' | 'members'>,
  store: Pick<Store, 'getChat'>,
): AuditHandlers {
  return {
    'audit:list': async args => {
      const rows = await sync.call('audit:list', args);
      const names = new Map(sync.members().map(m => [m.id as string, m.name]));
      const entryOf = (r: WireAudit): AuditEntry => ({
        ...r,
        memberName: r.memberId === null ? null : (names.get(r.memberId) ?? null),
        chatName: r.chatId === null ? null : (store.getChat(r.chatId as ChatId)?.name ?? null),
      });
      // A full page may have more behind it; a short one is the last.
      const last = rows.length === args.limit ? rows[rows.length - 1] : undefined;
      return { entries: rows.map(entryOf), nextCursor: last ? last.id : null };
    },
  };
}
