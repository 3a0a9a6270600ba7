/**
 * Names of Cloud API things in the product's own id space. A Cloud API number is an account
 * like any other; its chats are keyed by the customer's phone jid and its messages by their
 * WhatsApp id (`wamid.…`), which is base64 and carries `+`, `/` and `=` that our provider
 * message ids do not allow. The mapping is reversible so replies and reactions can quote the
 * original id back to Graph.
 */
import { PROVIDER_MESSAGE_ID_PATTERN } from '../ids';

/** The provider kind of a number hosted by the workspace server on Meta's Cloud API. */
export const CLOUD_PROVIDER = 'meta';

/** Meta's phone-number ids and WhatsApp Business Account ids are decimal strings. */
export const GRAPH_ID_PATTERN = /^\d{1,30}$/;

/** The account id of a Cloud API number: stable, derived from Meta's phone-number id. */
export const cloudAccountId = (phoneNumberId: string): string => `meta_${phoneNumberId}`;

/** `wamid.HBg…+/=` → `wamid.HBg…-_@`: base64 never holds `-`, `_` or `@`, so it reverses. */
export function providerIdOfWamid(wamid: string): string | null {
  const id = wamid.replace(/\+/g, '-').replace(/\//g, '_').replace(/=/g, '@');
  return PROVIDER_MESSAGE_ID_PATTERN.test(id) ? id : null;
}

export function wamidOfProviderId(id: string): string {
  return id.replace(/-/g, '+').replace(/_/g, '/').replace(/@/g, '=');
}

/** A customer's WhatsApp id (digits, country code first) as the jid chats are keyed by. */
export function jidOfWaId(waId: string): string | null {
  return /^\d{5,20}$/.test(waId) ? `${waId}@c.us` : null;
}

/** The number Graph sends to, from a chat's jid; null for groups and privacy ids. */
export function waIdOfJid(jid: string): string | null {
  const m = /^(\d{5,20})@(c\.us|s\.whatsapp\.net)$/.exec(jid);
  return m ? m[1]! : null;
}
