/**
 * Sign-in lockout that does not lock the real member out (issue #15): a stranger hammering
 * a member's e-mail from many addresses is slowed by a growing back-off, while the member's
 * own desktop (a device key that signed in before) still signs in. Addresses come from
 * X-Forwarded-For, which this server is told to trust.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockDelayMs } from '../../../sync-server/src/auth/lockout';
import type { Stack } from './harness';
import { PASSWORD, startStack } from './harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ trustProxy: true, limits: { loginPerIpPerMinute: 8, loginPerAccountPerMinute: 3 } });
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
