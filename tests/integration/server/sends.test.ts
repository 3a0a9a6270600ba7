import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncEvent, WireSend } from '../../../common/protocol';
import type { Client, Stack } from './harness';
import { call, hostWithChat, must, startNode, startStack } from './harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

/** A deterministic coin so a failure can be replayed. */
function coin(seed: number): () => boolean {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % 100 < 30;
  };
}

/**
 * The host side of relayed sends, as a desktop implements it: on any request it drains
 * send:pending in order, sends each client message id at most once through its provider
 * (here: a list), and reports the result until the report is acknowledged.
 */
function fakeHost(socket: Client, dropAck: () => boolean) {
  const sentByProvider: string[] = [];
  const reported = new Set<string>();
  let draining: Promise<void> = Promise.resolve();
  const drain = () => {
    draining = draining.then(async () => {
      const pending = await call(socket, 'send:pending', {}, 3000).catch(() => null);
      if (!pending?.ok) return;
      for (const s of pending.value) {
        if (!sentByProvider.includes(s.clientMessageId)) sentByProvider.push(s.clientMessageId);
        for (let attempt = 0; attempt < 50 && !reported.has(s.clientMessageId); attempt++) {
          const r = await call(
            socket,
            'send:report',
            { clientMessageId: s.clientMessageId, status: 'sent', providerMessageId: `wa-${s.clientMessageId}` },
            3000,
          ).catch(() => null);
          // A dropped ack looks like no answer at all: report again.
          if (r?.ok && !dropAck()) reported.add(s.clientMessageId);
          else await new Promise(res => setTimeout(res, 20));
        }
      }
    });
    return draining;
  };
  socket.on('send:requested', () => void drain());
  socket.on('connect', () => void drain());
  return { sentByProvider, reported, drain: () => drain() };
}

describe('relayed sends', () => {
  it('30% of acks dropped and a restart mid-stream: each message once, in order, none lost', async () => {
    const { host, chatId, accountId } = await hostWithChat(stack);
    const admin = await stack.device('admin');
    const agent = await stack.device('agent');
    await must(admin.socket, 'account:add-member', { accountId, memberId: agent.id });
    const hostSide = fakeHost(host.socket, coin(7));
    const drop = coin(11);

    const ids = Array.from({ length: 40 }, () => randomUUID());
    for (const [i, clientMessageId] of ids.entries()) {
      if (i === 20) {
        // Restart the server mid-stream on the same port and database.
        const port = stack.node.port;
        await stack.node.app.close();
        stack.node = await startNode(stack.mariadb.url, { port });
      }
      for (let attempt = 0; ; attempt++) {
        expect(attempt).toBeLessThan(100);
        const r = await call(agent.socket, 'message:send', { clientMessageId, chatId, body: `reply ${i}` }, 2000).catch(
          () => null,
        );
        if (r?.ok && !drop()) break;
        await new Promise(res => setTimeout(res, 20));
      }
    }
    // Until the host has sent every message and the server has taken every report (a message
    // joins sentByProvider before its report goes out).
    for (let i = 0; i < 200 && hostSide.reported.size < ids.length; i++) {
      await hostSide.drain();
      await new Promise(res => setTimeout(res, 50));
    }
    expect(hostSide.sentByProvider).toEqual(ids);
    expect(hostSide.reported.size).toBe(ids.length);

    // The sender learns the outcome from the event log, whatever it missed while disconnected.
    const finalState = new Map<string, WireSend['state']>();
    let cursor = 0;
    for (let more = true; more;) {
      const page = await must(agent.socket, 'sync:pull', { cursor });
      for (const e of page.events as SyncEvent[])
        if (e.type === 'send:updated') finalState.set(e.send.clientMessageId, e.send.state);
      cursor = page.cursor;
      more = page.hasMore;
    }
    for (const id of ids) expect(finalState.get(id)).toBe('sent');
    const stillPending = await must(host.socket, 'send:pending', {});
    expect(stillPending).toEqual([]);
  }, 120_000);

  it('a retry with the same client message id returns the stored send; another member cannot reuse it', async () => {
    const { host, chatId } = await hostWithChat(stack);
    const clientMessageId = randomUUID();
    const first = await must(host.socket, 'message:send', { clientMessageId, chatId, body: 'once' });
    const again = await must(host.socket, 'message:send', { clientMessageId, chatId, body: 'once' });
    expect({ ...again, state: null }).toEqual({ ...first, state: null });
    const other = await stack.device('admin');
    const stolen = await call(other.socket, 'message:send', { clientMessageId, chatId, body: 'mine' });
    expect(stolen.ok ? null : stolen.error.code).toBe('conflict');
  });

  it('only the host device may report a send, and a failure reaches the sender', async () => {
    const { host, chatId } = await hostWithChat(stack);
    const admin = await stack.device('admin');
    const clientMessageId = randomUUID();
    await must(admin.socket, 'message:send', { clientMessageId, chatId, body: 'will fail' });
    const notHost = await call(admin.socket, 'send:report', {
      clientMessageId,
      status: 'sent',
      providerMessageId: 'x',
    });
    expect(notHost.ok ? null : notHost.error.code).toBe('forbidden');
    const seen = new Promise<WireSend>(resolve =>
      admin.socket.on('sync:facts', facts => {
        for (const e of facts)
          if (e.type === 'send:updated' && e.send.clientMessageId === clientMessageId && e.send.state !== 'queued')
            resolve(e.send);
      }),
    );
    const failed = await must(host.socket, 'send:report', {
      clientMessageId,
      status: 'failed',
      error: 'number not on WhatsApp',
    });
    expect(failed.state).toBe('failed');
    expect((await seen).error).toBe('number not on WhatsApp');
  });
});
