/**
 * The REST API (docs/api.md): API keys made over the socket by admins, then every endpoint
 * through a key — happy paths and each refusal (no key, unknown key, revoked key, missing
 * scope, number restriction, malformed input), each call audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireAudit, WireChat } from '../../../common/protocol';
import { API_KEY_PATTERN } from '../../../common/protocol-api-keys';
import type { Stack } from './harness';
import { call, must, NOW, startStack } from './harness';
import type { RestWorld } from './rest-helpers';
import { chatPath, rest, restWorld } from './rest-helpers';

let stack: Stack;
let w: RestWorld;
beforeAll(async () => {
  stack = await startStack();
  w = await restWorld(stack);
}, 60_000);
afterAll(async () => {
  await stack?.stop();
});

const audits = (action: string) => must(w.admin.socket, 'audit:list', { action }) as Promise<WireAudit[]>;

describe('API keys over the socket', () => {
  it('shows the secret once, lists the key without it, audits create and revoke', async () => {
    const created = await must(w.admin.socket, 'apiKey:create', {
      name: 'Orders',
      scopes: ['chats:read', 'chats:read', 'messages:send'],
      accountIds: [w.A.accountId],
    });
    expect(created.secret).toMatch(API_KEY_PATTERN);
    expect(created.secret.startsWith(`bdk_${created.key.prefix}_`)).toBe(true);
    expect(created.key).toMatchObject({ scopes: ['chats:read', 'messages:send'], accountIds: [w.A.accountId] });
    const listed = await must(w.admin.socket, 'apiKey:list', {});
    const mine = listed.find(k => k.id === created.key.id);
    expect(mine).toEqual(created.key);
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    const revoked = await must(w.admin.socket, 'apiKey:revoke', { id: created.key.id });
    expect(revoked.revokedAt).toBeGreaterThan(0);
    // A second revoke keeps the first time.
    expect((await must(w.admin.socket, 'apiKey:revoke', { id: created.key.id })).revokedAt).toBe(revoked.revokedAt);
    const rows = [...(await audits('apikey.create')), ...(await audits('apikey.revoke'))];
    expect(rows.filter(r => JSON.stringify(r.after).includes(created.key.id))).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toContain(created.secret);
  });

  it('refuses a malformed create', async () => {
    for (const bad of [
      { name: '', scopes: ['chats:read'] },
      { name: 'x', scopes: [] },
      { name: 'x', scopes: ['admin:all'] },
      { name: 'x', scopes: ['chats:read'], accountIds: [] },
    ]) {
      const r = await call(w.admin.socket, 'apiKey:create', bad);
      expect(r.ok ? 'ok' : r.error.code, JSON.stringify(bad)).toBe('invalid_args');
    }
  });
});

describe('authentication', () => {
  it('answers 401 problems for no key, a malformed or unknown key, and a revoked key; records last use', async () => {
    for (const secret of [null, 'not-a-key', `bdk_00000000_${'A'.repeat(43)}`]) {
      const r = await rest(stack, secret, 'GET', '/numbers');
      expect(r.status).toBe(401);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      expect(r.json).toMatchObject({ type: '/problems/unauthenticated', status: 401, title: 'unauthenticated' });
    }
    const created = await must(w.admin.socket, 'apiKey:create', { name: 'Short-lived', scopes: ['chats:read'] });
    expect((await rest(stack, created.secret, 'GET', '/numbers')).status).toBe(200);
    const used = (await must(w.admin.socket, 'apiKey:list', {})).find(k => k.id === created.key.id);
    expect(used?.lastUsedAt).toBeGreaterThan(0);
    await must(w.admin.socket, 'apiKey:revoke', { id: created.key.id });
    const after = await rest(stack, created.secret, 'GET', '/numbers');
    expect(after.status).toBe(401);
    expect(after.json['details']).toEqual({ reason: 'revoked' });
  });

  it('stops a key whose admin is no longer an admin', async () => {
    const other = await stack.device('admin');
    const secret = (await must(other.socket, 'apiKey:create', { name: 'Ex', scopes: ['chats:read'] })).secret;
    expect((await rest(stack, secret, 'GET', '/numbers')).status).toBe(200);
    await must(w.admin.socket, 'member:update', { memberId: other.id, role: 'lead' });
    const r = await rest(stack, secret, 'GET', '/numbers');
    expect(r.status).toBe(401);
    expect(r.json['details']).toEqual({ reason: 'owner_inactive' });
  });
});

describe('reads', () => {
  it('lists numbers and chats of every number, or only of the key’s numbers', async () => {
    const all = await w.key(['chats:read']);
    const numbers = (await rest(stack, all, 'GET', '/numbers')).body as Array<{ id: string }>;
    expect(numbers.map(n => n.id)).toEqual(expect.arrayContaining([w.A.accountId, w.B.accountId]));
    const chats = (await rest(stack, all, 'GET', '/chats')).json['data'] as WireChat[];
    expect(chats.map(c => c.id)).toEqual(expect.arrayContaining([w.A.chatId, w.B.chatId]));

    const onlyA = await w.key(['chats:read', 'messages:read'], [w.A.accountId]);
    expect(((await rest(stack, onlyA, 'GET', '/numbers')).body as Array<{ id: string }>).map(n => n.id)).toEqual([
      w.A.accountId,
    ]);
    expect(((await rest(stack, onlyA, 'GET', '/chats')).json['data'] as WireChat[]).map(c => c.id)).toEqual([
      w.A.chatId,
    ]);
    expect((await rest(stack, onlyA, 'GET', chatPath(w.A.chatId))).json).toMatchObject({ id: w.A.chatId });
    // Another number's chat, and another number's list, look like chats that do not exist.
    expect((await rest(stack, onlyA, 'GET', chatPath(w.B.chatId))).json['type']).toBe('/problems/not_found');
    expect((await rest(stack, onlyA, 'GET', `/chats?account=${w.B.accountId}`)).status).toBe(404);
    expect((await rest(stack, onlyA, 'GET', chatPath(w.B.chatId, '/messages'))).status).toBe(404);
  });

  it('filters chats by status and assignee and pages them with a cursor', async () => {
    const jids = ['6281000001@c.us', '6281000002@c.us', '6281000003@c.us'];
    await must(w.A.host.socket, 'sync:push', {
      chats: jids.map(jid => ({ accountId: w.A.accountId, jid, isGroup: false, name: jid })),
    });
    const first = `${w.A.accountId}:${jids[0]}`;
    const chat = (await must(w.admin.socket, 'chat:get', { chatId: first })).chat;
    await must(w.admin.socket, 'chat:set-status', { chatId: first, status: 'pending', version: chat.version });
    const secret = await w.key(['chats:read'], [w.A.accountId]);
    const pending = (await rest(stack, secret, 'GET', '/chats?status=pending')).json['data'] as WireChat[];
    expect(pending.map(c => c.id)).toEqual([first]);
    expect((await rest(stack, secret, 'GET', `/chats?assignee=${w.agent.id}`)).json['data']).toEqual([]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Record<string, unknown> = (
        await rest(stack, secret, 'GET', `/chats?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json;
      seen.push(...(page['data'] as WireChat[]).map(c => c.id));
      cursor = page['nextCursor'] as string | null;
    } while (cursor);
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);
  });

  it('pages messages newest first', async () => {
    await must(w.A.host.socket, 'sync:push', {
      messages: [2, 3, 4].map(i => ({
        accountId: w.A.accountId,
        chatJid: w.A.jid,
        providerMessageId: `m${i}`,
        fromMe: false,
        type: 'text',
        body: `hello ${i}`,
        timestamp: NOW() + i * 1000,
      })),
    });
    const secret = await w.key(['messages:read'], [w.A.accountId]);
    const one = (await rest(stack, secret, 'GET', chatPath(w.A.chatId, '/messages?limit=3'))).json;
    expect((one['data'] as Array<{ body: string }>).map(m => m.body)).toEqual(['hello 4', 'hello 3', 'hello 2']);
    const two = (
      await rest(stack, secret, 'GET', chatPath(w.A.chatId, `/messages?cursor=${String(one['nextCursor'])}`))
    ).json;
    expect((two['data'] as Array<{ body: string }>).map(m => m.body)).toEqual(['hello']);
    expect(two['nextCursor']).toBeNull();
  });

  it('lists members with members:read only', async () => {
    const r = await rest(stack, await w.key(['members:read']), 'GET', '/members');
    expect((r.body as Array<{ id: string }>).map(m => m.id)).toContain(w.agent.id);
    const refused = await rest(stack, await w.key(['chats:read']), 'GET', '/members');
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({
      type: '/problems/forbidden',
      details: { reason: 'missing_scope', scope: 'members:read' },
    });
  });
});
