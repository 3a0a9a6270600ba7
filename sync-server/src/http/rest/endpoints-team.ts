/**
 * REST endpoints beyond chats and messages (docs/api.md): internal notes, contacts and
 * reports. Like endpoints.ts, each runs the socket handler of the same command (notes,
 * reports) or reads through the key's numbers only (contacts), so who may see what is
 * decided once.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { noteAddSchema } from '../../../../common/protocol';
import { contactPatchSchema } from '../../../../common/protocol-contacts';
import {
  reportDaySchema,
  reportsConversationsSchema,
  reportsGetSchema,
  reportTimeZoneSchema,
  wireReportConversationsPageSchema,
  wireReportSchema,
} from '../../../../common/protocol-reports';
import { splitChatId } from '../../../../common/ids';
import { CommandError } from '../../../../common/result';
import { wireContactSchema, wireNoteSchema } from '../../../../common/wire-schemas';
import { getContactOf, listContactsAcross } from '../../db/repositories/api-contacts';
import { toWireContact } from '../../db/repositories/contact-profile';
import { requireAccount } from '../../handlers/access';
import { cursorParam, decodeCursor, encodeCursor } from './cursor';
import type { Endpoint, EndpointInput } from './endpoint';
import { endpoint } from './endpoint';
import { chatIdOf, limitParam, page } from './params';

/** A query the socket schema checks again (ranges, time zones): its issues become a 400. */
function checked<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 5).map(i => ({ path: i.path.map(String).join('.'), message: i.message }));
  throw new CommandError('invalid_args', 'invalid query', { issues });
}

const contactsQuery = z.strictObject({
  account: z.string().max(64).optional().describe('Only this number (account id)'),
  q: z.string().trim().min(1).max(100).optional().describe('Text found in the name, push name or phone'),
  cursor: cursorParam,
  limit: limitParam(500, 100),
});
const contactCursor = z.tuple([z.string(), z.string()]);

async function listContacts(
  { caller, services }: Pick<EndpointInput, 'caller' | 'services'>,
  q: z.output<typeof contactsQuery>,
) {
  if (q.account !== undefined) requireAccount(caller, q.account);
  const after = decodeCursor(contactCursor, q.cursor);
  const rows = await listContactsAcross(services.db, {
    accountIds: q.account !== undefined ? [q.account] : [...caller.viewer.accountIds],
    search: q.q,
    after: after ? { accountId: after[0], key: after[1] } : null,
    limit: q.limit,
  });
  const last = rows[rows.length - 1];
  return {
    data: rows.map(toWireContact),
    nextCursor: rows.length === q.limit && last ? encodeCursor([last.accountId, last.key]) : null,
  };
}

/** A contact a client names by `accountId:jid` (or lid), on a number the key may act on. */
async function getContact({ caller, services, contactId }: Pick<EndpointInput, 'caller' | 'services' | 'contactId'>) {
  const id = splitChatId(contactId);
  if (!id) throw new CommandError('invalid_args', 'not a contact id (accountId:jid)');
  requireAccount(caller, id.accountId);
  const row = await getContactOf(services.db, id.accountId, id.jid);
  if (!row) throw new CommandError('not_found', 'no such contact');
  return toWireContact(row);
}

/**
 * PATCH a contact: the same change as the desktop's customer panel (contact:update). The
 * id is `accountId:jid`, which is also the customer's chat id on that number.
 */
async function updateContact(
  input: Pick<EndpointInput, 'caller' | 'handlers' | 'contactId'>,
  patch: z.output<typeof contactPatchSchema>,
) {
  const id = splitChatId(input.contactId);
  if (!id) throw new CommandError('invalid_args', 'not a contact id (accountId:jid)');
  requireAccount(input.caller, id.accountId);
  return input.handlers['contact:update'](input.caller, { chatId: input.contactId, ...patch });
}

