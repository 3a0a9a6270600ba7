/**
 * Cloud API numbers end to end on a real MariaDB, a loopback Graph API and Meta's side of
 * the webhook played by the test (issue #19): adding a number checks its credentials, the
 * webhook is verified before anything is stored, Meta's retries and out-of-order statuses
 * change nothing twice, an agent's reply goes out through Graph once, and outside the
 * 24-hour window a free-text reply is refused with `window_closed`.
 */
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerIdOfWamid } from '../../../common/cloud/ids';
import { metaError } from '../../helpers/graph-api/faults';
import type { GraphApi } from '../../helpers/graph-api/server';
import { startGraphApi } from '../../helpers/graph-api/server';
import { change, fakeWamid, postWebhook, statusUpdate, textMessage } from '../../helpers/graph-api/webhooks';
import type { Stack } from './harness';
import { call, must, sqlRows, startNode, startStack } from './harness';

const PHONE_ID = '106540352242922';
const ACCOUNT = `meta_${PHONE_ID}`;
const TOKEN = 'EAAG' + 'a'.repeat(60);
const APP_SECRET = 'app-secret-0123456789abcdef';
const VERIFY = 'verify-token-42';
const CUSTOMER = '6281234567890';
/** What the loopback Graph API reports for its number. */
const DISPLAY = '+62 812-3456-7890';

let stack: Stack;
let graph: GraphApi;
let env: { url: string; appSecret: string; phoneNumberId: string; displayPhone: string };

const rows = (sql: string, args: unknown[] = []) => sqlRows(stack, sql, args);
const settle = () => stack.node.app.cloud.idle();

beforeAll(async () => {
  graph = await startGraphApi({ token: TOKEN, phoneNumberId: PHONE_ID });
  stack = await startStack({ cloud: { graphUrl: graph.baseUrl, pollMs: 200 } });
  env = { url: stack.node.url, appSecret: APP_SECRET, phoneNumberId: PHONE_ID, displayPhone: DISPLAY };
}, 120_000);
afterAll(async () => {
  await stack?.stop();
  await graph?.close();
});

const add = {
  name: 'Support line',
  phoneNumberId: PHONE_ID,
  wabaId: '102290129340398',
  accessToken: TOKEN,
  appSecret: APP_SECRET,
  verifyToken: VERIFY,
};

describe('adding a number', () => {
  it('refuses credentials Meta does not accept, and agents altogether', async () => {
    const admin = await stack.device('admin');
    const refused = await call(admin.socket, 'cloud:add', { ...add, accessToken: 'EAAG' + 'b'.repeat(60) });
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.error.details).toMatchObject({
        reason: 'graph_refused',
        graphCode: 'token_expired',
        metaCode: 190,
      });
    const agent = await stack.device('agent');
    const forbidden = await call(agent.socket, 'cloud:add', add);
    expect(!forbidden.ok && forbidden.error.code).toBe('forbidden');
    expect(await rows('select * from cloud_numbers')).toHaveLength(0);
  });

  it('refuses to store credentials on a server without its key', async () => {
    const keyless = await startNode(stack.mariadb.url, { mfaKey: null, cloud: { graphUrl: graph.baseUrl } });
    try {
      const admin = await stack.member('admin');
      const { token } = await stack.login(admin.email);
      const socket = await stack.connect(token, keyless.url);
      const r = await call(socket, 'cloud:add', add);
      expect(!r.ok && r.error.details).toMatchObject({ reason: 'server_key_missing' });
      socket.disconnect();
    } finally {
      await keyless.app.close();
    }
  });

  it('adds the number as a server-hosted account; the list never shows a secret', async () => {
    const admin = await stack.device('admin');
    // Signed with the app secret before the number exists: refused; right after: accepted.
    const early = textMessage(env, { id: fakeWamid(), from: CUSTOMER, text: 'before' });
    expect((await postWebhook(env, early)).status).toBe(401);
    const added = await must(admin.socket, 'cloud:add', add);
    expect((await postWebhook(env, early)).status).toBe(200);
    expect(added).toMatchObject({ accountId: ACCOUNT, verifiedName: 'Blazz Support', displayPhone: DISPLAY });
    const listed = await must(admin.socket, 'cloud:list', {});
    const text = JSON.stringify(listed);
    for (const secret of [TOKEN, APP_SECRET, VERIFY]) expect(text).not.toContain(secret);
    const stored = JSON.stringify(await rows('select * from cloud_numbers'));
    for (const secret of [TOKEN, APP_SECRET, VERIFY]) expect(stored).not.toContain(secret);
    const accounts = await must(admin.socket, 'account:list', {});
    expect(accounts.find(a => a.id === ACCOUNT)).toMatchObject({
      provider: 'meta',
      hostDeviceId: null,
      hostOnline: true,
    });
    const again = await call(admin.socket, 'cloud:add', add);
    expect(!again.ok && again.error.code).toBe('conflict');
  });

  it('lets no desktop register itself as the host of a Cloud number', async () => {
    const admin = await stack.device('admin');
    const r = await call(admin.socket, 'account:register', { accountId: ACCOUNT, name: 'hijack', provider: 'webjs' });
    expect(!r.ok && r.error.code).toBe('forbidden');
  });
});

