/**
 * Issue #15, sessions users can manage, end to end: one member signed in on two desktops
 * (real server, real MariaDB, each desktop driven through Chromium). The member sees both
 * devices and signs the other one out; then this desktop's session expires (the server's
 * clock is moved on) and it asks to sign in again, keeping its chats; then the member
 * changes their password, which signs their other devices out; last, an admin on the
 * other desktop starts a password reset and the member completes it on the sign-in form.
 */
import type { Browser } from '@playwright/test';
import type { Stack } from '../integration/server/harness';
import { hostWithChat, must, PASSWORD, startStack } from '../integration/server/harness';
import { expect, test } from './fixtures';
import type { Device } from './team-fixtures';
import {
  closeDialog,
  openDevice,
  printHostLogsOnFailure,
  rowName,
  signInFromSettings,
  workspaceSection,
} from './team-fixtures';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

const DAY = 24 * 60 * 60 * 1000;
const NEW_PASSWORD = 'a much better passphrase';
const RESET_PASSWORD = 'set with the admin code';
let stack: Stack;
/** Added to the server's session clock: moving it on expires sessions without waiting. */
let skew = 0;
let member: { id: string; email: string };
let adminEmail = '';
let a: Device;
let b: Device;

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  test.setTimeout(180_000);
  stack = await startStack({ sessions: { idleMs: 30 * DAY, maxMs: 90 * DAY, now: () => Date.now() + skew } });
  const admin = await stack.device('admin', 'Ada Admin');
  adminEmail = admin.email;
  const { accountId } = await hostWithChat(stack);
  member = await stack.member('agent', 'Mia Member');
  await must(admin.socket, 'account:add-member', { accountId, memberId: member.id });
  a = await openDevice('A', () => browser.newPage());
  b = await openDevice('B', () => browser.newPage());
});

// eslint-disable-next-line no-empty-pattern
test.afterEach(({}, testInfo) => printHostLogsOnFailure(testInfo, [a, b]));

test.afterAll(async () => {
  await b?.stop();
  await a?.stop();
  await stack?.stop();
});

