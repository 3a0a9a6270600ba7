/**
 * Which of our own sent messages WhatsApp lets us edit or delete for everyone, and until
 * when. Pure, so the core (which enforces it) and the renderer (which offers the actions)
 * agree. whatsapp-web.js checks the same on the phone's side (canEditText / canSenderRevokeMsg)
 * but its delete() silently falls back to "delete for me" when the check fails, so we check first.
 */
import type { Message } from './domain';

/** WhatsApp accepts an edit for 15 minutes after sending. */
export const EDIT_WINDOW_MS = 15 * 60 * 1000;
/** "Delete for everyone" is accepted for about two days after sending. */
export const REVOKE_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;

/** Why an action is refused: the same codes the core commands answer with. */
export type MessageActionRefusal = 'forbidden' | 'too_late' | 'invalid_args';

type Sent = Pick<Message, 'fromMe' | 'type' | 'revoked' | 'ack' | 'timestamp' | 'clientMessageId' | 'id'>;

/** Our message that WhatsApp has (not queued, not failed, not deleted already). */
function ownSent(m: Sent): boolean {
  return m.fromMe && !m.revoked && m.ack !== 'pending' && m.ack !== 'failed' && !m.id.startsWith('local:');
}

/** null when the message can be edited now; else why not. Only text messages are edited. */
export function editRefusal(m: Sent, now: number): MessageActionRefusal | null {
  if (!ownSent(m)) return 'forbidden';
  if (m.type !== 'text') return 'invalid_args';
  return now - m.timestamp > EDIT_WINDOW_MS ? 'too_late' : null;
}

/** null when the message can be deleted for everyone now; else why not. */
export function revokeRefusal(m: Sent, now: number): MessageActionRefusal | null {
  if (!ownSent(m)) return 'forbidden';
  if (m.type === 'system') return 'invalid_args';
  return now - m.timestamp > REVOKE_WINDOW_MS ? 'too_late' : null;
}
