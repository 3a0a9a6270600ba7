/**
 * REST API writes and the protocol around every call: assign, status, tags and sends
 * through the socket handlers, malformed input (400 problems), idempotent retries (the
 * first answer, one write), ETags (304), the per-key rate limit (429 with RateLimit
 * headers), the audit row of each call and the served OpenAPI document.
 */
import { randomUUID } from 'node:crypto';
import { validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireAudit, WireChat, WireSend } from '../../../common/protocol';
import { openApiDocument } from '../../../sync-server/src/http/rest/openapi';
import type { Stack } from './harness';
import { must, startStack } from './harness';
import type { RestWorld } from './rest-helpers';
import { chatPath, rest, restWorld } from './rest-helpers';

const PER_MINUTE = 25;
let stack: Stack;
let w: RestWorld;
beforeAll(async () => {
  stack = await startStack({ limits: { apiPerMinute: PER_MINUTE } });
  w = await restWorld(stack);
}, 60_000);
afterAll(async () => {
  await stack?.stop();
});

const chatOf = async (chatId: string) => (await must(w.admin.socket, 'chat:get', { chatId })).chat;

describe('chat writes', () => {
  it('assigns, sets status and tags through the same rules as the socket', async () => {
    const secret = await w.key(['chats:assign', 'chats:update'], [w.A.accountId]);
    const assigned = await rest(stack, secret, 'POST', chatPath(w.A.chatId, '/assign'), {
      body: { assigneeId: w.agent.id },
    });
    expect(assigned.status).toBe(200);
    expect(assigned.json).toMatchObject({ id: w.A.chatId, assigneeId: w.agent.id });
    expect((await chatOf(w.A.chatId)).assigneeId).toBe(w.agent.id);
    // The handler's own rule: the assignee must work on the number.
    const outsider = await stack.member('agent');
    const refused = await rest(stack, secret, 'POST', chatPath(w.A.chatId, '/assign'), {
      body: { assigneeId: outsider.id },
    });
    expect(refused.json).toMatchObject({ type: '/problems/invalid_args', details: { reason: 'assignee_not_member' } });

    const status = await rest(stack, secret, 'POST', chatPath(w.A.chatId, '/status'), { body: { status: 'resolved' } });
    expect(status.json).toMatchObject({ status: 'resolved' });
    const stale = await rest(stack, secret, 'PUT', chatPath(w.A.chatId, '/tags'), {
      body: { tags: ['vip'], version: 0 },
    });
    expect(stale.status).toBe(409);
    const version = (status.json as unknown as WireChat).version;
    const tags = await rest(stack, secret, 'PUT', chatPath(w.A.chatId, '/tags'), { body: { tags: ['vip'], version } });
    expect(tags.json).toMatchObject({ tags: ['vip'], version: version + 1 });
    // Another number: not found; a scope the key lacks: forbidden.
    expect(
      (await rest(stack, secret, 'POST', chatPath(w.B.chatId, '/status'), { body: { status: 'open' } })).status,
    ).toBe(404);
    const readOnly = await w.key(['chats:read']);
    expect(
      (await rest(stack, readOnly, 'POST', chatPath(w.A.chatId, '/status'), { body: { status: 'open' } })).status,
    ).toBe(403);
  });

  it('answers 400 problems for malformed bodies, queries, ids and cursors', async () => {
    const secret = await w.key(['chats:read', 'chats:update']);
    const bad: Array<[string, string, unknown]> = [
      ['POST', chatPath(w.A.chatId, '/status'), { status: 'closed' }],
      ['POST', chatPath(w.A.chatId, '/status'), { status: 'open', extra: 1 }],
      ['POST', chatPath(w.A.chatId, '/status'), '{not json'],
      ['PUT', chatPath(w.A.chatId, '/tags'), { tags: 'vip' }],
      ['POST', chatPath('no-colon', '/status'), { status: 'open' }],
      ['GET', '/chats?limit=0', undefined],
      ['GET', '/chats?status=closed', undefined],
      ['GET', '/chats?cursor=bm90LWEtY3Vyc29y', undefined],
      ['GET', '/chats?unknown=1', undefined],
    ];
    for (const [method, path, body] of bad) {
      const r = await rest(stack, secret, method, path, body === undefined ? {} : { body });
      expect([r.status, r.json['type']], `${method} ${path}`).toEqual([400, '/problems/invalid_args']);
    }
  });
});