describe('the webhook', () => {
  it("answers Meta's verification only with a number's verify token", async () => {
    const ok = await fetch(
      `${env.url}/webhooks/cloud?hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=1158201444`,
    );
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    const wrong = await fetch(`${env.url}/webhooks/cloud?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`);
    expect(wrong.status).toBe(403);
  });

  it('stores nothing from a body without a valid signature', async () => {
    const body = textMessage(env, { id: fakeWamid(), from: CUSTOMER, text: 'forged' });
    const before = (await rows('select id from cloud_webhook_inbox')).length;
    expect((await postWebhook(env, body, { signature: null })).status).toBe(401);
    expect((await postWebhook(env, body, { signature: 'sha256=' + '0'.repeat(64) })).status).toBe(401);
    expect((await postWebhook({ ...env, appSecret: 'another-apps-secret' }, body)).status).toBe(401);
    expect(await rows('select id from cloud_webhook_inbox')).toHaveLength(before);
  });

  it('stores a message once however often Meta delivers it, and members see it live', async () => {
    const admin = await stack.device('admin');
    const facts: string[] = [];
    admin.socket.on('sync:facts', list => {
      for (const f of list) if (f.type === 'messages:upserted') facts.push(...f.messages.map(m => m.providerMessageId));
    });
    const wamid = fakeWamid();
    const body = textMessage(env, { id: wamid, from: CUSTOMER, name: 'Budi', text: 'Halo, stok ada?' });
    for (let i = 0; i < 3; i++) expect((await postWebhook(env, body)).status).toBe(200);
    await settle();
    const stored = await rows('select body, from_me, chat_id from messages where provider_message_id = ?', [
      providerIdOfWamid(wamid),
    ]);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ body: 'Halo, stok ada?', chat_id: `${ACCOUNT}:${CUSTOMER}@c.us` });
    await expect.poll(() => facts).toContain(providerIdOfWamid(wamid));
    const chat = await rows('select name from chats where id = ?', [`${ACCOUNT}:${CUSTOMER}@c.us`]);
    expect(chat[0]?.['name']).toBe('Budi');
  });

  it("fetches a photo's bytes through Graph into the blob store, where members open it", async () => {
    const bytes = Buffer.from('a small jpeg, as far as this test is concerned');
    graph.media.set('880011223344', { bytes, mime: 'image/jpeg', filename: null });
    const image = (id: string, mediaId: string) =>
      change(env, {
        messages: [
          {
            from: CUSTOMER,
            id,
            timestamp: String(Math.floor(Date.now() / 1000)),
            type: 'image',
            image: { id: mediaId, mime_type: 'image/jpeg', sha256: 'base64hash=', caption: 'foto barangnya' },
          },
        ],
      });
    const [withBytes, lost] = [fakeWamid(), fakeWamid()];
    await postWebhook(env, image(withBytes, '880011223344'));
    await postWebhook(env, image(lost, '880099999999'));
    await settle();
    const sha = createHash('sha256').update(bytes).digest('hex');
    const stored = await rows('select provider_message_id, media_sha256, caption from messages where type = ?', [
      'image',
    ]);
    expect(stored).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          provider_message_id: providerIdOfWamid(withBytes),
          media_sha256: sha,
          caption: 'foto barangnya',
        }),
        expect.objectContaining({ provider_message_id: providerIdOfWamid(lost), media_sha256: null }),
      ]),
    );
    const admin = await stack.device('admin');
    const res = await fetch(`${env.url}/api/blobs/${sha}`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes);
  });

  it('survives hostile bodies: not JSON, not a webhook, too large', async () => {
    expect((await postWebhook(env, null, { raw: '{"object":' })).status).toBe(200);
    expect((await postWebhook(env, { object: 'page', entry: 'x' })).status).toBe(200);
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    expect((await postWebhook(env, null, { raw: deep })).status).toBe(200);
    const huge = await postWebhook(env, null, { raw: 'x'.repeat(2 * 1024 * 1024) }).catch(() => null);
    expect(huge === null || huge.status === 413).toBe(true);
    await settle();
    const failed = await rows(`select error from cloud_webhook_inbox where status = 'failed' order by id`);
    expect(failed.map(r => r['error'])).toEqual(['not_json', 'not_a_webhook', 'not_a_webhook']);
    expect((await fetch(`${env.url}/healthz`)).status).toBe(200);
  });
});

