/**
 * The team's name and labels for a customer: contact:update on the socket (the desktop's
 * customer panel) and PATCH /api/v1/contacts/{id} (an integration), against a real server
 * and MariaDB. Who may edit, how far the edit reaches (the same phone on every number the
 * editor sees), that a host's later push never undoes it, and hostile input.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncEvent, WireContact } from '../../../common/protocol';
import type { Client, Stack } from './harness';
import { call, hostWithChat, must, NOW, recorder, startStack } from './harness';
import { rest } from './rest-helpers';

let stack: Stack;
let lead: Client;
let A: Awaited<ReturnType<typeof hostWithChat>>;
let B: Awaited<ReturnType<typeof hostWithChat>>;
const PHONE = '628123';
beforeAll(async () => {
  stack = await startStack();
  A = await hostWithChat(stack);
  lead = A.host.socket;
  // The same customer on a second number (same phone, the other jid spelling), hosted by another lead.
  B = await hostWithChat(stack);
  await must(B.host.socket, 'sync:push', {
    chats: [{ accountId: B.accountId, jid: `${PHONE}@s.whatsapp.net`, isGroup: false, name: 'Customer' }],
    contacts: [
      { accountId: B.accountId, jid: `${PHONE}@s.whatsapp.net`, lid: null, phone: PHONE, name: 'Cust', pushName: null },
    ],
  });
}, 60_000);
afterAll(async () => {
  await stack?.stop();
});

const contactsFact = (events: Array<{ name: string; payload: unknown }>, accountId: string) =>
  events
    .filter(e => e.name === 'contacts:upserted')
    .map(e => e.payload as Extract<SyncEvent, { type: 'contacts:upserted' }>)
    .find(f => f.accountId === accountId);

async function auditCount(): Promise<number> {
  const [rows] = (await stack.node.app.database.db.execute(
    sql`select count(*) as n from audit_log where action = 'contact.update'`,
  )) as unknown as [Array<{ n: number }>];
  return Number(rows[0]?.n ?? 0);
}

describe('contact:update', () => {
  it('names and labels the customer, tells the number’s members, and audits once', async () => {
    const heard = recorder(lead);
    const before = await auditCount();
    const saved = await must(lead, 'contact:update', {
      chatId: A.chatId,
      name: '  Pak Budi  ',
      labels: ['VIP', 'vip', ' wholesale '],
    });
    expect(saved).toMatchObject({
      accountId: A.accountId,
      jid: A.jid,
      customName: 'Pak Budi',
      labels: ['VIP', 'wholesale'],
    });
    await expect.poll(() => contactsFact(heard.events, A.accountId)?.contacts[0]?.customName).toBe('Pak Budi');
    expect(await auditCount()).toBe(before + 1);
  });

  it('reaches the same person on another number only when the editor may see that number', async () => {
    // Lead A is not a member of B's number: B's contact stays as it was.
    await must(lead, 'contact:update', { chatId: A.chatId, name: 'Only A' });
    const admin = await stack.device('admin');
    const bRows = async () =>
      (await stack.node.app.database.db.execute(
        sql`select custom_name from contacts where account_id = ${B.accountId}`,
      )) as unknown as [Array<{ custom_name: string | null }>];
    expect((await bRows())[0].map(r => r.custom_name)).toEqual([null]);
    // An admin sees every number: the edit reaches both, and B's host hears it.
    const heardB = recorder(B.host.socket);
    await must(admin.socket, 'contact:update', { chatId: A.chatId, name: 'Ibu Sari', labels: ['new'] });
    expect((await bRows())[0].map(r => r.custom_name)).toEqual(['Ibu Sari']);
    await expect
      .poll(() => contactsFact(heardB.events, B.accountId)?.contacts[0])
      .toMatchObject({
        jid: `${PHONE}@s.whatsapp.net`,
        customName: 'Ibu Sari',
        labels: ['new'],
      });
  });

  it('a host’s later push of WhatsApp’s names never undoes the team’s', async () => {
    await must(lead, 'contact:update', { chatId: A.chatId, name: 'Kept', labels: ['kept'] });
    await must(lead, 'sync:push', {
      contacts: [{ accountId: A.accountId, jid: A.jid, lid: null, phone: PHONE, name: 'Phone book', pushName: 'P' }],
      messages: [
        {
          accountId: A.accountId,
          chatJid: A.jid,
          providerMessageId: 'm-later',
          fromMe: false,
          type: 'text',
          body: 'hi',
          timestamp: NOW(),
        },
      ],
    });
    const [rows] = (await stack.node.app.database.db.execute(
      sql`select name, custom_name, labels from contacts where account_id = ${A.accountId} and contact_key = ${A.jid}`,
    )) as unknown as [Array<{ name: string; custom_name: string; labels: string }>];
    expect(rows[0]).toEqual({ name: 'Phone book', custom_name: 'Kept', labels: '["kept"]' });
  });

  it('clears the name with null or an empty string, and changes only what is given', async () => {
    await must(lead, 'contact:update', { chatId: A.chatId, name: 'X', labels: ['a'] });
    expect(await must(lead, 'contact:update', { chatId: A.chatId, name: '' })).toMatchObject({
      customName: null,
      labels: ['a'],
    });
    expect(await must(lead, 'contact:update', { chatId: A.chatId, labels: [] })).toMatchObject({
      customName: null,
      labels: [],
    });
  });

  it('keeps a note about the person on each of their numbers, tells members, and keeps its text out of the audit log', async () => {
    const admin = await stack.device('admin');
    const heardB = recorder(B.host.socket);
    const text = 'Prefers Bahasa.\nPays on Fridays, confided a health issue.';
    const saved = await must(admin.socket, 'contact:update', { chatId: A.chatId, note: `  ${text}  ` });
    expect(saved.note).toBe(text);
    await expect.poll(() => contactsFact(heardB.events, B.accountId)?.contacts[0]?.note).toBe(text);
    const [notes] = (await stack.node.app.database.db.execute(
      sql`select account_id, note from contacts where note is not null order by account_id`,
    )) as unknown as [Array<{ account_id: string; note: string }>];
    expect(new Set(notes.map(r => r.account_id))).toEqual(new Set([A.accountId, B.accountId]));
    const [audit] = (await stack.node.app.database.db.execute(
      sql`select * from audit_log where action = 'contact.update' order by id desc limit 1`,
    )) as unknown as [Array<Record<string, unknown>>];
    expect(JSON.stringify(audit[0])).not.toContain('health');
    expect(JSON.stringify(audit[0])).toContain('noteLength');
    // Name and labels stay as they were; '' clears the note.
    const cleared = await must(admin.socket, 'contact:update', { chatId: A.chatId, note: '' });
    expect(cleared.note).toBeNull();
    expect(cleared.customName).toBe(saved.customName);
    const tooLong = await call(admin.socket, 'contact:update', { chatId: A.chatId, note: 'x'.repeat(2001) });
    expect(tooLong.ok ? 'ok' : tooLong.error.code).toBe('invalid_args');
  });

  it('refuses an agent who cannot see the chat, a group, an unknown chat and hostile input, as codes', async () => {
    const agent = await stack.device('agent');
    const admin = await stack.device('admin');
    await must(admin.socket, 'account:add-member', { accountId: A.accountId, memberId: agent.id });
    // Assigned to the lead: not the agent's chat, so the agent cannot see it.
    const { chat } = await must(lead, 'chat:get', { chatId: A.chatId });
    await must(lead, 'chat:assign', { chatId: A.chatId, assigneeId: A.host.id, version: chat.version });
    // Agents see only their own chats unless the workspace says otherwise; unknown and invisible look alike.
    const invisible = await call(agent.socket, 'contact:update', { chatId: A.chatId, name: 'x' });
    expect(invisible.ok ? 'ok' : invisible.error.code).toBe('not_found');
    const unknown = await call(lead, 'contact:update', { chatId: `${A.accountId}:999@c.us`, name: 'x' });
    expect(unknown.ok ? 'ok' : unknown.error.code).toBe('not_found');
    await must(lead, 'sync:push', { chats: [{ accountId: A.accountId, jid: '1203@g.us', isGroup: true, name: 'G' }] });
    const group = await call(lead, 'contact:update', { chatId: `${A.accountId}:1203@g.us`, name: 'x' });
    expect(group.ok ? 'ok' : group.error.code).toBe('invalid_args');
    for (const payload of [
      { chatId: A.chatId },
      { chatId: A.chatId, name: 'x'.repeat(101) },
      { chatId: A.chatId, labels: Array.from({ length: 21 }, (_, i) => `l${i}`) },
      { chatId: A.chatId, labels: ['x'.repeat(41)] },
      { chatId: A.chatId, labels: [''] },
      { chatId: A.chatId, labels: 'VIP' },
      { chatId: A.chatId, name: 'x', extra: true },
      null,
    ]) {
      const r = await call(lead, 'contact:update', payload);
      expect(r.ok ? 'ok' : r.error.code, JSON.stringify(payload)).toBe('invalid_args');
    }
  });
});

describe('PATCH /api/v1/contacts/{id}', () => {
  it('needs contacts:write, stays within the key’s numbers, and returns the contact as GET then shows it', async () => {
    const admin = await stack.device('admin');
    const key = async (scopes: string[], accountIds: string[] | null = null) =>
      (await must(admin.socket, 'apiKey:create', { name: 'CRM', scopes, accountIds })).secret;
    const write = await key(['contacts:write', 'contacts:read'], [A.accountId]);
    const id = encodeURIComponent(A.chatId);
    const patched = await rest(stack, write, 'PATCH', `/contacts/${id}`, {
      body: { name: 'From the CRM', labels: ['gold'], note: 'Gold tier since 2024' },
      headers: { 'idempotency-key': 'crm-1' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body as WireContact).toMatchObject({ customName: 'From the CRM', labels: ['gold'] });
    const got = await rest(stack, write, 'GET', `/contacts/${id}`);
    expect(got.json).toMatchObject({ customName: 'From the CRM', labels: ['gold'], note: 'Gold tier since 2024' });
    // The same Idempotency-Key replays the first answer and changes nothing.
    const again = await rest(stack, write, 'PATCH', `/contacts/${id}`, {
      body: { name: 'Other' },
      headers: { 'idempotency-key': 'crm-1' },
    });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await rest(stack, write, 'GET', `/contacts/${id}`)).json).toMatchObject({ customName: 'From the CRM' });

    const readOnly = await key(['contacts:read']);
    expect((await rest(stack, readOnly, 'PATCH', `/contacts/${id}`, { body: { name: 'x' } })).status).toBe(403);
    const otherNumber = await key(['contacts:write'], [B.accountId]);
    expect((await rest(stack, otherNumber, 'PATCH', `/contacts/${id}`, { body: { name: 'x' } })).status).toBe(404);
    for (const body of [
      {},
      { name: 5 },
      { labels: ['x'.repeat(41)] },
      { note: 'x'.repeat(2001) },
      'not json',
      { name: 'x', extra: 1 },
    ]) {
      expect((await rest(stack, write, 'PATCH', `/contacts/${id}`, { body })).status, JSON.stringify(body)).toBe(400);
    }
    expect((await rest(stack, write, 'PATCH', '/contacts/not-an-id', { body: { name: 'x' } })).status).toBe(400);
  });
});
