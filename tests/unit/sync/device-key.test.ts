import { describe, expect, it } from 'vitest';
import { deviceKeyOf, loginToWorkspace } from '../../../main/sync/session';

function memoryVault() {
  const values = new Map<string, string>();
  return {
    get: (name: string) => Promise.resolve(values.get(name) ?? null),
    set: (name: string, value: string | null) => {
      if (value === null) values.delete(name);
      else values.set(name, value);
      return Promise.resolve();
    },
  };
}

describe('the desktop’s device key', () => {
  it('is made once, random, and the same on every later sign-in', async () => {
    const vault = memoryVault();
    const first = await deviceKeyOf(vault);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(await deviceKeyOf(vault)).toBe(first);
    expect(await deviceKeyOf(memoryVault())).not.toBe(first);
  });

  it('travels with the sign-in, and a lockout refusal keeps its details for the form', async () => {
    let sent: unknown;
    const fetchImpl = (async (_url: URL, init: RequestInit) => {
      sent = JSON.parse(String(init.body));
      return new Response(
        JSON.stringify({
          ok: false,
          error: { code: 'rate_limited', message: 'locked', details: { reason: 'locked', retryAfterSeconds: 60 } },
        }),
        { status: 429 },
      );
    }) as typeof fetch;
    const refused = loginToWorkspace(
      'http://server.test',
      { email: 'a@example.test', password: 'pw', deviceName: 'd', deviceKey: 'k'.repeat(20) },
      fetchImpl,
    );
    await expect(refused).rejects.toMatchObject({
      code: 'rate_limited',
      details: { reason: 'locked', retryAfterSeconds: 60 },
    });
    expect(sent).toMatchObject({ deviceKey: 'k'.repeat(20), password: 'pw' });
  });

  it('with a reset code, goes to the reset route: the password is the new one', async () => {
    let url = '';
    let sent: unknown;
    const fetchImpl = (async (u: URL, init: RequestInit) => {
      url = u.pathname;
      sent = JSON.parse(String(init.body));
      return new Response(
        JSON.stringify({ ok: true, value: { token: 't'.repeat(30), sessionId: 's', memberId: 'm', role: 'agent' } }),
      );
    }) as typeof fetch;
    await loginToWorkspace(
      'http://server.test',
      { email: 'a@example.test', password: 'new passphrase', deviceName: 'd', resetCode: 'ABCDE-FGHJK-MNPQR' },
      fetchImpl,
    );
    expect(url).toBe('/api/password/reset');
    expect(sent).toMatchObject({ email: 'a@example.test', code: 'ABCDE-FGHJK-MNPQR', newPassword: 'new passphrase' });
    expect(sent).not.toHaveProperty('password');
  });
});
