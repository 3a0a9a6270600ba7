/**
 * Sessions users can manage (issue #15): idle and absolute expiry on the handshake, on every
 * command and on HTTP bearer routes, read on an injected clock; the devices list; who may
 * sign which device out; and the audit rows these leave.
 */
import { io as connectClient } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_NAMESPACE } from '../../../common/protocol';
import type { Stack } from './harness';
import { call, must, PASSWORD, startStack } from './harness';

const DAY = 24 * 60 * 60 * 1000;
let stack: Stack;
/** Added to the real clock: the server's expiry decisions read Date.now() + skew. */
let skew = 0;

beforeAll(async () => {
  stack = await startStack({ sessions: { idleMs: 30 * DAY, maxMs: 90 * DAY, now: () => Date.now() + skew } });
});
afterAll(async () => {
  await stack?.stop();
});

async function signIn(email: string, body: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const res = await fetch(`${stack.node.url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password: PASSWORD, deviceName: 'laptop', ...body }),
  });
  const json = (await res.json()) as { ok: true; value: { token: string; sessionId: string } };
  return json.value;
}

/** The handshake's refusal reason for a token, or 'connected'. */
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
      const data: unknown = 'data' in err ? err.data : undefined;
      resolve((data as { reason?: string } | undefined)?.reason ?? err.message);
    });
  });
}

const bearerStatus = async (token: string) =>
  (await fetch(`${stack.node.url}/api/blobs/${'0'.repeat(64)}`, { headers: { authorization: `Bearer ${token}` } }))
    .status;

/**
 * Commands are served while the connect bookkeeping runs: wait until the connect's own write
 * (presence online, last_seen_at in the same update) has landed.
 */
async function connectRecorded(socket: Parameters<typeof must>[0], sessionId: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const online = await must(socket, 'presence:list', {});
    if (online.some(p => p.deviceId === sessionId)) return;
    await new Promise(r => setTimeout(r, 20));
  }
  throw new Error('the connect was never recorded');
}

async function auditRows(action: string, memberId: string) {
  const [rows] = await stack.node.app.database.raw.execute(
    'select member_id, device_id, `after` from audit_log where action = ? and member_id = ? order by id',
    [action, memberId],
  );
  return (rows as Array<{ member_id: string; device_id: string | null; after: string | null }>).map(r => ({
    deviceId: r.device_id,
    after: r.after === null ? null : (JSON.parse(r.after) as unknown),
  }));
}

describe('session expiry', () => {
  it('ends an unused session after the idle limit: the command, the handshake and HTTP all refuse', async () => {
    skew = 0;
    const m = await stack.member('agent');
    const s = await signIn(m.email);
    const socket = await stack.connect(s.token);
    // Else the connect's write of last_seen_at could land after the clock moves, and revive it.
    await connectRecorded(socket, s.sessionId);
    expect(await bearerStatus(s.token)).toBe(404);

    skew = 31 * DAY;
    const reply = await call(socket, 'presence:list', {});
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated', details: { reason: 'session_expired' } },
    });
    expect(await handshake(s.token)).toBe('session_expired');
    expect(await bearerStatus(s.token)).toBe(401);
    // The refused command dropped the socket; going offline must not count as activity.
    await new Promise(r => setTimeout(r, 300));
    expect(await handshake(s.token)).toBe('session_expired');
    skew = 0;
  });

  it('keeps an active session alive past the idle limit, but not past the absolute limit', async () => {
    skew = 0;
    const m = await stack.member('agent');
    const s = await signIn(m.email);
    for (const day of [20, 40, 60, 80]) {
      skew = day * DAY;
      // Each connect is activity: the idle clock starts again.
      expect(await handshake(s.token)).toBe('connected');
    }
    skew = 91 * DAY;
    expect(await handshake(s.token)).toBe('session_expired');
    skew = 0;
  });

  it('writes last_seen_at on connect and then at most every few minutes, not per command', async () => {
    skew = 0;
    const m = await stack.member('agent');
    const s = await signIn(m.email);
    const socket = await stack.connect(s.token);
    const lastSeen = async () => {
      const [rows] = await stack.node.app.database.raw.execute('select last_seen_at from sessions where id = ?', [
        s.sessionId,
      ]);
      return Number((rows as Array<{ last_seen_at: number }>)[0]!.last_seen_at);
    };
    await connectRecorded(socket, s.sessionId);
    const first = await lastSeen();
    skew = 60_000;
    await must(socket, 'presence:list', {});
    expect(await lastSeen()).toBe(first);
    skew = 6 * 60_000;
    await must(socket, 'presence:list', {});
    expect(await lastSeen()).toBeGreaterThanOrEqual(first + 6 * 60_000 - 1000);
    skew = 0;
  });
});

describe('presence on connect', () => {
  it('keeps an "away" the device set while its connection was being set up', async () => {
    skew = 0;
    const m = await stack.member('agent');
    const s = await signIn(m.email);
    const row = async () => {
      const [rows] = await stack.node.app.database.raw.execute(
        'select presence, last_seen_at from sessions where id = ?',
        [s.sessionId],
      );
      const r = (rows as Array<{ presence: string; last_seen_at: number | null }>)[0]!;
      return { presence: r.presence, lastSeen: r.last_seen_at === null ? null : Number(r.last_seen_at) };
    };
    // As if its presence:set had landed first (commands are served while the connect's
    // bookkeeping still runs): the bookkeeping must not turn it back to online.
    const before = Date.now() - 60_000;
    await stack.node.app.database.raw.execute(`update sessions set presence = 'away', last_seen_at = ? where id = ?`, [
      before,
      s.sessionId,
    ]);
    await stack.connect(s.token);
    await expect.poll(async () => (await row()).lastSeen).toBeGreaterThan(before);
    expect((await row()).presence).toBe('away');

    // A device that was offline is online once connected.
    const other = await signIn(m.email);
    await stack.connect(other.token);
    await expect
      .poll(async () => {
        const [r] = await stack.node.app.database.raw.execute('select presence from sessions where id = ?', [
          other.sessionId,
        ]);
        return (r as Array<{ presence: string }>)[0]!.presence;
      })
      .toBe('online');
  });
});

describe('devices list and sign-out', () => {
  it('lists a member’s devices with platform, address and this device marked', async () => {
    skew = 0;
    const m = await stack.member('agent');
    const phone = await signIn(m.email, { deviceName: 'Office PC', platform: 'win' });
    const laptop = await signIn(m.email, { deviceName: 'Laptop', platform: 'mac' });
    const socket = await stack.connect(laptop.token);
    const list = await must(socket, 'session:list', {});
    expect(list.map(d => [d.deviceName, d.platform, d.current]).sort()).toEqual([
      ['Laptop', 'mac', true],
      ['Office PC', 'win', false],
    ]);
    expect(list.every(d => d.ip === '127.0.0.1' || d.ip === '::ffff:127.0.0.1')).toBe(true);
    expect(await auditRows('session.sign_in', m.id)).toContainEqual({
      deviceId: phone.sessionId,
      after: { deviceName: 'Office PC', platform: 'win', ip: expect.stringContaining('127.0.0.1') as string },
    });
  });

  it('does not trust X-Forwarded-For unless told to', async () => {
    const m = await stack.member('agent');
    const s = await signIn(m.email, {}, { 'x-forwarded-for': '203.0.113.9' });
    const socket = await stack.connect(s.token);
    const [me] = await must(socket, 'session:list', {});
    expect(me?.ip).not.toBe('203.0.113.9');
  });

  it('lets a member sign out their own other device, and that device is refused as revoked', async () => {
    const m = await stack.member('agent');
    const other = await signIn(m.email, { deviceName: 'Old laptop' });
    const mine = await signIn(m.email);
    const otherSocket = await stack.connect(other.token);
    const socket = await stack.connect(mine.token);
    const dropped = new Promise<void>(resolve => otherSocket.once('disconnect', () => resolve()));
    await must(socket, 'session:revoke', { sessionId: other.sessionId });
    await dropped;
    expect(await handshake(other.token)).toBe('session_revoked');
    expect((await must(socket, 'session:list', {})).map(d => d.id)).toEqual([mine.sessionId]);
    expect(await auditRows('session.revoke', m.id)).toEqual([{ deviceId: other.sessionId, after: { by: m.id } }]);
  });

  it("keeps non-admins away from other members' devices; admins see and sign out anyone's", async () => {
    const victim = await stack.member('lead');
    const v = await signIn(victim.email);
    const lead = await stack.device('lead');
    expect(await call(lead.socket, 'session:list', { memberId: victim.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await call(lead.socket, 'session:revoke', { sessionId: v.sessionId })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await handshake(v.token)).toBe('connected');

    const admin = await stack.device('admin');
    expect((await must(admin.socket, 'session:list', { memberId: victim.id })).map(d => d.id)).toEqual([v.sessionId]);
    await must(admin.socket, 'session:revoke', { sessionId: v.sessionId });
    expect(await handshake(v.token)).toBe('session_revoked');
    expect(await auditRows('session.revoke', victim.id)).toEqual([{ deviceId: v.sessionId, after: { by: admin.id } }]);
  });

  it('audits a device signing itself out and a failed sign-in', async () => {
    const m = await stack.member('agent');
    const s = await signIn(m.email);
    await fetch(`${stack.node.url}/api/logout`, { method: 'POST', headers: { authorization: `Bearer ${s.token}` } });
    expect(await auditRows('session.sign_out', m.id)).toEqual([{ deviceId: s.sessionId, after: null }]);
    await fetch(`${stack.node.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: m.email, password: 'not the password', deviceName: 'x' }),
    });
    expect(await auditRows('session.sign_in_failed', m.id)).toEqual([
      {
        deviceId: null,
        after: { email: m.email, ip: expect.stringContaining('127.0.0.1') as string, reason: 'wrong_password' },
      },
    ]);
  });
});
