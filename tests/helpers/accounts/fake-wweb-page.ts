/**
 * WhatsApp Web's page as the fake Client (fake-wweb.ts) answers for it: the library's
 * Message.edit, Message.delete, Message.downloadMedia and Client.getContactLidAndPhone all
 * call `pupPage.evaluate`, and what the page decides (may this be edited? revoked? which
 * lid pairs with which phone?) is WhatsApp Web's behaviour, not the Client's: kept apart so
 * each can be read on its own.
 */
import type { WebjsMessage } from '../../../main/accounts/providers/webjs/client';
import type { RawMessage } from './wweb-raw';
import { nextSeq } from './wweb-raw';

/** What the page reads and changes of the fake Client. */
export type PageModel = {
  readonly messages: Map<string, RawMessage>;
  readonly media: Map<string, { data: string; mimetype: string; filename?: string; filesize?: number }>;
  /** phone jid → lid. */
  readonly lids: Map<string, string>;
  /** What Message.edit and Message.delete did in the page, in order. */
  readonly pageActions: string[];
  msg(raw: RawMessage): WebjsMessage;
  emit(event: string, ...args: unknown[]): boolean;
};

export type FakePage = { evaluate(fn: unknown, msgId: unknown, ...args: unknown[]): Promise<unknown> };

export function fakePage(model: PageModel): FakePage {
  return {
    evaluate: async (_fn: unknown, msgId: unknown, ...args: unknown[]) => {
      // Client.getContactLidAndPhone passes the list of ids.
      if (Array.isArray(msgId)) return msgId.map(id => pageLidAndPhone(model, String(id)));
      if (typeof msgId !== 'string') throw new TypeError('unexpected page call');
      // Message.edit passes (content, options); Message.delete passes (everyone, clearMedia).
      if (typeof args[0] === 'string') return pageEdit(model, msgId, args[0]);
      if (typeof args[0] === 'boolean') return pageDelete(model, msgId, args[0]);
      // Message.downloadMedia: the page answers from `media`.
      return model.media.get(msgId);
    },
  };
}

/**
 * WhatsApp Web's side of Message.edit: canEditText (our text message, at most 15 minutes
 * old) or null; the edit fires message_edit as the library's Msg 'change:body' listener does.
 */
function pageEdit(model: PageModel, msgId: string, content: string): RawMessage | null {
  const raw = model.messages.get(msgId);
  if (!raw || !raw.id.fromMe || raw.type !== 'chat' || Date.now() / 1000 - raw.t > 15 * 60) return null;
  const prev = raw.body ?? '';
  const editedAt = Date.now();
  const edited = {
    ...raw,
    body: content,
    latestEditMsgKey: { _serialized: `edit_${nextSeq()}` },
    latestEditSenderTimestampMs: editedAt,
  };
  model.messages.set(msgId, edited);
  model.pageActions.push(`edit ${msgId}`);
  model.emit('message_edit', model.msg(edited), content, prev);
  return edited;
}

/**
 * WhatsApp Web's side of Message.delete: a revoke when canSenderRevokeMsg allows it (our
 * message within about two days), else, as the library does, a delete for us only.
 */
function pageDelete(model: PageModel, msgId: string, everyone: boolean): undefined {
  const raw = model.messages.get(msgId);
  if (!raw) throw new TypeError("Cannot read properties of undefined (reading 'id')");
  const canRevoke = raw.id.fromMe && Date.now() / 1000 - raw.t <= 2 * 24 * 3600;
  if (everyone && canRevoke) {
    const revoked = { ...raw, type: 'revoked', body: '' };
    model.messages.set(msgId, revoked);
    model.pageActions.push(`revoke ${msgId}`);
    model.emit('message_revoke_everyone', model.msg(revoked), model.msg(raw));
  } else {
    model.messages.delete(msgId);
    model.pageActions.push(`delete-for-me ${msgId}`);
    model.emit('message_revoke_me', model.msg(raw));
  }
  return undefined;
}

/**
 * WhatsApp Web's enforceLidAndPnRetrieval, as the library serializes it: both forms of
 * each id (`lid?._serialized`, `phone?._serialized`), either missing when unknown.
 */
function pageLidAndPhone(model: PageModel, id: string): { lid?: string; pn?: string } {
  if (id.endsWith('@lid')) {
    const pn = [...model.lids].find(([, lid]) => lid === id)?.[0];
    return { lid: id, ...(pn ? { pn } : {}) };
  }
  const lid = model.lids.get(id);
  return { pn: id, ...(lid ? { lid } : {}) };
}