test('the member sees both devices and signs the other one out; that desktop is asked to sign in again', async () => {
  await signInFromSettings(a, stack.node.url, member.email);
  await signInFromSettings(b, stack.node.url, member.email);

  const settings = await a.inbox.openSettings('Settings', 'Team');
  const security = settings.getByRole('region', { name: 'Security' });
  const rows = security.getByTestId('security-device-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'A e2e' })).toContainText('This device');
  await expect(rows.filter({ hasText: 'B e2e' })).not.toContainText('This device');
  await expect(rows.filter({ hasText: 'A e2e' }).getByRole('button')).toHaveCount(0);

  await security.getByRole('button', { name: 'Sign out B e2e' }).click();
  await expect(security.getByRole('status')).toContainText('B e2e was signed out');
  await expect(rows).toHaveCount(1);
  await closeDialog(a.page, settings);

  // B learns at once (its socket is dropped and the retry refused) and shows the sign-in form.
  const onB = workspaceSection(await b.inbox.openSettings('Settings', 'Team'));
  await expect(onB.getByRole('button', { name: 'Sign in' })).toBeVisible({ timeout: 20_000 });
  await expect(onB.getByRole('alert')).toContainText('Your access to this workspace was removed.');
  await closeDialog(b.page, b.page.getByRole('dialog', { name: 'Settings' }));
});

test('an expired session asks to sign in again on the same form, and the chats stay', async () => {
  const customer = a.inbox.chat(rowName('Customer'));
  await expect(customer).toBeVisible({ timeout: 20_000 });

  // 31 days on: A's session idled out. Its next connection is refused as expired.
  skew = 31 * DAY;
  stack.node.app.sync.disconnectSockets(true);

  const settings = await a.inbox.openSettings('Settings', 'Team');
  const workspace = workspaceSection(settings);
  await expect(workspace.getByTestId('session-refusal')).toHaveText(
    'Your session expired. Sign in again; the chats on this device are kept.',
    { timeout: 20_000 },
  );
  // The server and e-mail are filled in; only the password is asked for.
  await expect(workspace.getByRole('textbox', { name: 'Server URL' })).toHaveValue(stack.node.url);
  await expect(workspace.getByRole('textbox', { name: 'E-mail' })).toHaveValue(member.email);
  await closeDialog(a.page, settings);
  await expect(customer).toBeVisible();

  const again = workspaceSection(await a.inbox.openSettings('Settings', 'Team'));
  await again.getByLabel('Password').fill(PASSWORD);
  await again.getByRole('button', { name: 'Sign in' }).click();
  await expect(again.getByText('Online', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(again.getByTestId('session-refusal')).toHaveCount(0);
  await closeDialog(a.page, again.page().getByRole('dialog', { name: 'Settings' }));
  await expect(customer).toBeVisible();
});

test('the member changes their password: other devices are signed out, this one stays online', async () => {
  const elsewhere = await stack.login(member.email, 'Phone elsewhere');
  const settings = await a.inbox.openSettings('Settings', 'Team');
  const security = settings.getByRole('region', { name: 'Security' });
  await expect(security.getByTestId('security-device-row')).toHaveCount(2);

  const form = security.getByRole('form', { name: 'Change password' });
  await form.getByLabel('Current password').fill('not my password');
  await form.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await form.getByLabel('New password again').fill(NEW_PASSWORD);
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByRole('alert')).toHaveText('The current password is wrong.');

  await form.getByLabel('Current password').fill(PASSWORD);
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByRole('status')).toHaveText('Password changed. Other devices signed out: 1.');
  await expect(workspaceSection(settings).getByText('Online', { exact: true })).toBeVisible();
  await closeDialog(a.page, settings);

  const login = async (password: string) =>
    (
      await fetch(`${stack.node.url}/api/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: member.email, password, deviceName: 'check' }),
      })
    ).status;
  expect(await login(PASSWORD)).toBe(401);
  expect(await login(NEW_PASSWORD)).toBe(200);
  const revoked = await fetch(`${stack.node.url}/api/logout`, {
    method: 'POST',
    headers: { authorization: `Bearer ${elsewhere.token}` },
  });
  expect(revoked.status).toBe(401);
});

test('an admin starts a reset; the member is signed out and completes it on the sign-in form', async () => {
  await signInFromSettings(b, stack.node.url, adminEmail);
  const settings = await b.inbox.openSettings('Settings', 'Team');
  const admin = settings.getByTestId('member-devices');
  await admin.getByLabel('Member').selectOption({ label: `Mia Member (${member.email})` });
  await expect(admin.getByTestId('security-device-row').filter({ hasText: 'A e2e' })).toHaveCount(1);
  await admin.getByRole('button', { name: 'Reset the password of Mia Member' }).click();
  await b.page
    .getByRole('dialog', { name: 'Reset the password of Mia Member?' })
    .getByRole('button', { name: 'Reset password' })
    .click();
  const code = (await admin.getByTestId('reset-code').textContent()) ?? '';
  expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}-[A-Z2-9]{5}$/);
  await closeDialog(b.page, settings);

  // A (the member) is signed out at once and shows the sign-in form.
  const onA = workspaceSection(await a.inbox.openSettings('Settings', 'Team'));
  await expect(onA.getByRole('button', { name: 'Sign in' })).toBeVisible({ timeout: 20_000 });
  await onA.getByRole('textbox', { name: 'Server URL' }).fill(stack.node.url);
  await onA.getByRole('textbox', { name: 'E-mail' }).fill(member.email);
  await onA.getByRole('checkbox', { name: 'I have a reset code' }).check();
  await onA.getByRole('textbox', { name: 'Reset code' }).fill('WRONG-CODE0-00000');
  await onA.getByLabel('New password').fill(RESET_PASSWORD);
  await onA.getByRole('button', { name: 'Sign in' }).click();
  await expect(onA.getByRole('alert')).toHaveText(
    'The reset code is wrong or has expired. Ask your admin for a new one.',
  );
  await onA.getByRole('textbox', { name: 'Reset code' }).fill(code.toLowerCase());
  await onA.getByLabel('New password').fill(RESET_PASSWORD);
  await onA.getByRole('button', { name: 'Sign in' }).click();
  await expect(onA.getByText('Online', { exact: true })).toBeVisible({ timeout: 30_000 });

  const status = async (password: string) =>
    (
      await fetch(`${stack.node.url}/api/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: member.email, password, deviceName: 'check' }),
      })
    ).status;
  expect(await status(NEW_PASSWORD)).toBe(401);
  expect(await status(RESET_PASSWORD)).toBe(200);
});
