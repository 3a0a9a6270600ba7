import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { SyncSocket } from '../../../main/sync/connection';
import { refusalRemovesAccess, watchConnection } from '../../../main/sync/connection';

describe('a refused handshake', () => {
  it('removes access when the server says the session was revoked or the member deactivated', () => {
    expect(refusalRemovesAccess({ reason: 'session_revoked' }, false)).toBe(true);
    expect(refusalRemovesAccess({ reason: 'member_deactivated' }, false)).toBe(true);
  });

  it('keeps the data for a token the server does not know, even right after being dropped', () => {
    expect(refusalRemovesAccess({ reason: 'unknown_token' }, false)).toBe(false);
    expect(refusalRemovesAccess({ reason: 'unknown_token' }, true)).toBe(false);
  });

  it('keeps the data for an expired session, even right after being dropped: the member signs in again', () => {
    expect(refusalRemovesAccess({ reason: 'session_expired' }, false)).toBe(false);
    expect(refusalRemovesAccess({ reason: 'session_expired' }, true)).toBe(false);
  });

  it('without a reason (an older server) follows the protocol: removed only right after a drop', () => {
    expect(refusalRemovesAccess(undefined, true)).toBe(true);
    expect(refusalRemovesAccess(undefined, false)).toBe(false);
    expect(refusalRemovesAccess({ reason: 'something new' }, false)).toBe(false);
  });
});

/** Enough of a Socket.IO client socket to drive its life-cycle events by hand. */
function fakeSocket() {
  const emitter = new EventEmitter();
  const calls: string[] = [];
  const socket = Object.assign(emitter, {
    connect: () => calls.push('connect'),
    close: () => calls.push('close'),
  });
  return { socket: socket as unknown as SyncSocket, emitter, calls };
}

function watched() {
  const { socket, emitter, calls } = fakeSocket();
  const seen: string[] = [];
  watchConnection(socket, {
    connected: () => seen.push('connected'),
    disconnected: () => seen.push('disconnected'),
    accessRemoved: () => seen.push('accessRemoved'),
    refused: reason => seen.push(`refused: ${reason}`),
    unreachable: reason => seen.push(`unreachable: ${reason}`),
  });
  return { emitter, calls, seen };
}

const refused = (data?: unknown) => Object.assign(new Error('unauthenticated'), data ? { data } : {});

describe('the workspace connection', () => {
  it('tries once more when the server drops it, and a reasonless refusal then means access was removed', () => {
    const { emitter, calls, seen } = watched();
    emitter.emit('connect');
    emitter.emit('disconnect', 'io server disconnect');
    expect(calls).toEqual(['connect']);
    emitter.emit('connect_error', refused());
    expect(calls).toEqual(['connect', 'close']);
    expect(seen).toEqual(['connected', 'disconnected', 'accessRemoved']);
  });

  it('after a lost connection, a reasonless refusal only asks for a new sign-in', () => {
    const { emitter, calls, seen } = watched();
    emitter.emit('connect');
    emitter.emit('disconnect', 'transport close');
    emitter.emit('connect_error', refused());
    expect(calls).toEqual(['close']);
    expect(seen).toEqual(['connected', 'disconnected', 'refused: unknown_token']);
  });

  it('a reconnect that succeeds after a drop forgets the drop (a role change, not an ending)', () => {
    const { emitter, seen } = watched();
    emitter.emit('disconnect', 'io server disconnect');
    emitter.emit('connect');
    emitter.emit('disconnect', 'transport close');
    emitter.emit('connect_error', refused());
    expect(seen).toEqual(['disconnected', 'connected', 'disconnected', 'refused: unknown_token']);
  });

  it('a session that expired while connected: the server drops it, and the retry is refused as expired', () => {
    const { emitter, calls, seen } = watched();
    emitter.emit('connect');
    emitter.emit('disconnect', 'io server disconnect');
    emitter.emit('connect_error', refused({ reason: 'session_expired' }));
    expect(calls).toEqual(['connect', 'close']);
    expect(seen).toEqual(['connected', 'disconnected', 'refused: session_expired']);
  });

  it('the server’s reason decides, and other errors only mean the server is out of reach', () => {
    const { emitter, calls, seen } = watched();
    emitter.emit('connect_error', refused({ reason: 'member_deactivated' }));
    emitter.emit('connect_error', new Error('xhr poll error'));
    expect(seen).toEqual(['accessRemoved', 'unreachable: xhr poll error']);
    expect(calls).toEqual(['close']);
  });
});