/** What Graph accepted, as (to, text, wamid). */
const sent = () =>
  graph.sent.map(s => ({
    to: s.body['to'],
    body: (s.body['text'] as { body?: string } | undefined)?.body,
    wamid: s.wamid,
  }));

describe('replies', () => {
  let agent: Awaited<ReturnType<Stack['device']>>;
  const chatId = `${ACCOUNT}:${CUSTOMER}@c.us`;

  beforeAll(async () => {
    const admin = await stack.device('admin');
    agent = await stack.device('agent');
    await must(admin.socket, 'account:add-member', { accountId: ACCOUNT, memberId: agent.id });
    await must(admin.socket, 'chat:assign', { chatId, assigneeId: agent.id, version: 0 });
  });

  async function reply(body: string) {
    const clientMessageId = randomUUID();
    await must(agent.socket, 'message:send', { chatId, clientMessageId, body });
    await settle();
    const [send] = await rows('select state, error, provider_message_id from sends where client_message_id = ?', [
      clientMessageId,
    ]);
    return { clientMessageId, send: send! };
  }

  it("goes out through Graph once and shows in the chat as the agent's message", async () => {
    const before = sent().length;
    const { clientMessageId, send } = await reply('Ada, kak. Mau warna apa?');
    expect(send).toMatchObject({ state: 'sent', error: null });
    expect(sent().slice(before)).toEqual([expect.objectContaining({ to: CUSTOMER, body: 'Ada, kak. Mau warna apa?' })]);
    const wamid = sent().at(-1)!.wamid;
    expect(send['provider_message_id']).toBe(providerIdOfWamid(wamid));
    const msg = await rows('select from_me, ack, client_message_id from messages where provider_message_id = ?', [
      providerIdOfWamid(wamid),
    ]);
    expect(msg).toEqual([expect.objectContaining({ from_me: 1, ack: 'sent', client_message_id: clientMessageId })]);
  });

  it('moves statuses forward only, whatever order Meta sends them in', async () => {
    const { send } = await reply('Ditunggu ya');
    const wamid = sent().at(-1)!.wamid;
    const id = send['provider_message_id'] as string;
    await postWebhook(env, statusUpdate(env, { id: wamid, status: 'read', to: CUSTOMER }));
    await postWebhook(env, statusUpdate(env, { id: wamid, status: 'delivered', to: CUSTOMER }));
    await settle();
    const [row] = await rows('select ack from messages where provider_message_id = ?', [id]);
    expect(row?.['ack']).toBe('read');
  });

  it('retries a Graph 5xx and sends once; a Meta refusal is the send’s failure code', async () => {
    const before = sent().length;
    graph.inject(metaError(500, 1, 'An unknown error occurred'), metaError(503, 131016, 'Service unavailable'));
    expect((await reply('after two failures')).send).toMatchObject({ state: 'sent' });
    expect(sent().length).toBe(before + 1);
    graph.inject(metaError(400, 131026, 'Message Undeliverable.'));
    expect((await reply('undeliverable')).send).toMatchObject({ state: 'failed', error: 'invalid_number' });
    expect(sent().length).toBe(before + 1);
  });

  it('refuses a free-text reply outside the 24-hour window without calling Graph', async () => {
    const old = '6289900001111';
    const oldChat = `${ACCOUNT}:${old}@c.us`;
    await postWebhook(
      env,
      textMessage(env, { id: fakeWamid(), from: old, text: 'kemarin', at: Date.now() - 25 * 3600_000 }),
    );
    await settle();
    const admin = await stack.device('admin');
    await must(admin.socket, 'chat:assign', { chatId: oldChat, assigneeId: agent.id, version: 0 });
    const before = graph.received.length;
    const clientMessageId = randomUUID();
    await must(agent.socket, 'message:send', { chatId: oldChat, clientMessageId, body: 'halo lagi' });
    await settle();
    const [send] = await rows('select state, error from sends where client_message_id = ?', [clientMessageId]);
    expect(send).toMatchObject({ state: 'failed', error: 'window_closed' });
    expect(graph.received.length).toBe(before);
  });
});

