/** Templates (quick replies) managed by leads, and presence of members' devices. */
import { randomUUID } from 'node:crypto';
import { CommandError } from '../../../common/result';
import { listPresence, setPresence } from '../db/repositories/members';
import { deleteTemplate, insertAudit, listTemplates, templateById, upsertTemplate } from '../db/repositories/workspace';
import { requireCapability } from './access';
import type { Services } from './context';
import { commit } from './context';
import type { HandlerTable } from './dispatch';
import { rooms } from './rooms';
import { drainWaiting } from '../automation/assignment/drain';

export function workspaceHandlers(
  services: Services,
): Pick<HandlerTable, 'template:list' | 'template:upsert' | 'template:delete' | 'presence:set' | 'presence:list'> {
  const { db, io } = services;
  return {
    'template:list': async caller => {
      requireCapability(caller, 'templates.read');
      return listTemplates(db);
    },

    'template:upsert': async (caller, args) => {
      requireCapability(caller, 'templates.manage');
      const template = { id: args.id ?? randomUUID(), shortcut: args.shortcut, title: args.title, body: args.body };
      const clash = (await listTemplates(db)).find(t => t.shortcut === template.shortcut && t.id !== template.id);
      if (clash)
        throw new CommandError('conflict', `the shortcut '/${template.shortcut}' is taken`, { template: clash });
      return commit(services, async (tx, emit) => {
        const before = args.id ? await templateById(tx, args.id) : undefined;
        await upsertTemplate(tx, template, Date.now());
        await insertAudit(tx, {
          memberId: caller.memberId,
          deviceId: caller.sessionId,
          action: 'template.upsert',
          chatId: null,
          before: before ?? null,
          after: template,
          at: Date.now(),
        });
        emit({ body: { type: 'template:updated', template }, audience: 'workspace' });
        return template;
      });
    },

    'template:delete': async (caller, { id }) => {
      requireCapability(caller, 'templates.manage');
      return commit(services, async (tx, emit) => {
        const before = await templateById(tx, id);
        if (!before || !(await deleteTemplate(tx, id))) throw new CommandError('not_found', 'no such template');
        await insertAudit(tx, {
          memberId: caller.memberId,
          deviceId: caller.sessionId,
          action: 'template.delete',
          chatId: null,
          before,
          after: null,
          at: Date.now(),
        });
        emit({ body: { type: 'template:deleted', id }, audience: 'workspace' });
        return { id };
      });
    },

    'presence:set': async (caller, { status }) => {
      await setPresence(db, caller.sessionId, status, services.sessionPolicy.now());
      const p = { memberId: caller.memberId, deviceId: caller.sessionId, status };
      io.to(rooms.workspace).emit('presence:changed', p);
      if (status === 'online') await drainWaiting(services, caller.memberId);
      return p;
    },

    'presence:list': async () => listPresence(db),
  };
}
