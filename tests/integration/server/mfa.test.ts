import { Secret, TOTP } from 'otpauth';
import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptSecret } from '../../../sync-server/src/auth/mfa-crypto';
import type { Node, Stack } from './harness';
import { call, must, PASSWORD, startNode, startStack, TEST_MFA_KEY } from './harness';

let stack: Stack;
let keyless: Node;
beforeAll(async () => {
  stack = await startStack();
  keyless = await startNode(stack.mariadb.url, { mfaKey: null });
});
afterAll(async () => {
  await keyless?.app.close();
  await stack?.stop();
});

/** The workspace does not require two-step sign-in of admins in these tests. */
const noPolicy = { adminsRequireMfa: false, required: false };

const codeAt = (secret: string, at: number) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: at });

type LoginBody = { ok: boolean; error?: { code: string; details?: { reason?: string } } };
const login = async (email: string, extra: Record<string, unknown> = {}, url = stack.node.url) => {
  const res = await fetch(`${url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD, deviceName: 'laptop', ...extra }),
  });
  return { status: res.status, body: (await res.json()) as LoginBody };
};

/** A member with TOTP on: enrolled and confirmed with the current code (its step is then used). */
async function enrolled() {
  const m = await stack.device('agent');
  const enrolment = await must(m.socket, 'mfa:enrol', {});
  const confirmed = await must(m.socket, 'mfa:confirm', { code: codeAt(enrolment.secret, Date.now()) });
  return { ...m, secret: enrolment.secret, recoveryCodes: confirmed.recoveryCodes };
}

describe('two-step sign-in (TOTP)', () => {
  it('enrols with a QR URI and a secret, and is on only after a correct code', async () => {
    const m = await stack.device('agent');
    expect(await must(m.socket, 'mfa:status', {})).toEqual({
      enabled: false,
      pending: false,
      recoveryCodesLeft: 0,
      ...noPolicy,
    });
    const enrolment = await must(m.socket, 'mfa:enrol', {});
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolment.uri).toContain('otpauth://totp/Blazz%20Desk:');
    expect(enrolment.uri).toContain(`secret=${enrolment.secret}`);
    expect(await must(m.socket, 'mfa:status', {})).toEqual({
      enabled: false,
      pending: true,
      recoveryCodesLeft: 0,
      ...noPolicy,
    });
    // Not yet on: signing in needs no code.
    expect((await login(m.email)).status).toBe(200);

    const wrong = await call(m.socket, 'mfa:confirm', { code: codeAt(enrolment.secret, Date.now() - 10 * 60_000) });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_args', details: { reason: 'mfa_invalid' } } });
    await must(m.socket, 'mfa:confirm', { code: codeAt(enrolment.secret, Date.now()) });
    expect(await must(m.socket, 'mfa:status', {})).toEqual({
      enabled: true,
      pending: false,
      recoveryCodesLeft: 10,
      ...noPolicy,
    });
    // Already on: a new enrolment would silently replace the phone's secret.
    expect(await call(m.socket, 'mfa:enrol', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('stores the secret encrypted with the configured key', async () => {
    const m = await enrolled();
    const [rows] = await stack.node.app.database.raw.execute<RowDataPacket[]>(
      'select secret_enc from member_mfa where member_id = ?',
      [m.id],
    );
    const stored = String(rows[0]?.['secret_enc']);
    expect(stored).not.toContain(m.secret);
    expect(decryptSecret(TEST_MFA_KEY, stored)?.equals(Buffer.from(Secret.fromBase32(m.secret).bytes))).toBe(true);
    expect(decryptSecret(Buffer.alloc(32, 1), stored)).toBeNull();
  });

  it('asks for the code only after the password was right, and accepts a current code once', async () => {
    const m = await enrolled();
    const wrongPassword = await login(m.email, { password: 'not the password' });
    expect(wrongPassword.body.error).toEqual(expect.objectContaining({ code: 'unauthenticated' }));
    expect(wrongPassword.body.error?.details).toBeUndefined();

    const asked = await login(m.email);
    expect(asked.status).toBe(401);
    expect(asked.body.error).toMatchObject({ code: 'unauthenticated', details: { reason: 'mfa_required' } });

    // The enrolment used this step's code; the next step's is within the ±1 window.
    const next = codeAt(m.secret, Date.now() + 30_000);
    expect((await login(m.email, { code: next })).status).toBe(200);
    const reused = await login(m.email, { code: next });
    expect(reused.body.error).toMatchObject({ code: 'unauthenticated', details: { reason: 'mfa_invalid' } });
  });

  it('refuses an old code, a wrong code and a malformed one, and audits the failure without the code', async () => {
    const m = await enrolled();
    const old = codeAt(m.secret, Date.now() - 120_000);
    expect((await login(m.email, { code: old })).body.error?.details).toEqual({ reason: 'mfa_invalid' });
    expect((await login(m.email, { code: 'abcdef' })).body.error?.details).toEqual({ reason: 'mfa_invalid' });
    expect((await login(m.email, { code: '1' })).status).toBe(400);
    const [rows] = await stack.node.app.database.raw.execute<RowDataPacket[]>(
      "select after from audit_log where member_id = ? and action = 'session.sign_in_failed'",
      [m.id],
    );
    expect(rows).toHaveLength(2);
    expect(JSON.parse(String(rows[0]?.['after']))).toMatchObject({ reason: 'mfa_invalid', email: m.email });
    expect(String(rows[0]?.['after'])).not.toContain(old);
  });

  it('gives ten recovery codes, stored hashed, each signing in once instead of a TOTP code', async () => {
    const m = await enrolled();
    expect(m.recoveryCodes).toHaveLength(10);
    expect(new Set(m.recoveryCodes).size).toBe(10);
    for (const c of m.recoveryCodes) expect(c).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    const [rows] = await stack.node.app.database.raw.execute<RowDataPacket[]>(
      'select code_hash from mfa_recovery_codes where member_id = ?',
      [m.id],
    );
    expect(rows).toHaveLength(10);
    const stored = rows.map(r => String(r['code_hash'])).join(' ');
    for (const c of m.recoveryCodes) expect(stored).not.toContain(c);

    const first = m.recoveryCodes[0]!;
    // Typed back in lower case without the dash, as someone reading it off paper might.
    expect((await login(m.email, { code: first.toLowerCase().replace('-', '') })).status).toBe(200);
    expect((await login(m.email, { code: first })).body.error?.details).toEqual({ reason: 'mfa_invalid' });
    expect((await login(m.email, { code: 'ABCDE-FGHJK' })).body.error?.details).toEqual({ reason: 'mfa_invalid' });
    const s = await stack.login(m.email).catch(() => null);
    expect(s).toBeNull();
    const socket = m.socket;
    expect(await must(socket, 'mfa:status', {})).toEqual({
      enabled: true,
      pending: false,
      recoveryCodesLeft: 9,
      ...noPolicy,
    });
    const [audit] = await stack.node.app.database.raw.execute<RowDataPacket[]>(
      "select after from audit_log where member_id = ? and action = 'mfa.recovery_used'",
      [m.id],
    );
    expect(audit).toHaveLength(1);
  });

  it('is turned off by the member with a current code, and audited', async () => {
    const m = await enrolled();
    const wrong = await call(m.socket, 'mfa:disable', { code: codeAt(m.secret, Date.now() - 120_000) });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_args', details: { reason: 'mfa_invalid' } } });
    expect(await must(m.socket, 'mfa:disable', { code: codeAt(m.secret, Date.now() + 30_000) })).toEqual({
      enabled: false,
      pending: false,
      recoveryCodesLeft: 0,
      ...noPolicy,
    });
    expect((await login(m.email)).status).toBe(200);
    expect((await login(m.email, { code: m.recoveryCodes[0] })).status).toBe(200);
    const [rows] = await stack.node.app.database.raw.execute<RowDataPacket[]>(
      "select after from audit_log where member_id = ? and action = 'mfa.disabled'",
      [m.id],
    );
    expect(rows.map(r => JSON.parse(String(r['after'])) as unknown)).toEqual([{ by: m.id }]);
  });

  it('refuses to enrol, and to sign in a member with TOTP, when the server has no key', async () => {
    const m = await enrolled();
    const other = await stack.member('agent');
    const s = await stack.login(other.email);
    const socket = await stack.connect(s.token, keyless.url);
    expect(await call(socket, 'mfa:enrol', {})).toMatchObject({
      ok: false,
      error: { code: 'unavailable', details: { reason: 'mfa_key_missing' } },
    });
    const refused = await login(m.email, { code: codeAt(m.secret, Date.now() + 30_000) }, keyless.url);
    expect(refused.body.error).toMatchObject({ code: 'unavailable', details: { reason: 'mfa_key_missing' } });
  });
});