const reportFilter = {
  from: reportDaySchema.describe('First day, YYYY-MM-DD, in timeZone'),
  to: reportDaySchema.describe('Last day (included), at most 366 days after from'),
  timeZone: reportTimeZoneSchema.describe('IANA time zone the days are cut in, e.g. Asia/Jakarta'),
  accountId: z.string().min(1).max(200).optional().describe('Only this number'),
  memberId: z.string().uuid().optional().describe('Only conversations assigned to this member'),
  tag: z.string().trim().min(1).max(50).optional().describe('Only chats with this tag'),
  // A query string has no booleans: only these two words, so `businessHours=1` is a 400, not a guess.
  businessHours: z
    .enum(['true', 'false'])
    .default('false')
    .describe(
      "true: count business hours only (first response, resolution and SLA due times in each number's open time)",
    )
    .transform(v => v === 'true'),
};
const reportsQuery = z.strictObject({ ...reportFilter, bucket: z.enum(['day', 'week']).default('day') });
const reportConversationsQuery = z.strictObject({
  ...reportFilter,
  status: z.enum(['all', 'resolved', 'open', 'reopened']).default('all'),
  cursor: z.string().min(1).max(200).optional().describe('nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(1000).default(500).describe('Conversations per page, 1–1000'),
});

export const TEAM_ENDPOINTS: readonly Endpoint[] = [
  endpoint({
    method: 'GET',
    path: '/chats/{chatId}/notes',
    operationId: 'listNotes',
    summary: 'The team’s internal notes on the chat, oldest first (customers never see them)',
    scope: 'notes:read',
    response: z.array(wireNoteSchema),
    status: 200,
    run: async input => (await input.handlers['chat:get'](input.caller, { chatId: chatIdOf(input) })).notes,
  }),
  endpoint({
    method: 'POST',
    path: '/chats/{chatId}/notes',
    operationId: 'addNote',
    summary: 'Add an internal note to the chat, written as the admin who created the key',
    scope: 'notes:write',
    body: noteAddSchema.pick({ body: true }),
    response: wireNoteSchema,
    status: 201,
    run: input =>
      input.handlers['note:add'](input.caller, {
        chatId: chatIdOf(input),
        body: input.body.body,
        clientNoteId: randomUUID(),
      }),
  }),
  endpoint({
    method: 'GET',
    path: '/contacts',
    operationId: 'listContacts',
    summary: 'Contacts of the key’s numbers, by number and key, one page at a time',
    scope: 'contacts:read',
    query: contactsQuery,
    response: page(wireContactSchema),
    status: 200,
    run: input => listContacts(input, input.query),
  }),
  endpoint({
    method: 'GET',
    path: '/contacts/{contactId}',
    operationId: 'getContact',
    summary: 'One contact of a number the key may act on, by `accountId:jid` (or lid)',
    scope: 'contacts:read',
    response: wireContactSchema,
    status: 200,
    run: getContact,
  }),
  endpoint({
    method: 'PATCH',
    path: '/contacts/{contactId}',
    operationId: 'updateContact',
    summary:
      'Set the team’s name (null clears it) and labels of a customer; reaches the same person on every number the key may act on',
    scope: 'contacts:write',
    body: contactPatchSchema,
    response: wireContactSchema,
    status: 200,
    run: input => updateContact(input, input.body),
  }),
  endpoint({
    method: 'GET',
    path: '/reports',
    operationId: 'getReport',
    summary: 'The report figures for a range (docs/reports.md), over the key’s numbers',
    scope: 'reports:read',
    query: reportsQuery,
    response: wireReportSchema,
    status: 200,
    run: input => input.handlers['reports:get'](input.caller, checked(reportsGetSchema, input.query)),
  }),
  endpoint({
    method: 'GET',
    path: '/reports/conversations',
    operationId: 'listReportConversations',
    summary: 'The conversations behind the report figures, one page at a time',
    scope: 'reports:read',
    query: reportConversationsQuery,
    response: wireReportConversationsPageSchema,
    status: 200,
    run: input =>
      input.handlers['reports:conversations'](input.caller, checked(reportsConversationsSchema, input.query)),
  }),
];
