/**
 * REST endpoints of Cloud API numbers (docs/api.md): their approved-template list and a
 * template send, so a CRM can reach a customer whose 24-hour window has closed. Each runs
 * the socket handler of the same command, so who may see and send what is decided once.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { CLOUD_REPLY_SCHEMAS, cloudTemplateSendSchema } from '../../../../common/protocol-cloud';
import { wireSendSchema } from '../../../../common/wire-schemas';
import type { Endpoint } from './endpoint';
import { endpoint } from './endpoint';
import { chatIdOf } from './params';

const templatesQuery = z.strictObject({
  account: z.string().min(1).max(64).describe('The Cloud API number (account id, `meta_<phone number id>`)'),
});

export const CLOUD_ENDPOINTS: readonly Endpoint[] = [
  endpoint({
    method: 'GET',
    path: '/templates',
    operationId: 'listTemplates',
    summary:
      'The message templates of a Cloud API number, from its WhatsApp Business Account (only APPROVED ones can be sent)',
    scope: 'messages:send',
    query: templatesQuery,
    response: CLOUD_REPLY_SCHEMAS['cloud:templates'],
    status: 200,
    run: input => input.handlers['cloud:templates'](input.caller, { accountId: input.query.account }),
  }),
  endpoint({
    method: 'POST',
    path: '/chats/{chatId}/templates',
    operationId: 'sendTemplate',
    summary: 'Send an approved template in a Cloud API chat, also after its 24-hour window has closed (202: queued)',
    scope: 'messages:send',
    body: cloudTemplateSendSchema.pick({ name: true, language: true, parameters: true, header: true, buttons: true }),
    response: wireSendSchema,
    status: 202,
    run: input =>
      input.handlers['cloud:send-template'](input.caller, {
        clientMessageId: randomUUID(),
        chatId: chatIdOf(input),
        name: input.body.name,
        language: input.body.language,
        parameters: input.body.parameters,
        ...(input.body.header ? { header: input.body.header } : {}),
        ...(input.body.buttons ? { buttons: input.body.buttons } : {}),
      }),
  }),
];
