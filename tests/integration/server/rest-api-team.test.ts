/**
 * The REST endpoints for notes, contacts and reports (docs/api.md), each through a real key
 * against a real server and MariaDB: happy paths, the scope each needs, a key limited to
 * one number, and hostile input (never a 500).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireContact, WireNote } from '../../../common/protocol';
import { rebuildReportTables } from '../../../sync-server/src/db/repositories/report-tables';
import type { Stack } from './harness';
import { must, NOW, startStack } from './harness';
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

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('notes', () => {
  it('adds a note as the key’s admin, lists it, and tells the team live', async () => {
    const secret = await w.key(['notes:read', 'notes:write']);
    const heard = new Promise<unknown>(resolve =>
      w.A.host.socket.on('sync:facts', facts => {
        for (const f of facts) if (f.type === 'note:added') resolve(f.note);
      }),
    );
    const added = await rest(stack, secret, 'POST', chatPath(w.A.chatId, '/notes'), {
      body: { body: 'Called back, wants a refund' },
    });
    expect(added.status).toBe(201);
    const note = added.body as WireNote;
    expect(note).toMatchObject({ chatId: w.A.chatId, authorId: w.admin.id, body: 'Called back, wants a refund' });

    const listed = await rest(stack, secret, 'GET', chatPath(w.A.chatId, '/notes'));
    expect(listed.status).toBe(200);
    expect((listed.body as WireNote[]).map(n => n.id)).toContain(note.id);
    // The same note the socket's chat:get shows.
    const viaSocket = await must(w.admin.socket, 'chat:get', { chatId: w.A.chatId });
    expect(viaSocket.notes.map(n => n.id)).toContain(note.id);
    await expect(Promise.race([heard, new Promise(r => setTimeout(() => r('none'), 5000))])).resolves.toMatchObject({
      id: note.id,
    });
  });

  it('replays a retried add with the same Idempotency-Key instead of adding twice', async () => {
    const secret = await w.key(['notes:read', 'notes:write']);
    const headers = { 'idempotency-key': 'note-retry-1' };
    const first = await rest(stack, secret, 'POST', chatPath(w.B.chatId, '/notes'), {
      body: { body: 'once' },
      headers,
    });
    const again = await rest(stack, secret, 'POST', chatPath(w.B.chatId, '/notes'), {
      body: { body: 'once' },
      headers,
    });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const notes = (await rest(stack, secret, 'GET', chatPath(w.B.chatId, '/notes'))).body as WireNote[];
    expect(notes.filter(n => n.body === 'once')).toHaveLength(1);
  });

  it('refuses a missing scope, another number’s chat and a bad body', async () => {
    const readOnly = await w.key(['notes:read']);
    const noWrite = await rest(stack, readOnly, 'POST', chatPath(w.A.chatId, '/notes'), { body: { body: 'x' } });
    expect(noWrite.status).toBe(403);
    expect(noWrite.json['details']).toEqual({ reason: 'missing_scope', scope: 'notes:write' });

    const onlyA = await w.key(['notes:read', 'notes:write'], [w.A.accountId]);
    expect((await rest(stack, onlyA, 'GET', chatPath(w.B.chatId, '/notes'))).status).toBe(404);
    expect((await rest(stack, onlyA, 'POST', chatPath(w.B.chatId, '/notes'), { body: { body: 'x' } })).status).toBe(
      404,
    );
    for (const body of [{}, { body: '' }, { body: 'x'.repeat(10_001) }, { body: 7 }, { body: 'x', extra: 1 }, '[']) {
      const r = await rest(stack, onlyA, 'POST', chatPath(w.A.chatId, '/notes'), { body });
      expect(r.status, JSON.stringify(body)).toBe(400);
    }
  });
});

describe('contacts', () => {
  beforeAll(async () => {
    const people = [
      { jid: '6281100000001@c.us', phone: '6281100000001', name: 'Budi Santoso', pushName: 'budi' },
      { jid: '6281100000002@c.us', phone: '6281100000002', name: 'Siti 100% Asli', pushName: null },
      { jid: '6281100000003@c.us', phone: '6281100000003', name: null, pushName: 'Rina' },
    ];
    await must(w.A.host.socket, 'sync:push', {
      contacts: people.map(p => ({ accountId: w.A.accountId, ...p })),
    });
    await must(w.B.host.socket, 'sync:push', {
      contacts: [{ accountId: w.B.accountId, jid: '6289900000001@c.us', phone: '6289900000001', name: 'Other' }],
    });
  });

  it('lists the contacts of every number, pages them, and searches name, push name and phone', async () => {
    const secret = await w.key(['contacts:read']);
    const all = await rest(stack, secret, 'GET', '/contacts?limit=500');
    expect(all.status).toBe(200);
    const names = (all.json['data'] as WireContact[]).map(c => c.name ?? c.pushName);
    expect(names).toEqual(expect.arrayContaining(['Budi Santoso', 'Siti 100% Asli', 'Rina', 'Other']));

    // Two at a time: every contact once, in order, then a null cursor.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const pageOf: Awaited<ReturnType<typeof rest>> = await rest(
        stack,
        secret,
        'GET',
        `/contacts?account=${w.A.accountId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...(pageOf.json['data'] as WireContact[]).map(c => c.jid ?? ''));
      cursor = pageOf.json['nextCursor'] as string | null;
    } while (cursor);
    expect(seen).toEqual([...seen].sort());
    expect(seen).toEqual(expect.arrayContaining(['6281100000001@c.us', '6281100000002@c.us', '6281100000003@c.us']));
    expect(new Set(seen).size).toBe(seen.length);

    const search = async (q: string) =>
      ((await rest(stack, secret, 'GET', `/contacts?q=${encodeURIComponent(q)}`)).json['data'] as WireContact[]).map(
        c => c.jid,
      );
    expect(await search('BUDI')).toEqual(['6281100000001@c.us']);
    expect(await search('rina')).toEqual(['6281100000003@c.us']);
    expect(await search('00000002')).toEqual(['6281100000002@c.us']);
    // A % typed by the caller is a percent sign, not "anything".
    expect(await search('100%')).toEqual(['6281100000002@c.us']);
    expect(await search('%')).toEqual(['6281100000002@c.us']);
  });

  it('keeps a key to its numbers and refuses bad queries with a 400', async () => {
    const onlyA = await w.key(['contacts:read'], [w.A.accountId]);
    const mine = (await rest(stack, onlyA, 'GET', '/contacts?limit=500')).json['data'] as WireContact[];
    expect(new Set(mine.map(c => c.accountId))).toEqual(new Set([w.A.accountId]));
    expect((await rest(stack, onlyA, 'GET', `/contacts?account=${w.B.accountId}`)).status).toBe(404);
    for (const q of [
      'limit=0',
      'limit=501',
      'cursor=%%%',
      'cursor=bm90LWpzb24',
      'surprise=1',
      `q=${'x'.repeat(101)}`,
    ]) {
      const r = await rest(stack, onlyA, 'GET', `/contacts?${q}`);
      expect(r.status, q).toBe(400);
    }
    const noScope = await w.key(['chats:read']);
    expect((await rest(stack, noScope, 'GET', '/contacts')).status).toBe(403);
  });

  it("gets one contact by accountId:jid, encoded or not, only on the key's numbers", async () => {
    const onlyA = await w.key(['contacts:read'], [w.A.accountId]);
    const id = `${w.A.accountId}:6281100000001@c.us`;
    for (const path of [`/contacts/${id}`, `/contacts/${encodeURIComponent(id)}`]) {
      const one = await rest(stack, onlyA, 'GET', path);
      expect(one.status, path).toBe(200);
      expect(one.json).toMatchObject({ accountId: w.A.accountId, jid: '6281100000001@c.us', name: 'Budi Santoso' });
    }
    // Unknown here, another number's (which this key may not see), or not an id at all.
    expect((await rest(stack, onlyA, 'GET', `/contacts/${w.A.accountId}:6281199999999@c.us`)).status).toBe(404);
    expect((await rest(stack, onlyA, 'GET', `/contacts/${w.B.accountId}:6289900000001@c.us`)).status).toBe(404);
    const all = await w.key(['contacts:read']);
    expect((await rest(stack, all, 'GET', `/contacts/${w.B.accountId}:6289900000001@c.us`)).json).toMatchObject({
      name: 'Other',
    });
    expect((await rest(stack, onlyA, 'GET', '/contacts/no-colon-here')).status).toBe(400);
    expect(
      (
        await rest(
          stack,
          onlyA,
          'GET',
          `/contacts/${encodeURIComponent(`${w.A.accountId}:x' OR 1=1 --`).replaceAll("'", '%27')}`,
        )
      ).status,
    ).toBe(400);
    const noScope = await w.key(['chats:read']);
    expect((await rest(stack, noScope, 'GET', `/contacts/${id}`)).status).toBe(403);
  });
});

describe('reports', () => {
  const range = () => ({ from: day(NOW() - 86_400_000), to: day(NOW() + 86_400_000), timeZone: 'UTC' });
  const qs = (o: Record<string, string>) => new URLSearchParams(o).toString();

  it('answers the figures reports:get gives, over the key’s numbers only', async () => {
    const all = await w.key(['reports:read']);
    const got = await rest(stack, all, 'GET', `/reports?${qs(range())}`);
    expect(got.status).toBe(200);
    const socket = await must(w.admin.socket, 'reports:get', { ...range(), bucket: 'day' });
    expect(got.body).toEqual(JSON.parse(JSON.stringify(socket)));
    expect((got.body as typeof socket).totals.opened).toBeGreaterThanOrEqual(2);

    const onlyA = await w.key(['reports:read'], [w.A.accountId]);
    const mine = await rest(stack, onlyA, 'GET', `/reports?${qs(range())}`);
    const socketA = await must(w.admin.socket, 'reports:get', { ...range(), accountId: w.A.accountId, bucket: 'day' });
    expect(mine.body).toEqual(JSON.parse(JSON.stringify(socketA)));
    const other = await rest(stack, onlyA, 'GET', `/reports?${qs({ ...range(), accountId: w.B.accountId })}`);
    expect(other.status).toBe(403);

    const conversations = await rest(stack, onlyA, 'GET', `/reports/conversations?${qs({ ...range(), limit: '10' })}`);
    expect(conversations.status).toBe(200);
    const rows = conversations.json['conversations'];
    expect(Array.isArray(rows)).toBe(true);
  });

  it('businessHours=true counts business hours only, as reports:get does (hand-computed)', async () => {
    // A number of its own, open 10:05–24:00 UTC every day, with a 7-minute first-response target:
    // a customer writes at 10:00 yesterday (UTC) and is answered at 10:10.
    const raw = stack.node.app.database.raw;
    const acct = 'acct-rest-hours';
    const chatId = `${acct}:62811@c.us`;
    const opened = Date.parse(`${day(NOW() - 86_400_000)}T10:00:00Z`);
    await raw.query(
      "insert into accounts (id, name, provider, state, created_at) values (?, 'Hours', 'simulator', 'stopped', 0)",
      [acct],
    );
    await raw.query(
      "insert into chats (id, account_id, jid, is_group, name, status, tags) values (?, ?, '62811@c.us', false, 'Hours', 'open', '[]')",
      [chatId, acct],
    );
    await raw.query(
      "insert into messages (account_id, provider_message_id, chat_id, from_me, type, ts, ack) values (?, 'h1', ?, false, 'text', ?, 'read'), (?, 'h2', ?, true, 'text', ?, 'sent')",
      [acct, chatId, opened, acct, chatId, opened + 10 * 60_000],
    );
    const daily = [{ start: '10:05', end: '24:00' }];
    const week = { sun: daily, mon: daily, tue: daily, wed: daily, thu: daily, fri: daily, sat: daily };
    await raw.query(
      "insert into automation_settings (account_id, hours, away_text, greeting_text, updated_at) values (?, ?, '', '', 0)",
      [acct, JSON.stringify({ timeZone: 'UTC', week, holidays: [] })],
    );
    await raw.query('insert into assignment_settings (account_id, sla_minutes, updated_at) values (?, 7, 0)', [acct]);
    // Written around the server: the report tables are rebuilt as the migration does for existing data.
    await rebuildReportTables(raw);
    await stack.node.app.reportTables.idle();
    const secret = await w.key(['reports:read']);
    const q = { ...range(), accountId: acct };

    const hours = await rest(stack, secret, 'GET', `/reports?${qs({ ...q, businessHours: 'true' })}`);
    expect(hours.status).toBe(200);
    const report = hours.body as { firstResponse: { medianMs: number }; sla: { met: number; missed: number } };
    // Open from 10:05: answered after 5 open minutes, due at 10:12, so met.
    expect(report.firstResponse.medianMs).toBe(5 * 60_000);
    expect(report.sla).toMatchObject({ met: 1, missed: 0 });
    const socket = await must(w.admin.socket, 'reports:get', { ...q, bucket: 'day', businessHours: true });
    expect(hours.body).toEqual(JSON.parse(JSON.stringify(socket)));

    // Without the option (or with false): 10 minutes, due at 10:07, so missed.
    for (const plainQ of [qs(q), qs({ ...q, businessHours: 'false' })]) {
      const plain = await rest(stack, secret, 'GET', `/reports?${plainQ}`);
      expect((plain.body as typeof report).firstResponse.medianMs).toBe(10 * 60_000);
      expect((plain.body as typeof report).sla).toMatchObject({ met: 0, missed: 1 });
    }
    const list = await rest(stack, secret, 'GET', `/reports/conversations?${qs({ ...q, businessHours: 'true' })}`);
    expect(list.json['conversations']).toMatchObject([
      { chatId, firstResponseMs: 5 * 60_000, slaDueAt: opened + 12 * 60_000, sla: 'met' },
    ]);
    const bad = await rest(stack, secret, 'GET', `/reports?${qs({ ...q, businessHours: '1' })}`);
    expect(bad.status).toBe(400);
  });

  it('refuses a bad range, an unknown time zone and a missing scope', async () => {
    const secret = await w.key(['reports:read']);
    for (const q of [
      qs({ from: '2026-13-01', to: '2026-12-01', timeZone: 'UTC' }),
      qs({ from: '2026-12-02', to: '2026-12-01', timeZone: 'UTC' }),
      qs({ from: '2024-01-01', to: '2026-01-01', timeZone: 'UTC' }),
      qs({ from: '2026-12-01', to: '2026-12-01', timeZone: 'Mars/Olympus' }),
      qs({ from: '2026-12-01', to: '2026-12-01' }),
      qs({ ...range(), bucket: 'month' }),
    ]) {
      const r = await rest(stack, secret, 'GET', `/reports?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.json['type']).toBe('/problems/invalid_args');
    }
    const noScope = await w.key(['chats:read']);
    expect((await rest(stack, noScope, 'GET', `/reports?${qs(range())}`)).status).toBe(403);
  });
});

describe('the OpenAPI document', () => {
  it('describes the new endpoints with their scopes', async () => {
    const doc = (await rest(stack, null, 'GET', '/openapi.json')).json as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    expect(doc.paths['/chats/{chatId}/notes']?.['get']?.operationId).toBe('listNotes');
    expect(doc.paths['/chats/{chatId}/notes']?.['post']?.operationId).toBe('addNote');
    expect(doc.paths['/contacts']?.['get']?.operationId).toBe('listContacts');
    expect(doc.paths['/contacts/{contactId}']?.['get']?.operationId).toBe('getContact');
    expect(doc.paths['/reports']?.['get']?.operationId).toBe('getReport');
    expect(doc.paths['/reports/conversations']?.['get']?.operationId).toBe('listReportConversations');
    const params = (doc.paths['/reports']?.['get'] as unknown as { parameters: { name: string; schema: unknown }[] })
      .parameters;
    expect(params.find(p => p.name === 'businessHours')?.schema).toMatchObject({
      type: 'string',
      enum: ['true', 'false'],
      default: 'false',
    });
  });
});