describe('sends', () => {
  it('relays a message to the host and a retry with the same Idempotency-Key writes once', async () => {
    const secret = await w.key(['messages:send'], [w.A.accountId]);
    const offered: WireSend[] = [];
    w.A.host.socket.on('send:requested', s => offered.push(s));
    const key = randomUUID();
    const send = () =>
      rest(stack, secret, 'POST', chatPath(w.A.chatId, '/messages'), {
        body: { body: 'Your order shipped' },
        headers: { 'idempotency-key': key },
      });
    const first = await send();
    expect(first.status).toBe(202);
    expect(first.json).toMatchObject({ body: 'Your order shipped', chatId: w.A.chatId, state: expect.any(String) });
    const again = await send();
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json['clientMessageId']).toBe(first.json['clientMessageId']);
    await expect.poll(() => offered.length).toBe(1);
    const pending = await must(w.A.host.socket, 'send:pending', {});
    expect(pending.filter(s => s.body === 'Your order shipped')).toHaveLength(1);
    // The same key on another route is another request.
    const other = await rest(stack, secret, 'POST', chatPath(w.A.chatId, '/messages'), {
      body: { body: 'Second' },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(other.json['clientMessageId']).not.toBe(first.json['clientMessageId']);
    expect((await rest(stack, secret, 'POST', chatPath(w.A.chatId, '/messages'), { body: { body: '' } })).status).toBe(
      400,
    );
    expect((await rest(stack, secret, 'POST', chatPath(w.B.chatId, '/messages'), { body: { body: 'x' } })).status).toBe(
      404,
    );
  });

  it('an idempotent status change replays its answer after the chat moved on', async () => {
    const secret = await w.key(['chats:update'], [w.B.accountId]);
    const headers = { 'idempotency-key': 'status-once' };
    const first = await rest(stack, secret, 'POST', chatPath(w.B.chatId, '/status'), {
      body: { status: 'pending' },
      headers,
    });
    const version = (await chatOf(w.B.chatId)).version;
    const retry = await rest(stack, secret, 'POST', chatPath(w.B.chatId, '/status'), {
      body: { status: 'pending' },
      headers,
    });
    expect(retry.body).toEqual(first.body);
    expect((await chatOf(w.B.chatId)).version).toBe(version);
  });
});

describe('reads: ETags, rate limit, audit, document', () => {
  it('answers 304 to If-None-Match with the current ETag, 200 after a change', async () => {
    const secret = await w.key(['chats:read', 'chats:update']);
    const first = await rest(stack, secret, 'GET', chatPath(w.A.chatId));
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^".+"$/);
    const same = await rest(stack, secret, 'GET', chatPath(w.A.chatId), { headers: { 'if-none-match': etag } });
    expect([same.status, same.body]).toEqual([304, null]);
    await rest(stack, secret, 'POST', chatPath(w.A.chatId, '/status'), { body: { status: 'open' } });
    const changed = await rest(stack, secret, 'GET', chatPath(w.A.chatId), { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('limits calls per key with RateLimit headers and 429, other keys unaffected', async () => {
    const secret = await w.key(['chats:read']);
    const first = await rest(stack, secret, 'GET', '/numbers');
    expect(first.headers.get('ratelimit-limit')).toBe(String(PER_MINUTE));
    expect(first.headers.get('ratelimit-remaining')).toBe(String(PER_MINUTE - 1));
    expect(Number(first.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
    let last = first;
    for (let i = 1; i <= PER_MINUTE && last.status !== 429; i++) last = await rest(stack, secret, 'GET', '/numbers');
    // A window may have turned over mid-loop; then the next one is used up the same way.
    for (let i = 0; i <= PER_MINUTE && last.status !== 429; i++) last = await rest(stack, secret, 'GET', '/numbers');
    expect(last.status).toBe(429);
    expect(last.json['type']).toBe('/problems/rate_limited');
    expect(last.headers.get('ratelimit-remaining')).toBe('0');
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await rest(stack, await w.key(['chats:read']), 'GET', '/numbers')).status).toBe(200);
  });

  it('audits each call with its key, refused ones too', async () => {
    const created = await must(w.admin.socket, 'apiKey:create', { name: 'Audited', scopes: ['chats:read'] });
    await rest(stack, created.secret, 'GET', chatPath(w.A.chatId));
    await rest(stack, created.secret, 'GET', '/members');
    const rows = (await must(w.admin.socket, 'audit:list', { action: 'api.call', limit: 500 })) as WireAudit[];
    const mine = rows.filter(r => r.deviceId === created.key.id);
    expect(mine.map(r => [r.chatId, r.after])).toEqual([
      [null, { apiKeyId: created.key.id, method: 'GET', path: '/members', status: 403 }],
      [w.A.chatId, { apiKeyId: created.key.id, method: 'GET', path: '/chats/{chatId}', status: 200 }],
    ]);
    expect(mine.every(r => r.memberId === w.admin.id)).toBe(true);
  });

  it('serves a valid OpenAPI 3.1 document and a readable reference of every endpoint', async () => {
    const res = await fetch(`${stack.node.url}/api/v1/openapi.json`);
    const doc = (await res.json()) as Record<string, unknown>;
    expect(doc).toEqual(openApiDocument());
    expect(await validate(structuredClone(doc) as never)).toMatchObject({ valid: true });
    const page = await fetch(`${stack.node.url}/api/v1/docs`);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    for (const path of Object.keys(doc['paths'] as object))
      expect(html).toContain(`/api/v1${path.replace(/[{}]/g, m => m)}`);
    expect(html).not.toMatch(/<script|https?:\/\/(?!json-schema)/);
  });
});
