/**
 * Every REST endpoint under /api/v1 (docs/api.md). Bodies are the socket commands' own
 * schemas minus the chat id (it is in the path); each endpoint runs the socket handler of
 * the same command, so permissions, visibility and versions are checked once, there.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { canSeeChat } from '../../../../common/permissions';
import {
  chatAssignSchema,
  chatStatusSchema,
  chatStatusUpdateSchema,
  chatTagsSchema,
} from '../../../../common/protocol';
import { uuidSchema } from '../../../../common/ids';
import {
  wireAccountSchema,
  wireChatSchema,
  wireMemberSchema,
  wireMessageSchema,
  wireSendSchema,
} from '../../../../common/wire-schemas';
import { listChatsAcross } from '../../db/repositories/api-chats';
import { toWireChat } from '../../db/repositories/chats';
import { requireAccount } from '../../handlers/access';
import type { ApiCaller } from './caller';
import { cursorParam, decodeCursor, encodeCursor } from './cursor';
import type { Endpoint, EndpointInput } from './endpoint';
import { endpoint } from './endpoint';
import { CLOUD_ENDPOINTS } from './endpoints-cloud';
import { MEDIA_ENDPOINTS, attachmentOfMedia, restSendSchema } from './endpoints-media';
import { TEAM_ENDPOINTS } from './endpoints-team';
import { renderTeamTemplate } from './team-template';
import { chatIdOf, limitParam, page } from './params';

/** Writes take the version the client read; without one, the chat's current version (last write wins). */
async function versionOf(input: Omit<EndpointInput, 'query' | 'body'>, chatId: string, sent?: number): Promise<number> {
  if (sent !== undefined) return sent;
  return (await input.handlers['chat:get'](input.caller, { chatId })).chat.version;
}

const versionField = z
  .number()
  .int()
  .nonnegative()
  .optional()
  .describe('The chat version you read; a stale one is a 409 with the current chat. Leave out to overwrite');

const chatsQuery = z.strictObject({
  status: chatStatusSchema.optional(),
  assignee: z
    .union([uuidSchema, z.literal('none')])
    .optional()
    .describe('A member id, or `none` for unassigned'),
  account: z.string().max(64).optional().describe('Only this number (account id)'),
  cursor: cursorParam,
  limit: limitParam(200, 50),
});
const chatCursor = z.tuple([z.string(), z.string()]);

async function listChats(caller: ApiCaller, services: EndpointInput['services'], q: z.output<typeof chatsQuery>) {
  if (q.account !== undefined) requireAccount(caller, q.account);
  const after = decodeCursor(chatCursor, q.cursor);
  const rows = await listChatsAcross(services.db, {
    accountIds: q.account !== undefined ? [q.account] : [...caller.viewer.accountIds],
    status: q.status,
    assigneeId: q.assignee === 'none' ? null : q.assignee,
    after: after ? { accountId: after[0], chatId: after[1] } : null,
    limit: q.limit,
  });
  const visible = rows.filter(c => canSeeChat(caller.viewer, c, caller.settings)).map(toWireChat);
  const last = rows[rows.length - 1];
  return {
    data: visible,
    nextCursor: rows.length === q.limit && last ? encodeCursor([last.accountId, last.id]) : null,
  };
}

const messagesQuery = z.strictObject({ cursor: cursorParam, limit: limitParam(200, 50) });
const messageCursor = z.tuple([z.number().int(), z.number().int()]);

