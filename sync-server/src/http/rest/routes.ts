/**
 * The REST API's entries of the one route table (http/routes.ts): every endpoint of
 * endpoints.ts under /api/v1, the OpenAPI document and its readable page.
 */
import { send } from '../respond';
import type { Route } from '../route';
import { docsPage } from './docs-page';
import { ENDPOINTS } from './endpoints';
import { openApiDocument } from './openapi';
import { serveEndpoint } from './serve';

/** Chat and contact ids are `accountId:jid`; the path may carry them as they are or URL-encoded. */
const CHAT_PARAM = /^[A-Za-z0-9_.:@%-]{3,400}$/;
/** A message's provider id (a wamid's, a WhatsApp Web id), URL-encoded or not. */
const MESSAGE_PARAM = /^[A-Za-z0-9_.:@%=+-]{1,300}$/;

// Built once: the document is a pure function of the table.
const DOCUMENT = openApiDocument();
const PAGE = docsPage(DOCUMENT);

export const REST_ROUTES: readonly Route[] = [
  {
    method: 'GET',
    path: '/api/v1/openapi.json',
    handle: ({ res }) => send(res, 200, DOCUMENT, { 'cache-control': 'public, max-age=300' }),
  },
  {
    method: 'GET',
    path: '/api/v1/docs',
    handle: ({ res }) => {
      if (res.headersSent) return void res.destroy();
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
        'x-content-type-options': 'nosniff',
      });
      res.end(PAGE);
    },
  },
  ...ENDPOINTS.map((ep): Route => ({
    method: ep.method,
    path: `/api/v1${ep.path
      .replace('{chatId}', ':chatId')
      .replace('{contactId}', ':contactId')
      .replace('{messageId}', ':messageId')}`,
    params: { chatId: CHAT_PARAM, contactId: CHAT_PARAM, messageId: MESSAGE_PARAM },
    handle: ctx => serveEndpoint(ctx, ep),
  })),
];
