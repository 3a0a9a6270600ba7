/**
 * The OpenAPI document is one a client generator can use: openapi-typescript turns it into
 * types, and typed example calls (the ones docs/api.md shows) compile against them with
 * tsc; a call the API would refuse (a missing field, a wrong status) must not compile.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { validate } from '@readme/openapi-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../sync-server/src/http/rest/openapi';

const BIN = resolve('node_modules/.bin');
const dir = mkdtempSync(join(tmpdir(), 'blazz-openapi-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EXAMPLES = `
import type { paths } from './api';

type Json<P extends keyof paths, M extends keyof paths[P], S extends number> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;
type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer T } };
}
  ? T
  : never;

// List open chats of one number, then the next page.
const query: paths['/chats']['get']['parameters']['query'] = { status: 'open', account: 'acc_1', limit: 50 };
const page: Json<'/chats', 'get', 200> = { data: [], nextCursor: null };
const next: string | null = page.nextCursor;
const firstStatus: 'open' | 'pending' | 'resolved' | undefined = page.data[0]?.status;

// Send a text and read the queued send.
const send: Body<'/chats/{chatId}/messages', 'post'> = { body: 'Your order shipped' };
declare const queued: Json<'/chats/{chatId}/messages', 'post', 202>;
const state: 'queued' | 'forwarded' | 'sent' | 'failed' = queued.state;

// Assign, set status, tags; a problem's type is a string.
const assign: Body<'/chats/{chatId}/assign', 'post'> = { assigneeId: null, version: 3 };
const status: Body<'/chats/{chatId}/status', 'post'> = { status: 'resolved' };
const tags: Body<'/chats/{chatId}/tags', 'put'> = { tags: ['vip'] };
declare const members: Json<'/members', 'get', 200>;
const role: 'admin' | 'lead' | 'agent' | undefined = members[0]?.role;

// Send a file uploaded with POST /media, the body as its caption.
const withFile: Body<'/chats/{chatId}/messages', 'post'> = { body: 'Your invoice', media: { sha256: 'ab12' } };

// @ts-expect-error a file to send is named by its sha256
const noBody: Body<'/chats/{chatId}/messages', 'post'> = { media: { fileName: 'invoice.pdf' } };
// @ts-expect-error no such status
const badStatus: Body<'/chats/{chatId}/status', 'post'> = { status: 'closed' };

export { query, next, firstStatus, send, withFile, state, assign, status, tags, role, noBody, badStatus };
`;

describe('the OpenAPI document', () => {
  it('validates as OpenAPI 3.1', async () => {
    const result = await validate(structuredClone(openApiDocument()) as never);
    expect(result).toMatchObject({ valid: true });
  });

  it('generates a TypeScript client that the documented example calls compile against', () => {
    writeFileSync(join(dir, 'openapi.json'), JSON.stringify(openApiDocument()));
    execFileSync(join(BIN, 'openapi-typescript'), [join(dir, 'openapi.json'), '-o', join(dir, 'api.ts')], {
      stdio: 'pipe',
    });
    writeFileSync(join(dir, 'examples.ts'), EXAMPLES);
    const tsc = () =>
      execFileSync(
        join(BIN, 'tsc'),
        [
          '--noEmit',
          '--strict',
          '--target',
          'es2022',
          '--module',
          'esnext',
          '--moduleResolution',
          'bundler',
          join(dir, 'examples.ts'),
        ],
        { stdio: 'pipe', encoding: 'utf8' },
      );
    expect(() => tsc()).not.toThrow();
  }, 120_000);
});
