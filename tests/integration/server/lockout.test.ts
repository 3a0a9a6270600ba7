/**
 * Sign-in lockout that does not lock the real member out (issue #15): a stranger hammering
 * a member's e-mail from many addresses is slowed by a growing back-off, while the member's
 * own desktop (a device key that signed in before) still signs in. Addresses come from
 * X-Forwarded-For, which this server is told to trust. Also the reset an admin starts,
 * whose code is guessed under the same budgets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockDelayMs } from '../../../sync-server/src/auth/lockout';
import type { Stack } from './harness';
import { call, must, PASSWORD, startStack } from './harness';

let stack: Stack;
/** Added to the server's clock (reset codes expire on it). */
let skew = 0;
beforeAll(async () => {
  stack = await startStack({
    trustProxy: true,
    limits: { loginPerIpPerMinute: 8, loginPerAccountPerMinute: 3 },
    sessions: { now: () => Date.now() + skew },
  });
});
afterAll(async () => {
  await stack?.stop();
});

let ipCounter = 0;
const freshIp = () => `198.51.100.${++ipCounter}`;

async function attempt(email: string, password: string, ip: string, deviceKey?: string) {
  const res = await fetch(`${stack.node.url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ email, password, deviceName: 'laptop', ...(deviceKey ? { deviceKey } : {}) }),
  });
  const body = (await res.json()) as { ok: boolean; error?: { code: string; details?: Record<string, unknown> } };
  return { status: res.status, details: body.error?.details };
}

describe('sign-in lockout', () => {
  it('slows a stranger on the member’s e-mail from many addresses, but not the member’s known desktop', async () => {
    const m = await stack.member('agent');
    const deskKey = 'member-desktop-key-0123456789';
    expect((await attempt(m.email, PASSWORD, '192.0.2.10', deskKey)).status).toBe(200);

    // Ten wrong guesses from ten addresses: each address is within its own budgets.
    for (let i = 0; i < 10; i++) expect((await attempt(m.email, 'guess ' + i, freshIp())).status).toBe(401);
    const locked = await attempt(m.email, 'guess 11', freshIp());
    expect(locked.status).toBe(429);
    expect(locked.details).toMatchObject({ reason: 'locked' });
    expect(locked.details?.['retryAfterSeconds']).toBeGreaterThanOrEqual(25);
    // Even the right password waits while locked, from a new address or an unknown device.
    expect((await attempt(m.email, PASSWORD, freshIp())).status).toBe(429);
    expect((await attempt(m.email, PASSWORD, freshIp(), 'some-other-device-key-000')).status).toBe(429);

    // The member's desktop, which signed in before, is not held back.
    expect((await attempt(m.email, PASSWORD, '192.0.2.10', deskKey)).status).toBe(200);
    // …and its sign-in does not give the stranger a fresh start.
    expect((await attempt(m.email, PASSWORD, freshIp())).status).toBe(429);
  });

  it('grows the delay with each failure after the tenth, up to 15 minutes', () => {
    expect(lockDelayMs(9)).toBe(0);
    expect(lockDelayMs(10)).toBe(30_000);
    expect(lockDelayMs(11)).toBe(60_000);
    expect(lockDelayMs(13)).toBe(240_000);
    expect(lockDelayMs(20)).toBe(15 * 60_000);
    expect(lockDelayMs(500)).toBe(15 * 60_000);
  });

  it('keeps per (e-mail, address) and per-address budgets, and a stranger elsewhere does not use them up', async () => {
    const m = await stack.member('agent');
    const ip = freshIp();
    for (let i = 0; i < 3; i++) expect((await attempt(m.email, 'wrong ' + i, ip)).status).toBe(401);
    const limited = await attempt(m.email, PASSWORD, ip);
    expect(limited.status).toBe(429);
    expect(limited.details).not.toHaveProperty('reason');
    expect(limited.details?.['retryAfterSeconds']).toBeGreaterThan(0);
    // The same e-mail from another address still has its budget.
    expect((await attempt(m.email, PASSWORD, freshIp())).status).toBe(200);

    // One address spraying many e-mails runs out of its own budget.
    const sprayer = freshIp();
    const outcomes: number[] = [];
    for (let i = 0; i < 9; i++) outcomes.push((await attempt(`nobody${i}@example.test`, 'x', sprayer)).status);
    expect(outcomes.slice(0, 8).every(s => s === 401)).toBe(true);
    expect(outcomes[8]).toBe(429);
  });
});

async function reset(email: string, code: string, newPassword: string) {
  const res = await fetch(`${stack.node.url}/api/password/reset`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': freshIp() },
    body: JSON.stringify({ email, code, newPassword, deviceName: 'new laptop' }),
  });
  return {
    status: res.status,
    body: (await res.json()) as { ok: boolean; value?: { token: string }; error?: { details?: unknown } },
  };
}

async function audit(action: string, memberId: string) {
  const [rows] = await stack.node.app.database.raw.execute(
    'select `after` from audit_log where action = ? and member_id = ?',
    [action, memberId],
  );
  return (rows as Array<{ after: string | null }>).map(r =>
    r.after === null ? null : (JSON.parse(r.after) as unknown),
  );
}

describe('a password reset an admin starts', () => {
  it('signs the member out, and the code (once, with a new password) signs them in', async () => {
    skew = 0;
    const admin = await stack.device('admin');
    const m = await stack.device('agent');
    const dropped = new Promise<void>(resolve => m.socket.once('disconnect', () => resolve()));
    const { code, expiresAt } = await must(admin.socket, 'password:reset-start', { memberId: m.id });
    expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    expect(expiresAt - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    await dropped;
    expect(await audit('password.reset_started', m.id)).toEqual([{ by: admin.id }]);

    const NEW = 'fresh start passphrase';
    const wrong = await reset(m.email, 'AAAAA-BBBBB-CCCCC', NEW);
    expect(wrong.status).toBe(401);
    expect(wrong.body.error?.details).toEqual({ reason: 'reset_invalid' });
    // Typed in lower case without dashes it still matches.
    const ok = await reset(m.email, code.toLowerCase().replace(/-/g, ''), NEW);
    expect(ok.status).toBe(200);
    await must(await stack.connect(ok.body.value!.token), 'presence:list', {});
    expect((await attempt(m.email, PASSWORD, freshIp())).status).toBe(401);
    expect((await attempt(m.email, NEW, freshIp())).status).toBe(200);
    expect((await reset(m.email, code, 'yet another passphrase')).status).toBe(401);
    expect(await audit('password.reset_completed', m.id)).toEqual([null]);
  });

  it('expires after 24 hours, only the newest code works, and an admin cannot reset themselves', async () => {
    skew = 0;
    const admin = await stack.device('admin');
    const m = await stack.member('agent');
    const first = await must(admin.socket, 'password:reset-start', { memberId: m.id });
    const second = await must(admin.socket, 'password:reset-start', { memberId: m.id });
    expect((await reset(m.email, first.code, 'new passphrase one')).status).toBe(401);
    skew = 24 * 3600_000 + 1000;
    expect((await reset(m.email, second.code, 'new passphrase two')).status).toBe(401);
    skew = 0;
    expect(await call(admin.socket, 'password:reset-start', { memberId: admin.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid_args' },
    });
  });
});
