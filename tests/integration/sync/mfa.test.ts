/**
 * Two-step sign-in from a full desktop core against a real workspace server: enrolment is
 * relayed, and a sign-in for a member with TOTP passes the server's details.reason back so
 * the form can ask for the code, then succeeds with it.
 */
import { Secret, TOTP } from 'otpauth';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../main/core/core';
import { callCore as call, until } from '../../helpers/core';
import type { Stack } from '../server/harness';
import { hostWithChat, must, PASSWORD, startStack } from '../server/harness';
import { desktops } from './desktops';

let stack: Stack;
let core: Core;
const desks = desktops('mfa');
afterEach(ctx => desks.printLogsIfFailed(ctx));
const ctx = { transport: 'internal' } as const;

beforeAll(async () => {
  stack = await startStack();
  core = await desks.open();
}, 120_000);

afterAll(async () => {
  await core?.close();
  await stack?.stop();
  desks.removeAll();
});

const codeAt = (secret: string, at: number) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: at });

describe('two-step sign-in from the desktop core', () => {
  it('enrols, then signs in only with the code, passing the refusal reason on', async () => {
    const m = await stack.member('agent');
    const signIn = (extra: Record<string, unknown> = {}) =>
      core.dispatch(
        'workspace:signIn',
        { serverUrl: stack.node.url, email: m.email, password: PASSWORD, ...extra },
        ctx,
      );
    await call(core, 'workspace:signIn', { serverUrl: stack.node.url, email: m.email, password: PASSWORD });
    await until('online', async () => (await call(core, 'workspace:status', {})).connection === 'online');

    const enrolment = await call(core, 'mfa:enrol', {});
    const confirmed = await call(core, 'mfa:confirm', { code: codeAt(enrolment.secret, Date.now()) });
    expect(confirmed.recoveryCodes).toHaveLength(10);
    expect(await call(core, 'mfa:status', {})).toEqual({
      enabled: true,
      pending: false,
      recoveryCodesLeft: 10,
      adminsRequireMfa: false,
      required: false,
    });
    await call(core, 'workspace:signOut', {});

    expect(await signIn()).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated', details: { reason: 'mfa_required' } },
    });
    expect(await signIn({ code: '000000' })).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated', details: { reason: 'mfa_invalid' } },
    });
    const reply = await signIn({ code: codeAt(enrolment.secret, Date.now() + 30_000) });
    expect(reply.ok).toBe(true);
    await until('online again', async () => (await call(core, 'workspace:status', {})).connection === 'online');
  });

  it('an admin the workspace requires to enrol syncs nothing until they have, then goes on', async () => {
    const boss = await stack.device('admin');
    const enrolment = await must(boss.socket, 'mfa:enrol', {});
    await must(boss.socket, 'mfa:confirm', { code: codeAt(enrolment.secret, Date.now()) });
    const { accountId } = await hostWithChat(stack);
    const admin = await stack.member('admin');
    try {
      await must(boss.socket, 'settings:update', { adminsRequireMfa: true });
      await call(core, 'workspace:signIn', { serverUrl: stack.node.url, email: admin.email, password: PASSWORD });
      await until('confined', async () => (await call(core, 'workspace:status', {})).mfaEnrolmentRequired === true);
      expect(await call(core, 'mfa:status', {})).toMatchObject({ required: true, adminsRequireMfa: true });
      // Nothing of the workspace reaches it: the account's chat is not listed here.
      expect((await call(core, 'chats:list', { accountIds: [accountId] })).items).toEqual([]);

      const own = await call(core, 'mfa:enrol', {});
      await call(core, 'mfa:confirm', { code: codeAt(own.secret, Date.now()) });
      await until('free', async () => {
        const st = await call(core, 'workspace:status', {});
        return st.connection === 'online' && st.mfaEnrolmentRequired === undefined;
      });
      // The usual connect ran: the workspace's account and its chat arrived.
      await until('chats synced', async () =>
        (await call(core, 'chats:list', { accountIds: [accountId] })).items.some(
          c => c.id === `${accountId}:628123@c.us`,
        ),
      );
    } finally {
      await must(boss.socket, 'settings:update', { adminsRequireMfa: false });
    }
  });
});
