/**
 * Every string the command and ingest schemas allow fits the column it is stored in
 * (issue #15, point 8), read from the table definitions rather than restated: varchar and
 * char count characters; TEXT types count bytes, and zod counts UTF-16 units, of which
 * one can take three bytes in utf8mb4.
 */
import { getTableConfig } from 'drizzle-orm/mysql-core';
import type { MySqlColumn, MySqlTable } from 'drizzle-orm/mysql-core';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { chatIdSchema } from '../../../common/ids';
import {
  chatInputSchema,
  contactInputSchema,
  editUpdateSchema,
  locationSchema,
  mediaInputSchema,
  messageInputSchema,
  reactionInputSchema,
} from '../../../common/ingest';
import {
  accountRegisterSchema,
  accountStateSchema,
  handoverSchema,
  loginSchema,
  memberCreateSchema,
  memberUpdateSchema,
  messageSendSchema,
  noteAddSchema,
  sendReportSchema,
  templateUpsertSchema,
} from '../../../common/protocol';
import * as tables from '../../../sync-server/src/db/schema';

const TEXT_BYTES: Record<string, number> = { text: 65_535, mediumtext: 16_777_215, longtext: 4_294_967_295 };
const BYTES_PER_UNIT = 3;

type Shape = { shape: Record<string, z.ZodType> };
function field(schema: z.ZodType, key: string): z.ZodString {
  let s = (schema as unknown as Shape).shape[key]!;
  for (;;) {
    const def = s._zod.def as { type: string; innerType?: z.ZodType };
    if (!def.innerType) return s as z.ZodString;
    s = def.innerType;
  }
}

function column(table: MySqlTable, name: string): MySqlColumn {
  const c = getTableConfig(table).columns.find(col => col.name === name);
  if (!c) throw new Error(`${getTableConfig(table).name}.${name} is not a column`);
  return c;
}

/** [schema field, where it is stored]. */
const STORED: Array<[string, z.ZodString, MySqlTable, string]> = [
  ['member:create email', field(memberCreateSchema, 'email'), tables.members, 'email'],
  ['member:create name', field(memberCreateSchema, 'name'), tables.members, 'name'],
  ['member:update name', field(memberUpdateSchema, 'name'), tables.members, 'name'],
  ['login deviceName', field(loginSchema, 'deviceName'), tables.sessions, 'device_name'],
  ['account:register accountId', field(accountRegisterSchema, 'accountId'), tables.accounts, 'id'],
  ['account:register name', field(accountRegisterSchema, 'name'), tables.accounts, 'name'],
  ['account:report-state state', field(accountStateSchema, 'state'), tables.accounts, 'state'],
  ['chat accountId', field(chatInputSchema, 'accountId'), tables.chats, 'account_id'],
  ['chat jid', field(chatInputSchema, 'jid'), tables.chats, 'jid'],
  ['chat name', field(chatInputSchema, 'name'), tables.chats, 'name'],
  ['chat id', chatIdSchema, tables.chats, 'id'],
  ['chat id (messages)', chatIdSchema, tables.messages, 'chat_id'],
  ['chat id (notes)', chatIdSchema, tables.notes, 'chat_id'],
  ['chat id (events)', chatIdSchema, tables.events, 'chat_id'],
  ['chat id (audit)', chatIdSchema, tables.auditLog, 'chat_id'],
  ['chat id (sends)', chatIdSchema, tables.sends, 'chat_id'],
  ['contact jid', field(contactInputSchema, 'jid'), tables.contacts, 'jid'],
  ['contact key', field(contactInputSchema, 'jid'), tables.contacts, 'contact_key'],
  ['contact lid', field(contactInputSchema, 'lid'), tables.contacts, 'lid'],
  ['contact name', field(contactInputSchema, 'name'), tables.contacts, 'name'],
  ['contact pushName', field(contactInputSchema, 'pushName'), tables.contacts, 'push_name'],
  ['message accountId', field(messageInputSchema, 'accountId'), tables.messages, 'account_id'],
  ['message providerMessageId', field(messageInputSchema, 'providerMessageId'), tables.messages, 'provider_message_id'],
  ['message author', field(messageInputSchema, 'author'), tables.messages, 'author'],
  ['message authorName', field(messageInputSchema, 'authorName'), tables.messages, 'author_name'],
  ['message body', field(messageInputSchema, 'body'), tables.messages, 'body'],
  ['message caption', field(messageInputSchema, 'caption'), tables.messages, 'caption'],
  [
    'message quoted id',
    field(messageInputSchema, 'quotedProviderMessageId'),
    tables.messages,
    'quoted_provider_message_id',
  ],
  ['edit body', field(editUpdateSchema, 'body'), tables.messages, 'body'],
  ['reaction senderJid', field(reactionInputSchema, 'senderJid'), tables.messageReactions, 'sender_jid'],
  ['reaction emoji', field(reactionInputSchema, 'emoji'), tables.messageReactions, 'emoji'],
  ['note body', field(noteAddSchema, 'body'), tables.notes, 'body'],
  ['handover note', field(handoverSchema, 'note'), tables.notes, 'body'],
  ['handover draft', field(handoverSchema, 'draft'), tables.notes, 'draft'],
  ['handover summary', field(handoverSchema, 'summary'), tables.notes, 'summary'],
  ['message:send body', field(messageSendSchema, 'body'), tables.sends, 'body'],
  [
    'message:send quoted id',
    field(messageSendSchema, 'quotedProviderMessageId'),
    tables.sends,
    'quoted_provider_message_id',
  ],
  ['send:report providerMessageId', field(sendReportSchema, 'providerMessageId'), tables.sends, 'provider_message_id'],
  ['send:report error', field(sendReportSchema, 'error'), tables.sends, 'error'],
  ['template title', field(templateUpsertSchema, 'title'), tables.templates, 'title'],
  ['template body', field(templateUpsertSchema, 'body'), tables.templates, 'body'],
];

describe('schema limits fit their columns', () => {
  for (const [what, schema, table, name] of STORED) {
    it(`${what} → ${getTableConfig(table).name}.${name}`, () => {
      const max = schema.maxLength;
      expect(max, `${what} has no length limit`).not.toBeNull();
      const col = column(table, name);
      const type = col.getSQLType().replace(/\(.*\)$/, '');
      const bytes = TEXT_BYTES[type];
      if (bytes !== undefined) expect(max! * BYTES_PER_UNIT, what).toBeLessThanOrEqual(bytes);
      else {
        const length = (col as unknown as { length?: number }).length;
        expect(length, `${type} column without a length`).toBeTypeOf('number');
        expect(max!, what).toBeLessThanOrEqual(length!);
      }
    });
  }

  // JSON-encoded: a character escaped as \u0000 takes six bytes, plus quotes and keys.
  const JSON_BYTES_PER_UNIT = 6;
  for (const [what, schema, name] of [
    ['media', mediaInputSchema, 'media'],
    ['location', locationSchema, 'location'],
  ] as const) {
    it(`message ${what} JSON → messages.${name}`, () => {
      const shape = (schema as unknown as Shape).shape;
      const strings = Object.keys(shape)
        .map(k => field(schema, k))
        .filter(f => f._zod.def.type === 'string');
      const units = strings.reduce((sum, f) => sum + (f.maxLength ?? 64), 0);
      const bytes = TEXT_BYTES[column(tables.messages, name).getSQLType()]!;
      expect(units * JSON_BYTES_PER_UNIT + 1_000, what).toBeLessThanOrEqual(bytes);
    });
  }
});
