/**
 * The transport-independent channel over a real Node MessageChannel (structured clone, like
 * Electron's MessagePortMain): the preload's client on one end, serveChannel on the other.
 */
import { MessageChannel } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChannelPort } from '../../../common/core-channel';
import { createChannelClient, parseFromCore } from '../../../common/core-channel';
import { fail, ok } from '../../../common/result';
import { createEventBus } from '../../../main/platform/event-bus';
import type { Dispatch } from '../../../main/core/router';
import { serveChannel } from '../../../main/core-process/serve';
import { bufferedPort } from '../../../preload/buffered-port';

const timers = {
  setTimer: (cb: () => void, ms: number) => setTimeout(cb, ms),
  clearTimer: (h: unknown) => clearTimeout(h as NodeJS.Timeout),
};
const asPort = (p: MessagePort): ChannelPort => ({
  postMessage: m => p.postMessage(m),
  onMessage: cb => void p.on('message', cb),
});

const open: MessagePort[] = [];
afterEach(() => {
  for (const p of open.splice(0)) p.close();
});

function pair(dispatch: Dispatch, timeoutMs?: number) {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  const events = createEventBus();
  const onPostError = vi.fn();
  const stop = serveChannel(asPort(port1), { dispatch, events, ctx: { transport: 'electron' }, onPostError });
  const client = createChannelClient(asPort(port2), { ...timers, ...(timeoutMs ? { timeoutMs } : {}) });
  return { client, events, stop, onPostError, raw: port2 };
}

describe('core channel', () => {
  it('matches replies to calls by id, whatever order they come back in', async () => {
    const dispatch: Dispatch = async (name, args) => {
      if (name === 'slow') await new Promise(r => setTimeout(r, 50));
      return ok({ name, args });
    };
    const { client } = pair(dispatch);
    const slow = client.invoke('slow', { n: 1 });
    const fast = client.invoke('fast', { n: 2 });
    const order: string[] = [];
    void slow.then(() => order.push('slow'));
    void fast.then(() => order.push('fast'));
    await expect(slow).resolves.toEqual({ ok: true, value: { name: 'slow', args: { n: 1 } } });
    await expect(fast).resolves.toEqual({ ok: true, value: { name: 'fast', args: { n: 2 } } });
    expect(order).toEqual(['fast', 'slow']);
  });

  it('delivers events to their subscribers until they unsubscribe, and stops when served no more', async () => {
    const { client, events, stop } = pair(async () => ok(null));
    const seen: unknown[] = [];
    const off = client.subscribe('app:notified', p => seen.push(p));
    client.subscribe('chats:changed', () => {
      throw new Error('a broken subscriber');
    });
    events.emit('chats:changed', { chats: [] } as never);
    events.emit('app:notified', { level: 'info', message: 'one' });
    await client.invoke('x', {}); // a round trip: everything emitted before it has arrived
    off();
    events.emit('app:notified', { level: 'info', message: 'two' });
    stop();
    events.emit('app:notified', { level: 'info', message: 'three' });
    await client.invoke('x', {});
    expect(seen).toEqual([{ level: 'info', message: 'one' }]);
  });

  it('answers a call the core never answers with a timeout, and every waiting call on close', async () => {
    const never: Dispatch = () => new Promise(() => {});
    const { client } = pair(never, 30);
    await expect(client.invoke('app:ping', {})).resolves.toMatchObject({ ok: false, error: { code: 'timeout' } });
    const { client: other } = pair(never);
    const waiting = other.invoke('app:ping', {});
    other.close();
    await expect(waiting).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
    await expect(other.invoke('app:ping', {})).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('refuses uncloneable values on both sides without dying', async () => {
    const { client, events, onPostError } = pair(async () => ok({ callback: () => 1 }));
    await expect(client.invoke('app:ping', { f: () => 1 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_args' },
    });
    await expect(client.invoke('app:ping', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
    events.emit('app:notified', { level: 'info', message: (() => 1) as never });
    expect(onPostError).toHaveBeenCalled();
  });

  it('answers malformed calls with an error reply carrying their id when they have one', async () => {
    const dispatch = vi.fn<Dispatch>(async () => fail('internal', 'must not run'));
    const { raw } = pair(dispatch);
    const replies: unknown[] = [];
    raw.on('message', m => replies.push(m));
    for (const m of [
      null,
      'x',
      { t: 'call', id: 9, name: 1 },
      { t: 'call', id: -1, name: 'a', args: {} },
      { t: 'call', id: 3, name: 'a', args: {}, extra: 1 },
    ]) {
      raw.postMessage(m);
    }
    await new Promise(r => setTimeout(r, 50));
    expect(replies.map(r => (r as { id: unknown }).id)).toEqual([null, null, 9, null, 3]);
    for (const r of replies)
      expect(r).toMatchObject({ t: 'reply', reply: { ok: false, error: { code: 'invalid_args' } } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('drops messages from the core that are not a reply or an event', () => {
    expect(parseFromCore({ t: 'reply', id: 1, reply: { ok: true } })).toBeNull();
    expect(parseFromCore({ t: 'reply', id: '1', reply: { ok: true, value: 1 } })).toBeNull();
    expect(parseFromCore({ t: 'event', name: 5 })).toBeNull();
    expect(parseFromCore({ t: 'event', name: 'app:notified', payload: 1 })).toEqual({
      t: 'event',
      name: 'app:notified',
      payload: 1,
    });
  });
});

describe('preload buffered port', () => {
  it('holds calls made before main hands over the port, then sends them in order', () => {
    const port = bufferedPort(structuredClone);
    port.postMessage({ n: 1 });
    port.postMessage({ n: 2 });
    expect(() => port.postMessage({ f: () => 1 })).toThrow();
    const sent: unknown[] = [];
    const page = {
      postMessage: (m: unknown) => sent.push(m),
      onmessage: null as ((e: { data: unknown }) => void) | null,
    };
    const heard: unknown[] = [];
    port.onMessage(m => heard.push(m));
    port.attach(page);
    port.postMessage({ n: 3 });
    expect(sent).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    page.onmessage?.({ data: 'from core' });
    expect(heard).toEqual(['from core']);
    // A second port is ignored: one page, one channel.
    const intruder = { postMessage: vi.fn(), onmessage: null };
    port.attach(intruder);
    port.postMessage({ n: 4 });
    expect(intruder.postMessage).not.toHaveBeenCalled();
  });
});
