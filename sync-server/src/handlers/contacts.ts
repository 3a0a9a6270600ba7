/**
 * contact:update: the team names and labels a customer and keeps a note about them. Anyone who may update the chat
 * (status and tags: `chats.update`) may do it. The edit reaches the person's contact rows
 * on every number the caller may see (same phone), each delivered as a contacts:upserted
 * fact to that number's members, and is audited once.
 */
import { canSeeAccount } from '../../../common/permissions';
import type { ContactUpdate } from '../../../common/protocol-contacts';
import type { WireContact } from '../../../common/protocol-wire';
import { CommandError } from '../../../common/result';
import type { ContactRow } from '../db/repositories/contact-profile';
import { contactForUpdate, patchContact, samePersonRows, toWireContact } from '../db/repositories/contact-profile';
import { allAccountIds, insertAudit } from '../db/repositories/workspace';
import { requireCapability, visibleChat } from './access';
import type { Caller, Services } from './context';
import { commit } from './context';
import type { HandlerTable } from './dispatch';

type ContactHandlers = Pick<HandlerTable, 'contact:update'>;

// The note's text stays out of the audit log (it may hold what a customer confided); its length says it changed.
const summary = (r: ContactRow) => ({
  accountId: r.accountId,
  key: r.key,
  customName: r.customName,
  labels: r.labels,
  noteLength: r.note?.length ?? 0,
});

export function contactHandlers(services: Services): ContactHandlers {
  return {
    'contact:update': async (caller, update) => {
      requireCapability(caller, 'chats.update');
      const chat = await visibleChat(services.db, caller, update.chatId);
      if (chat.isGroup) throw new CommandError('invalid_args', 'a group is not one person', { reason: 'group' });
      return updatePerson(services, caller, chat.accountId, chat.jid, update);
    },
  };
}

async function updatePerson(
  services: Services,
  caller: Caller,
  accountId: string,
  jid: string,
  update: ContactUpdate,
): Promise<WireContact> {
  const patch = {
    ...(update.name !== undefined ? { customName: update.name } : {}),
    ...(update.labels !== undefined ? { labels: update.labels } : {}),
    ...(update.note !== undefined ? { note: update.note } : {}),
  };
  return commit(services, async (tx, emit) => {
    const own = await contactForUpdate(tx, accountId, jid);
    const visible = (await allAccountIds(tx)).filter(id => canSeeAccount(caller.viewer, id));
    const others = own.phone ? await samePersonRows(tx, visible, own.phone) : [];
    const rows = [own, ...others.filter(r => r.accountId !== own.accountId || r.key !== own.key)];
    const after: ContactRow[] = [];
    for (const row of rows) after.push(await patchContact(tx, row, patch));
    for (const row of after) {
      emit({
        body: { type: 'contacts:upserted', accountId: row.accountId, contacts: [toWireContact(row)] },
        audience: 'account',
        accountId: row.accountId,
      });
    }
    await insertAudit(tx, {
      memberId: caller.memberId,
      deviceId: caller.sessionId,
      action: 'contact.update',
      chatId: `${accountId}:${jid}`,
      before: rows.map(summary),
      after: after.map(summary),
      at: Date.now(),
    });
    const first = after[0];
    if (!first) throw new Error('contact:update wrote no row');
    return toWireContact(first);
  });
}
