/** `audit:list`: admins read every row; leads only rows about chats of their accounts; agents none. */
import { auditFilterOf } from '../../../common/protocol-audit';
import { listAudit } from '../db/repositories/audit';
import { requireCapability, visibleChat } from './access';
import type { Services } from './context';
import type { HandlerTable } from './dispatch';

export function auditHandlers(services: Services): Pick<HandlerTable, 'audit:list'> {
  const { db } = services;
  return {
    'audit:list': async (caller, args) => {
      requireCapability(caller, 'audit.read');
      // A chat the reader may not see is refused as unknown, the way every chat command refuses it.
      if (args.chatId) await visibleChat(db, caller, args.chatId);
      const scope =
        caller.role === 'admin'
          ? ({ kind: 'all' } as const)
          : ({ kind: 'accounts', accountIds: [...caller.viewer.accountIds] } as const);
      return listAudit(db, auditFilterOf(args), scope);
    },
  };
}
