/**
 * The simulated phone edits or deletes one of our sent messages as WhatsApp would: only our
 * own, only within WhatsApp's windows, and it reports the change back as the same edit or
 * revoke event a phone sends, so the store shows it as it shows the customer's.
 */
import { EDIT_WINDOW_MS, REVOKE_WINDOW_MS } from '../../../../common/message-actions';
import type { MessageActionOutcome, ProviderEvent, ProviderRequest } from '../../provider';
import type { SimMessage } from './world';

type Ctx = {
  readonly accountId: string;
  readonly extras: Map<string, SimMessage>;
  emit(e: ProviderEvent): void;
};

export function ownMessageAction(
  m: SimMessage | undefined,
  req: Extract<ProviderRequest, { op: 'editMessage' | 'deleteMessage' }>,
  ctx: Ctx,
): MessageActionOutcome {
  if (!m || m.input.chatJid !== req.chatJid || m.input.revoked) return 'not_found';
  if (!m.input.fromMe) return 'not_ours';
  const now = Date.now();
  const id = m.input.providerMessageId;
  if (req.op === 'editMessage') {
    if (m.input.type !== 'text' || now - m.input.timestamp > EDIT_WINDOW_MS) return 'too_late';
    // Kept, so a catch-up after a reconnect still has the new text.
    ctx.extras.set(id, { ...m, input: { ...m.input, body: req.text, edited: true } });
    ctx.emit({
      kind: 'edit',
      edit: { accountId: ctx.accountId, providerMessageId: id, body: req.text, editedAt: now },
    });
    return 'done';
  }
  if (now - m.input.timestamp > REVOKE_WINDOW_MS) return 'too_late';
  ctx.extras.set(id, { ...m, input: { ...m.input, revoked: true } });
  ctx.emit({ kind: 'revoke', revoke: { accountId: ctx.accountId, providerMessageId: id, revokedAt: now } });
  return 'done';
}
