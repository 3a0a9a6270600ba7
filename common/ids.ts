/**
 * Every id's one format, checked wherever an id comes in (the server's command schemas,
 * the provider ingest schemas, the desktop API). Composite keys are built from these:
 * a chat id is `accountId:jid` and a message key `accountId:providerMessageId`, so an
 * account id may never contain ':' — the first ':' is where the account id ends.
 */
import { z } from 'zod';
import { ACCOUNT_ID_PATTERN } from './id-patterns';

export { ACCOUNT_ID_PATTERN } from './id-patterns';
export const accountIdSchema = z.string().max(64).regex(ACCOUNT_ID_PATTERN, 'not an account id');

/**
 * WhatsApp's addresses: a phone number (`@c.us`, `@s.whatsapp.net`) or a privacy id
 * (`@lid`), optionally with a device suffix (`:12`), a group (`@g.us`, old groups as
 * `creator-timestamp`), a channel (`@newsletter`), a broadcast list or the status feed.
 */
export const JID_PATTERN =
  /^(?:\d{1,24}(?::\d{1,3})?@(?:c\.us|s\.whatsapp\.net|lid)|\d{1,24}(?:-\d{1,14})?@g\.us|\d{1,24}@newsletter|(?:\d{1,24}|status)@broadcast)$/;
export const jidSchema = z.string().max(60).regex(JID_PATTERN, 'not a WhatsApp jid');

/**
 * A provider's message id: whatsapp-web.js serializes `fromMe_chatJid_id[_participant]`
 * (`false_628123@c.us_3EB0C0FFEE`); other providers use plain tokens. Printable ASCII
 * without spaces, slashes or quotes.
 */
export const PROVIDER_MESSAGE_ID_PATTERN = /^[A-Za-z0-9@._:-]{1,200}$/;
export const providerMessageIdSchema = z.string().max(200).regex(PROVIDER_MESSAGE_ID_PATTERN, 'not a message id');

/** Members, sessions, notes, templates, client message and batch ids. */
export const uuidSchema = z.uuid();

/** `accountId:jid`, split at the first ':' (account ids cannot contain one). */
export function splitChatId(chatId: string): { accountId: string; jid: string } | null {
  const at = chatId.indexOf(':');
  if (at < 0) return null;
  const accountId = chatId.slice(0, at);
  const jid = chatId.slice(at + 1);
  return ACCOUNT_ID_PATTERN.test(accountId) && JID_PATTERN.test(jid) ? { accountId, jid } : null;
}
export const chatIdSchema = z
  .string()
  .max(125)
  .refine(s => splitChatId(s) !== null, 'not a chat id (accountId:jid)');
