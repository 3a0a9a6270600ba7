/**
 * Message templates of a Cloud number: listed from its WhatsApp Business Account (kept a
 * minute per number and shared between nodes, template-cache.ts, so opening the picker
 * twice does not page through Graph twice), and
 * sent by members of the number. A template may be sent outside the 24-hour window; the
 * body stored for the chat is the template's text with the member's values filled in.
 */
import type { CloudTemplateSend, WireCloudTemplate } from '../../../common/protocol-cloud';
import type { WireSend } from '../../../common/protocol';
import { canSeeAccount } from '../../../common/permissions';
import { CommandError } from '../../../common/result';
import { CLOUD_PROVIDER } from '../../../common/cloud/ids';
import { cloudNumberOf } from '../db/repositories/cloud';
import { accountById, insertAudit, insertSend, sendByClientId } from '../db/repositories/workspace';
import { requireCapability, visibleChat } from '../handlers/access';
import type { Caller, Services } from '../handlers/context';
import { commit } from '../handlers/context';
import type { HandlerTable } from '../handlers/dispatch';
import { openNumber } from './secrets';
import { checkParams, filledText } from './template-params';
import { checkHeaderUpload } from './template-media';
import { TEMPLATE_CACHE_MS, cacheOf, rememberTemplates } from './template-cache';

export function templateHandlers(services: Services): Pick<HandlerTable, 'cloud:templates' | 'cloud:send-template'> {
  const cache = cacheOf(services);

  async function templatesOf(accountId: string): Promise<WireCloudTemplate[]> {
    const hit = cache.get(accountId);
    if (hit && Date.now() - hit.at < TEMPLATE_CACHE_MS) return hit.list;
    const row = await cloudNumberOf(services.db, accountId);
    const number = row ? openNumber(services.mfaKey, row) : null;
    if (!number) throw new CommandError('not_found', 'no such Cloud API number');
    const r = await services.cloud.graph(number).listTemplates();
    if (!r.ok)
      throw new CommandError('unavailable', 'Meta did not list the templates', {
        reason: 'graph_refused',
        graphCode: r.error.code,
      });
    const list = r.value.map(t => ({
      ...t,
      components: t.components.map(c => ({ ...c, buttons: c.buttons.map(b => ({ ...b })) })),
    }));
    rememberTemplates(services, accountId, list);
    return list;
  }

  function mustSeeCloudNumber(caller: Caller, accountId: string): void {
    requireCapability(caller, 'messages.send');
    if (!canSeeAccount(caller.viewer, accountId)) throw new CommandError('not_found', 'no such Cloud API number');
  }

  return {
    'cloud:templates': async (caller, { accountId }) => {
      mustSeeCloudNumber(caller, accountId);
      return templatesOf(accountId);
    },

    'cloud:send-template': async (caller, args: CloudTemplateSend): Promise<WireSend> => {
      requireCapability(caller, 'messages.send');
      const stored = await sendByClientId(services.db, args.clientMessageId);
      if (stored) {
        if (stored.senderId !== caller.memberId)
          throw new CommandError('conflict', 'this client message id is already used');
        return stored;
      }
      const chat = await visibleChat(services.db, caller, args.chatId);
      const account = await accountById(services.db, chat.accountId);
      if (account?.provider !== CLOUD_PROVIDER)
        throw new CommandError('invalid_args', 'templates are sent from Cloud API numbers only', {
          reason: 'not_cloud',
        });
      const template = (await templatesOf(chat.accountId)).find(
        t => t.name === args.name && t.language === args.language,
      );
      if (!template || template.status !== 'APPROVED')
        throw new CommandError('invalid_args', 'no approved template by this name and language', {
          reason: 'template_unknown',
        });
      const problem = checkParams(template, args);
      if (problem)
        throw new CommandError('invalid_args', 'the parameters do not fit the template', {
          reason: problem.reason,
          ...problem.details,
        });
      await checkHeaderUpload(services, caller.memberId, args.header);
      const now = Date.now();
      const send = await commit(services, async (tx, emit) => {
        const inserted = await insertSend(tx, {
          clientMessageId: args.clientMessageId,
          accountId: chat.accountId,
          chatId: chat.id,
          chatJid: chat.jid,
          senderId: caller.memberId,
          senderDeviceId: caller.sessionId,
          body: filledText(template, args),
          quotedProviderMessageId: null,
          createdAt: now,
          template: JSON.stringify({
            name: args.name,
            language: args.language,
            parameters: args.parameters,
            ...(args.header ? { header: args.header } : {}),
            ...(args.buttons?.length ? { buttons: args.buttons } : {}),
          }),
        });
        const row = await sendByClientId(tx, args.clientMessageId);
        if (!row) throw new CommandError('internal', 'send vanished');
        if (inserted) {
          emit({
            body: { type: 'send:updated', send: row },
            audience: 'chat',
            accountId: chat.accountId,
            chatId: chat.id,
            assigneeId: chat.assigneeId,
          });
          await insertAudit(tx, {
            memberId: caller.memberId,
            deviceId: caller.sessionId,
            action: 'message.send',
            chatId: chat.id,
            before: null,
            after: { clientMessageId: args.clientMessageId, template: args.name, language: args.language },
            at: now,
          });
        }
        return row;
      });
      services.cloud.kickSends();
      if (send.senderId !== caller.memberId)
        throw new CommandError('conflict', 'this client message id is already used');
      return send;
    },
  };
}