describe('templates', () => {
  const oldChat = `${ACCOUNT}:6289900001111@c.us`;
  let agent: Awaited<ReturnType<Stack['device']>>;

  beforeAll(async () => {
    graph.templates.push(
      {
        id: '901',
        name: 'order_update',
        language: 'id',
        status: 'APPROVED',
        category: 'UTILITY',
        components: [{ type: 'BODY', text: 'Halo {{1}}, pesanan {{2}} sudah dikirim.' }],
      },
      { id: '902', name: 'promo', language: 'id', status: 'PENDING', category: 'MARKETING', components: [] },
    );
    const admin = await stack.device('admin');
    agent = await stack.device('agent');
    await must(admin.socket, 'account:add-member', { accountId: ACCOUNT, memberId: agent.id });
  });

  it("lists the number's templates to its members, and to nobody else", async () => {
    const list = await must(agent.socket, 'cloud:templates', { accountId: ACCOUNT });
    expect(list.map(t => [t.name, t.status])).toEqual([
      ['order_update', 'APPROVED'],
      ['promo', 'PENDING'],
    ]);
    const outsider = await stack.device('agent');
    const r = await call(outsider.socket, 'cloud:templates', { accountId: ACCOUNT });
    expect(!r.ok && r.error.code).toBe('not_found');
  });

  it('sends an approved template outside the window, filled in, and the chat shows its text', async () => {
    const send = (extra: Record<string, unknown>) =>
      call(agent.socket, 'cloud:send-template', {
        chatId: oldChat,
        clientMessageId: randomUUID(),
        name: 'order_update',
        language: 'id',
        parameters: ['Sari', 'INV-7'],
        ...extra,
      });
    const admin = await stack.device('admin');
    const chat = await rows('select version from chats where id = ?', [oldChat]);
    await must(admin.socket, 'chat:assign', {
      chatId: oldChat,
      assigneeId: agent.id,
      version: Number(chat[0]!['version']),
    });
    const few = await send({ parameters: ['Sari'] });
    expect(!few.ok && few.error.details).toMatchObject({ reason: 'template_parameters', expected: 2 });
    const pending = await send({ name: 'promo', parameters: [] });
    expect(!pending.ok && pending.error.details).toMatchObject({ reason: 'template_unknown' });
    const before = graph.sent.length;
    const ok = await send({});
    expect(ok.ok).toBe(true);
    await settle();
    expect(graph.sent.slice(before).map(s => s.body['type'])).toEqual(['template']);
    expect(graph.sent.at(-1)!.body['template']).toMatchObject({ name: 'order_update', language: { code: 'id' } });
    const [row] = await rows('select body, from_me from messages where chat_id = ? and from_me = true', [oldChat]);
    expect(row).toMatchObject({ body: 'Halo Sari, pesanan INV-7 sudah dikirim.' });
  });

  it('are listed and sent through the REST API too, with a key of messages:send', async () => {
    const admin = await stack.device('admin');
    const { secret } = await must(admin.socket, 'apiKey:create', {
      name: 'CRM',
      scopes: ['messages:send'],
      accountIds: null,
    });
    const api = (path: string, init: RequestInit = {}) =>
      fetch(`${env.url}/api/v1${path}`, {
        ...init,
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      });
    const listed = await api(`/templates?account=${ACCOUNT}`);
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as Array<{ name: string }>).map(t => t.name)).toContain('order_update');
    const before = graph.sent.length;
    const sent = await api(`/chats/${encodeURIComponent(oldChat)}/templates`, {
      method: 'POST',
      body: JSON.stringify({ name: 'order_update', language: 'id', parameters: ['Budi', 'INV-9'] }),
    });
    expect(sent.status).toBe(202);
    await settle();
    expect(graph.sent.length).toBe(before + 1);
    const [row] = await rows('select body from messages where chat_id = ? and body like ?', [oldChat, '%INV-9%']);
    expect(row?.['body']).toBe('Halo Budi, pesanan INV-9 sudah dikirim.');
  });
});
