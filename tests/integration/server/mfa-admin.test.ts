import { Secret, TOTP } from 'otpauth';
import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Stack } from './harness';
import { call, hostWithChat, must, PASSWORD, recorder, startStack } from './harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const codeAt = (secret: string, at: number) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: at });

type Body = { ok: boolean; error?: { code: string; details?: { reason?: string } } };
const post = async (path: string, body: Record<string, unknown>) => {
  const res = await fetch(`${stack.node.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Body };
};
const login = (email: string, extra: Record<string, unknown> = {}) =>
  post('/api/login', { email, password: PASSWORD, deviceName: 'laptop', ...extra });

/** A member with TOTP on; its confirmation used the current step, so tests use the next one. */
async function enrolled(role: 'admin' | 'lead' | 'agent' = 'agent') {
  const m = await stack.device(role);
  const enrolment = await must(m.socket, 'mfa:enrol', {});
  const confirmed = await must(m.socket, 'mfa:confirm', { code: codeAt(enrolment.secret, Date.now()) });
  return { ...m, secret: enrolment.secret, recoveryCodes: confirmed.recoveryCodes };
}

const auditAfter = async (memberId: string, action: string) => {
  const [rows] = await stack.node.app.database.raw.execute<RowDataPacket[]>(
    'select after from audit_log where member_id = ? and action = ?',
    [memberId, action],
  );
  return rows.map(r => (r['after'] === null ? null : (JSON.parse(String(r['after'])) as unknown)));
};

const dropped = (socket: Client) =>
  new Promise<string>(resolve => socket.once('disconnect', reason => resolve(String(reason))));

describe('recovery codes regenerated', () => {
  it('takes a current code, replaces every old code, and is audited', async () => {
    const m = await enrolled();
    const wrong = await call(m.socket, 'mfa:recovery-regenerate', { code: codeAt(m.secret, Date.now() - 300_000) });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_args', details: { reason: 'mfa_invalid' } } });
    // A recovery code is not a current code: a stolen list must not mint a fresh one.
    const withRecovery = await call(m.socket, 'mfa:recovery-regenerate', { code: m.recoveryCodes[0] });
    expect(withRecovery).toMatchObject({ ok: false, error: { code: 'invalid_args' } });

    const fresh = await must(m.socket, 'mfa:recovery-regenerate', { code: codeAt(m.secret, Date.now() + 30_000) });
    expect(fresh.recoveryCodes).toHaveLength(10);
    expect(fresh).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    expect(fresh.recoveryCodes.some(c => m.recoveryCodes.includes(c))).toBe(false);
    expect((await login(m.email, { code: m.recoveryCodes[1] })).body.error).toMatchObject({
      details: { reason: 'mfa_invalid' },
    });
    expect((await login(m.email, { code: fresh.recoveryCodes[0] })).status).toBe(200);
    expect(await auditAfter(m.id, 'mfa.recovery_regenerated')).toEqual([null]);
  });

  it('is refused while two-step sign-in is off', async () => {
    const m = await stack.device('agent');
    expect(await call(m.socket, 'mfa:recovery-regenerate', { code: '123456' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { reason: 'mfa_not_enabled' } },
    });
  });
});

describe("an admin turns off a member's second factor", () => {
  it('signs the member out everywhere, lets them in with the password alone, and is audited', async () => {
    const admin = await stack.device('admin');
    const m = await enrolled();
    const gone = dropped(m.socket);
    const reply = await must(admin.socket, 'mfa:reset', { memberId: m.id });
    expect(reply).toEqual({ memberId: m.id, signedOut: 1 });
    expect(await gone).toBe('io server disconnect');
    expect(await stack.connect(m.token).catch((e: Error) => e.message)).toBe('unauthenticated');
    expect((await login(m.email)).status).toBe(200);
    expect(await auditAfter(m.id, 'mfa.disabled')).toEqual([{ by: admin.id }]);
  });

  it('is refused to leads and agents, for oneself, and for a member without it', async () => {
    const admin = await enrolled('admin');
    const m = await enrolled();
    for (const role of ['lead', 'agent'] as const) {
      const other = await stack.device(role);
      expect(await call(other.socket, 'mfa:reset', { memberId: m.id })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    expect(await call(admin.socket, 'mfa:reset', { memberId: admin.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid_args', details: { reason: 'self' } },
    });
    const plain = await stack.member('agent');
    expect(await call(admin.socket, 'mfa:reset', { memberId: plain.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { reason: 'mfa_not_enabled' } },
    });
    expect(await call(admin.socket, 'mfa:reset', { memberId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    // Nothing changed for the member.
    expect((await login(m.email)).body.error).toMatchObject({ details: { reason: 'mfa_required' } });
  });
});

describe('a reset code with two-step sign-in', () => {
  it('asks for the second factor too, and keeps the reset code until it is given', async () => {
    const admin = await stack.device('admin');
    const m = await enrolled();
    const { code } = await must(admin.socket, 'password:reset-start', { memberId: m.id });
    const reset = (extra: Record<string, unknown>) =>
      post('/api/password/reset', {
        email: m.email,
        code,
        newPassword: 'a brand new secret',
        deviceName: 'x',
        ...extra,
      });

    expect((await reset({})).body.error).toMatchObject({
      code: 'unauthenticated',
      details: { reason: 'mfa_required' },
    });
    const wrong = await reset({ mfaCode: codeAt(m.secret, Date.now() - 300_000) });
    expect(wrong.body.error).toMatchObject({ details: { reason: 'mfa_invalid' } });
    const done = await reset({ mfaCode: codeAt(m.secret, Date.now() + 30_000) });
    expect(done.status).toBe(200);
    // Spent: the same code does not work twice.
    expect((await reset({ mfaCode: m.recoveryCodes[0] })).body.error).toMatchObject({
      details: { reason: 'reset_invalid' },
    });
  });

  it('says nothing about the second factor to someone without a valid reset code', async () => {
    const m = await enrolled();
    const res = await post('/api/password/reset', {
      email: m.email,
      code: 'AAAAA-BBBBB-CCCCC',
      newPassword: 'a brand new secret',
      deviceName: 'x',
    });
    expect(res.body.error).toMatchObject({ details: { reason: 'reset_invalid' } });
  });
});

describe('the workspace requires admins to use two-step sign-in', () => {
  it('is refused to an admin who has not enrolled', async () => {
    const admin = await stack.device('admin');
    expect(await call(admin.socket, 'settings:update', { adminsRequireMfa: true })).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { reason: 'mfa_not_enrolled' } },
    });
    expect(await must(admin.socket, 'settings:get', {})).toMatchObject({ adminsRequireMfa: false });
  });

  it('confines an admin without it to enrolment until they enrol, and leaves others alone', async () => {
    const boss = await enrolled('admin');
    const other = await stack.device('admin');
    const agent = await stack.device('agent');
    const before = await must(boss.socket, 'settings:get', {});
    const gone = dropped(other.socket);
    const after = await must(boss.socket, 'settings:update', { adminsRequireMfa: true });
    // Only the field sent changed.
    expect(after).toEqual({ ...before, adminsRequireMfa: true });
    expect(await gone).toBe('io server disconnect');

    try {
      const confined = await stack.connect(other.token);
      const facts = recorder(confined);
      expect(await call(confined, 'member:list', {})).toMatchObject({
        ok: false,
        error: { code: 'forbidden', details: { reason: 'mfa_enrolment_required' } },
      });
      expect(await call(confined, 'sync:pull', { cursor: 0 })).toMatchObject({
        ok: false,
        error: { details: { reason: 'mfa_enrolment_required' } },
      });
      expect(await must(confined, 'mfa:status', {})).toMatchObject({ required: true, adminsRequireMfa: true });
      // No chat reaches it live either: it is in no account's or the admins' room.
      const bossFacts = recorder(boss.socket);
      await hostWithChat(stack);
      await bossFacts.next('messages:upserted');
      expect(
        facts.events.filter(
          e => e.name.startsWith('messages:') || e.name.startsWith('chat:') || e.name.startsWith('account:'),
        ),
      ).toEqual([]);
      // Agents and enrolled admins work as before.
      expect((await call(agent.socket, 'template:list', {})).ok).toBe(true);
      expect((await call(boss.socket, 'member:list', {})).ok).toBe(true);

      const enrolment = await must(confined, 'mfa:enrol', {});
      const reconnects = dropped(confined);
      const confirmed = await must(confined, 'mfa:confirm', { code: codeAt(enrolment.secret, Date.now()) });
      expect(confirmed).toMatchObject({ enabled: true, required: false, adminsRequireMfa: true });
      // The server drops the enrolment-only socket after the reply; the reconnect has full rooms.
      expect(await reconnects).toBe('io server disconnect');
      const full = await stack.connect(other.token);
      expect((await call(full, 'member:list', {})).ok).toBe(true);
    } finally {
      await must(boss.socket, 'settings:update', { adminsRequireMfa: false });
    }
  });
});