const CHAT_ENDPOINTS: readonly Endpoint[] = [
  endpoint({
    method: 'GET',
    path: '/numbers',
    operationId: 'listNumbers',
    summary: 'The WhatsApp numbers this key may act on, with their connection state',
    scope: 'chats:read',
    response: z.array(wireAccountSchema),
    status: 200,
    run: ({ caller, handlers }) => handlers['account:list'](caller, {}),
  }),
  endpoint({
    method: 'GET',
    path: '/chats',
    operationId: 'listChats',
    summary: 'Chats of the key’s numbers, filtered, oldest id first, one page at a time',
    scope: 'chats:read',
    query: chatsQuery,
    response: page(wireChatSchema),
    status: 200,
    run: ({ caller, services, query }) => listChats(caller, services, query),
  }),
  endpoint({
    method: 'GET',
    path: '/chats/{chatId}',
    operationId: 'getChat',
    summary: 'One chat',
    scope: 'chats:read',
    response: wireChatSchema,
    status: 200,
    run: async input => (await input.handlers['chat:get'](input.caller, { chatId: chatIdOf(input) })).chat,
  }),
  endpoint({
    method: 'POST',
    path: '/chats/{chatId}/assign',
    operationId: 'assignChat',
    summary: 'Assign the chat to a member of its number, or back to the queue (null)',
    scope: 'chats:assign',
    body: chatAssignSchema.pick({ assigneeId: true }).extend({ version: versionField }),
    response: wireChatSchema,
    status: 200,
    run: async input => {
      const chatId = chatIdOf(input);
      const version = await versionOf(input, chatId, input.body.version);
      return input.handlers['chat:assign'](input.caller, { chatId, assigneeId: input.body.assigneeId, version });
    },
  }),
  endpoint({
    method: 'POST',
    path: '/chats/{chatId}/status',
    operationId: 'setChatStatus',
    summary: 'Set the chat’s status: open, pending or resolved',
    scope: 'chats:update',
    body: chatStatusUpdateSchema.pick({ status: true }).extend({ version: versionField }),
    response: wireChatSchema,
    status: 200,
    run: async input => {
      const chatId = chatIdOf(input);
      const version = await versionOf(input, chatId, input.body.version);
      return input.handlers['chat:set-status'](input.caller, { chatId, status: input.body.status, version });
    },
  }),
  endpoint({
    method: 'PUT',
    path: '/chats/{chatId}/tags',
    operationId: 'setChatTags',
    summary: 'Replace the chat’s tags',
    scope: 'chats:update',
    body: chatTagsSchema.pick({ tags: true }).extend({ version: versionField }),
    response: wireChatSchema,
    status: 200,
    run: async input => {
      const chatId = chatIdOf(input);
      const version = await versionOf(input, chatId, input.body.version);
      return input.handlers['chat:set-tags'](input.caller, { chatId, tags: input.body.tags, version });
    },
  }),
  endpoint({
    method: 'GET',
    path: '/chats/{chatId}/messages',
    operationId: 'listMessages',
    summary: 'Messages of the chat, newest first, one page at a time',
    scope: 'messages:read',
    query: messagesQuery,
    response: page(wireMessageSchema),
    status: 200,
    run: async input => {
      const chatId = chatIdOf(input);
      const before = decodeCursor(messageCursor, input.query.cursor);
      const limit = input.query.limit;
      const messages = await input.handlers['messages:list'](input.caller, {
        chatId,
        before: before ? { timestamp: before[0], rowId: before[1] } : null,
        limit,
      });
      const last = messages[messages.length - 1];
      return {
        data: messages,
        nextCursor: messages.length === limit && last ? encodeCursor([last.timestamp, last.rowId]) : null,
      };
    },
  }),
  endpoint({
    method: 'POST',
    path: '/chats/{chatId}/messages',
    operationId: 'sendMessage',
    summary:
      'Send a text, a team template (`template`: its shortcut, filled in), or a file uploaded with POST /media (`media`, the body as its caption); relayed to the number’s host like any reply (202: queued)',
    scope: 'messages:send',
    body: restSendSchema,
    response: wireSendSchema,
    status: 202,
    run: async input =>
      input.handlers['message:send'](input.caller, {
        clientMessageId: randomUUID(),
        chatId: chatIdOf(input),
        body:
          input.body.template !== undefined
            ? await renderTeamTemplate(input, chatIdOf(input), input.body.template)
            : input.body.body,
        quotedProviderMessageId: input.body.quotedProviderMessageId,
        attachment: await attachmentOfMedia(input, input.body.media),
      }),
  }),
  endpoint({
    method: 'GET',
    path: '/members',
    operationId: 'listMembers',
    summary: 'The workspace’s members (to find an assignee’s id)',
    scope: 'members:read',
    response: z.array(wireMemberSchema),
    status: 200,
    run: ({ caller, handlers }) => handlers['member:list'](caller, {}),
  }),
];

export const ENDPOINTS: readonly Endpoint[] = [
  ...CHAT_ENDPOINTS,
  ...MEDIA_ENDPOINTS,
  ...TEAM_ENDPOINTS,
  ...CLOUD_ENDPOINTS,
];
