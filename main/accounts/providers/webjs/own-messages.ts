/**
 * Editing and deleting our own messages with whatsapp-web.js 1.34.7 (Message.edit and
 * Message.delete). The outcome is data; the edit or revoke is also emitted at once, as the
 * phone would report it, so the store shows it through the normal ingest path.
 */
import { REVOKE_WINDOW_MS } from '../../../../common/message-actions';
import type { MessageActionOutcome, ProviderEvent, ProviderRequest } from '../../provider';
import type { WebjsClient } from './client';
import { toMs } from './map';

type Ctx = { readonly accountId: string; readonly client: WebjsClient; emit(e: ProviderEvent): void };

export async function editOwnMessage(
  ctx: Ctx,
  req: Extract<ProviderRequest, { op: 'editMessage' }>,
): Promise<MessageActionOutcome> {
  const m = await ctx.client.getMessageById(req.providerMessageId);
  if (!m) return 'not_found';
  if (!m.fromMe) return 'not_ours';
  // The library answers null when WhatsApp Web refuses: the 15 minutes have passed (or the type cannot be edited).
  const edited = await m.edit(req.text);
  if (!edited) return 'too_late';
  ctx.emit({
    kind: 'edit',
    edit: {
      accountId: ctx.accountId,
      providerMessageId: m.id._serialized,
      body: typeof edited.body === 'string' && edited.body !== '' ? edited.body : req.text,
      editedAt: toMs(edited.latestEditSenderTimestampMs) ?? Date.now(),
    },
  });
  return 'done';
}

export async function deleteOwnMessage(
  ctx: Ctx,
  req: Extract<ProviderRequest, { op: 'deleteMessage' }>,
): Promise<MessageActionOutcome> {
  const m = await ctx.client.getMessageById(req.providerMessageId);
  if (!m) return 'not_found';
  if (!m.fromMe) return 'not_ours';
  // delete(true) quietly deletes for us only when WhatsApp Web refuses the revoke: the customer
  // would keep the message while the team believed it gone. Past the window, refuse instead.
  if (Date.now() - (toMs(m.timestamp) ?? 0) > REVOKE_WINDOW_MS) return 'too_late';
  await m.delete(true);
  ctx.emit({
    kind: 'revoke',
    revoke: { accountId: ctx.accountId, providerMessageId: m.id._serialized, revokedAt: Date.now() },
  });
  return 'done';
}
