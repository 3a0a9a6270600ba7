/**
 * callOver against a real Socket.IO server on loopback that answers each command with a
 * reply the test chooses: a valid value comes back (stripped of fields it does not know),
 * a malformed value or envelope becomes a CommandError 'internal' with reason
 * 'invalid_reply', and an error reply keeps the server's code and words.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../common/protocol';
import { SYNC_NAMESPACE } from '../../../common/protocol';
import { callOver } from '../../../main/sync/call';
import { REPLIES } from './wire-replies';
import { wireChat } from './wire-samples';

/** The reply the server acks the next command with. */
let answer: unknown = null;
const received: { name: string; payload: unknown }[] = [];

let io: Server;
let client: Socket<ServerToClientEvents, ClientToServerEvents>;

beforeAll(async () => {
  const http = createServer();
  io = new Server(http);
  io.of(SYNC_NAMESPACE).on('connection', socket => {
    socket.onAny((name: string, payload: unknown, ack: unknown) => {
      received.push({ name, payload });
      if (typeof ack === 'function') (ack as (reply: unknown) => void)(answer);
    });
  });
  await new Promise<void>(resolve => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  client = connect(`http://127.0.0.1:${port}${SYNC_NAMESPACE}`, { transports: ['websocket'] });
  await new Promise<void>((resolve, reject) => {
    client.once('connect', resolve);
    client.once('connect_error', reject);
  });
});

afterAll(async () => {
  client.close();
  await io.close();
});

/** What callOver rejected with, or null. */
const failureOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => null,
    (err: unknown) => err,
  );

const args = { chatId: wireChat(1).id, assigneeId: null, version: 3 };

describe('callOver against a Socket.IO server', () => {
  it('returns a valid reply value, without the fields this version does not know', async () => {
    answer = { ok: true, value: { ...REPLIES['chat:assign'], starred: true } };
    await expect(callOver(client, 'chat:assign', args)).resolves.toStrictEqual(REPLIES['chat:assign']);
    expect(received.at(-1)).toEqual({ name: 'chat:assign', payload: args });
  });

  it('refuses a malformed value as an unreadable reply, naming the field', async () => {
    answer = { ok: true, value: { ...REPLIES['chat:assign'], version: '4' } };
    const err = await failureOf(callOver(client, 'chat:assign', args));
    expect(err).toMatchObject({
      name: 'CommandError',
      code: 'internal',
      message: 'The workspace server sent a reply this version of Blazz Desk cannot read.',
      details: {
        reason: 'invalid_reply',
        command: 'chat:assign',
        issues: [{ path: 'value.version', message: expect.any(String) }],
      },
    });
  });

  it('refuses a malformed envelope', async () => {
    answer = REPLIES['sync:push'];
    const err = await failureOf(callOver(client, 'sync:push', {}));
    expect(err).toMatchObject({
      code: 'internal',
      details: { reason: 'invalid_reply', command: 'sync:push', issues: [{ path: 'ok' }] },
    });
  });

  it('a sync:pull page with a malformed fact still comes back whole, for facts.ts to sort', async () => {
    const page = { events: [{ type: 'chat:upserted', seq: 1, chat: null }], cursor: 1, hasMore: false };
    // The envelope is checked all the same: a field it does not know is stripped.
    answer = { ok: true, value: { ...page, etag: 'x' } };
    await expect(callOver(client, 'sync:pull', { cursor: 0, limit: 500 })).resolves.toStrictEqual(page);
  });

  it("an error reply keeps the server's code and words; an unknown code becomes 'internal'", async () => {
    answer = { ok: false, error: { code: 'forbidden', message: 'agents cannot assign' } };
    await expect(failureOf(callOver(client, 'chat:assign', args))).resolves.toMatchObject({
      code: 'forbidden',
      message: 'agents cannot assign',
    });
    answer = { ok: false, error: { code: 'quota_exceeded', message: 'This workspace is full.' } };
    await expect(failureOf(callOver(client, 'note:add', {}))).resolves.toMatchObject({
      code: 'internal',
      message: 'This workspace is full.',
      details: { reason: 'unknown_error_code', code: 'quota_exceeded' },
    });
  });
});
