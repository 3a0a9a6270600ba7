/**
 * Passwords (issue #15): changing one's own in the app signs the member's other devices
 * out and keeps this one; wrong or unchanged passwords are refused with a reason. This
 * server hashes at its default cost (the harness lowers it elsewhere), so the upgrade of
 * an old, cheaper hash at sign-in is checked against the real default.
 */
import { io as connectClient } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { SYNC_NAMESPACE } from '../../../common/protocol';
import {
  DEFAULT_HASH_PARAMS,
  dummyHash,
  hashPassword,
  paramsOf,
  verifyPassword,
} from '../../../sync-server/src/auth/crypto';
import { insertMember, memberById } from '../../../sync-server/src/db/repositories/members';
import type { Stack } from './harness';
import { call, must, PASSWORD, startStack } from './harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ passwordHash: undefined });
});
afterAll(async () => {
  await stack?.stop();
});

const loginStatus = async (email: string, password: string) =>
  (
    await fetch(`${stack.node.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password, deviceName: 'laptop' }),
    })
  ).status;

function handshake(token: string): Promise<string> {
  const s = connectClient(stack.node.url + SYNC_NAMESPACE, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
  });
  return new Promise(resolve => {
    s.once('connect', () => (s.disconnect(), resolve('connected')));
    s.once('connect_error', err => {
      s.close();
      resolve((('data' in err ? err.data : undefined) as { reason?: string } | undefined)?.reason ?? err.message);
    });
  });
}

describe('password change', () => {
  it('refuses a wrong current password and a new one equal to it, with a reason', async () => {
    const me = await stack.device('agent');
    expect(
      await call(me.socket, 'password:change', { currentPassword: 'not it at all', newPassword: 'brand new secret' }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden', details: { reason: 'wrong_password' } } });
    expect(
      await call(me.socket, 'password:change', { currentPassword: PASSWORD, newPassword: PASSWORD }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_args', details: { reason: 'same_password' } } });
    expect(await call(me.socket, 'password:change', { currentPassword: PASSWORD, newPassword: 'short' })).toMatchObject(
      { ok: false, error: { code: 'invalid_args' } },
    );
    expect(await loginStatus(me.email, PASSWORD)).toBe(200);
  });

  it('signs the other devices out, keeps this one, and only the new password signs in', async () => {
    const me = await stack.device('agent');
    const other = await stack.login(me.email, 'old phone');
    const otherSocket = await stack.connect(other.token);
    const dropped = new Promise<void>(resolve => otherSocket.once('disconnect', () => resolve()));
    const NEW = 'a much better passphrase';
    expect(await must(me.socket, 'password:change', { currentPassword: PASSWORD, newPassword: NEW })).toEqual({
      signedOut: 1,
    });
    await dropped;
    expect(await handshake(other.token)).toBe('session_revoked');
    expect(await handshake(me.token)).toBe('connected');
    await must(me.socket, 'presence:list', {});
    expect(await loginStatus(me.email, PASSWORD)).toBe(401);
    expect(await loginStatus(me.email, NEW)).toBe(200);
    const [rows] = await stack.node.app.database.raw.execute(
      "select device_id, `after` from audit_log where action = 'password.change' and member_id = ?",
      [me.id],
    );
    expect(rows).toEqual([{ device_id: me.sessionId, after: JSON.stringify({ signedOut: 1 }) }]);
  });
});

describe('password hashing', () => {
  it('hashes at N ≥ 2^17 (r=8, p=1) by default, and the dummy hash for unknown e-mails costs the same', async () => {
    expect(DEFAULT_HASH_PARAMS.N).toBeGreaterThanOrEqual(2 ** 17);
    const hash = await hashPassword('correct horse battery');
    expect(paramsOf(hash)).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    expect(paramsOf(dummyHash(DEFAULT_HASH_PARAMS))).toEqual(paramsOf(hash));
    expect(await verifyPassword('', dummyHash(DEFAULT_HASH_PARAMS))).toBe(false);
  });

  it('upgrades an old N=16384 hash at the next successful sign-in, and only then', async () => {
    const id = randomUUID();
    const email = `old-${id.slice(0, 8)}@example.test`;
    const old = await hashPassword(PASSWORD, { N: 16384, r: 8, p: 1 });
    const db = stack.node.app.database.db;
    await insertMember(db, { id, email, name: 'Old Hash', role: 'agent', passwordHash: old, now: Date.now() });
    expect(await loginStatus(email, 'a wrong password')).toBe(401);
    expect((await memberById(db, id))?.passwordHash).toBe(old);

    expect(await loginStatus(email, PASSWORD)).toBe(200);
    const upgraded = (await memberById(db, id))!.passwordHash;
    expect(paramsOf(upgraded)).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    expect(await loginStatus(email, PASSWORD)).toBe(200);
    expect((await memberById(db, id))!.passwordHash).toBe(upgraded);
  });

  it('refuses a stored hash whose parameters claim absurd memory instead of trying it', async () => {
    expect(paramsOf('scrypt$4194304$8$1$AAAA$AAAA')).toBeNull();
    expect(await verifyPassword('x', 'scrypt$4194304$8$1$AAAA$AAAA')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$1000$8$1$AAAA$AAAA')).toBe(false);
  });
});
