/**
 * The OpenAPI 3.1 document of /api/v1, generated from the endpoint table and its zod
 * schemas (the socket protocol's own), so the document cannot drift from what is served.
 */
import { z } from 'zod';
import { API_SCOPES } from '../../../../common/protocol-api-keys';
import type { Endpoint } from './endpoint';
import { ENDPOINTS } from './endpoints';
import { PROBLEM_TYPE, problemSchema } from './problem';

type Json = Record<string, unknown>;

/** JSON Schema 2020-12 is OpenAPI 3.1's own dialect; only the `$schema` line is left out. */
function schemaOf(schema: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
  return rest;
}

const RATE_HEADERS: Json = {
  'RateLimit-Limit': { description: 'Calls allowed per minute for this key', schema: { type: 'integer' } },
  'RateLimit-Remaining': { description: 'Calls left in this minute', schema: { type: 'integer' } },
  'RateLimit-Reset': { description: 'Seconds until the minute ends', schema: { type: 'integer' } },
};

const problemResponse = (description: string): Json => ({
  description,
  headers: RATE_HEADERS,
  content: { [PROBLEM_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
});

function parametersOf(ep: Endpoint): Json[] {
  const out: Json[] = [];
  if (ep.path.includes('{chatId}'))
    out.push({
      name: 'chatId',
      in: 'path',
      required: true,
      description: '`accountId:jid`, URL-encoded or not (`acc_1:628123@c.us`)',
      schema: { type: 'string' },
    });
  if (ep.path.includes('{contactId}'))
    out.push({
      name: 'contactId',
      in: 'path',
      required: true,
      description: '`accountId:jid` (or `accountId:lid` for a contact known only by its lid), URL-encoded or not',
      schema: { type: 'string' },
    });
  if (ep.path.includes('{messageId}'))
    out.push({
      name: 'messageId',
      in: 'path',
      required: true,
      description: 'The message’s `providerMessageId`, URL-encoded',
      schema: { type: 'string' },
    });
  const query = ep.query ? schemaOf(ep.query, 'input') : null;
  const required = new Set((query?.['required'] as string[] | undefined) ?? []);
  for (const [name, schema] of Object.entries((query?.['properties'] as Json | undefined) ?? {}))
    out.push({ name, in: 'query', required: required.has(name), schema });
  if (ep.method !== 'GET')
    out.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'Any unique string (a UUID); a retry with the same key gets the first answer and writes nothing',
      schema: { type: 'string', minLength: 1, maxLength: 200 },
    });
  return out;
}

function operationOf(ep: Endpoint): Json {
  const ok: Json = {
    description:
      ep.status === 202 ? 'Accepted: queued for the number’s host desktop' : ep.status === 201 ? 'Created' : 'OK',
    headers: { ...RATE_HEADERS, ...(ep.method === 'GET' ? { ETag: { schema: { type: 'string' } } } : {}) },
    content: ep.raw?.response
      ? { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } }
      : { 'application/json': { schema: schemaOf(ep.response, 'output') } },
  };
  const body = ep.raw?.request
    ? { requestBody: { required: true, content: { '*/*': { schema: { type: 'string', format: 'binary' } } } } }
    : ep.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(ep.body, 'input') } } } }
      : {};
  return {
    operationId: ep.operationId,
    summary: ep.summary,
    description: `Needs the scope \`${ep.scope}\`.`,
    'x-scope': ep.scope,
    parameters: parametersOf(ep),
    ...body,
    responses: {
      [String(ep.status)]: ok,
      ...(ep.method === 'GET' ? { '304': { description: 'Not modified (If-None-Match matched the ETag)' } } : {}),
      '400': problemResponse('Malformed path, query or body (`/problems/invalid_args`)'),
      '401': problemResponse('Missing, unknown or revoked key (`/problems/unauthenticated`)'),
      '403': problemResponse('The key lacks the scope (`/problems/forbidden`)'),
      '404': problemResponse('No such chat, or not on the key’s numbers (`/problems/not_found`)'),
      '409': problemResponse('The chat changed since you read it, or the Idempotency-Key is in use'),
      '429': problemResponse('Too many calls this minute (`/problems/rate_limited`)'),
    },
  };
}

export function openApiDocument(endpoints: readonly Endpoint[] = ENDPOINTS): Json {
  const paths: Record<string, Json> = {};
  for (const ep of endpoints) paths[ep.path] = { ...paths[ep.path], [ep.method.toLowerCase()]: operationOf(ep) };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Blazz Desk workspace API',
      version: '1',
      description:
        'Chats, messages and members of a Blazz Desk workspace, for CRMs and scripts. ' +
        `Authenticate with an API key (Settings → Integrations). Scopes: ${API_SCOPES.join(', ')}.`,
    },
    servers: [{ url: '/api/v1' }],
    security: [{ apiKey: [] }],
    paths,
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: '`bdk_…` API key' } },
      schemas: { Problem: schemaOf(problemSchema, 'output') },
    },
  };
}
