/**
 * Two-step sign-in through the UI: a member turns it on in Settings (reading the key off the
 * screen and computing the code as an authenticator app would), signs out, and signing in
 * again asks for the code before it lets them in.
 */
import type { Browser, Locator } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import type { Stack } from '../integration/server/harness';
import { PASSWORD, startStack } from '../integration/server/harness';
import { expect, test } from './fixtures';
import type { Device } from './team-fixtures';
import { openDevice, printHostLogsOnFailure, signInFromSettings, workspaceSection } from './team-fixtures';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

let stack: Stack;
let member: { id: string; email: string };
let a: Device;
let recoveryCode = '';
let recoveryCodes: string[] = [];
let secret = '';
/** When the step of the last TOTP code used starts (ms). */
let lastStepStart = 0;

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  test.setTimeout(180_000);
  stack = await startStack();
  member = await stack.member('agent', 'Mira Member');
  a = await openDevice('A', () => browser.newPage());
});

// eslint-disable-next-line no-empty-pattern
test.afterEach(({}, testInfo) => printHostLogsOnFailure(testInfo, [a]));

test.afterAll(async () => {
  await a?.stop();
  await stack?.stop();
});

const codeAt = (secret: string, at: number) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: at });

test('a member turns on two-step sign-in and then signs in with a code', async () => {
  await signInFromSettings(a, stack.node.url, member.email);
  const settings = await a.inbox.openSettings('Settings', 'Team');
  const section = settings.getByRole('region', { name: 'Two-step sign-in' });
  await expect(section.getByText('Two-step sign-in is off.')).toBeVisible();
  await section.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
  await expect(section.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
  secret = await section.getByRole('textbox', { name: 'Key for manual entry' }).inputValue();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  await section
    .getByRole('textbox', { name: 'Code from the app' })
    .fill('000000' === codeAt(secret, Date.now()) ? '111111' : '000000');
  await section.getByRole('button', { name: 'Confirm and turn on' }).click();
  await expect(section.getByRole('alert')).toHaveText(/That code is not right/);
  await section.getByRole('textbox', { name: 'Code from the app' }).fill(codeAt(secret, Date.now()));
  await section.getByRole('button', { name: 'Confirm and turn on' }).click();
  const codes = section.getByRole('group', { name: 'Recovery codes' }).getByRole('listitem');
  await expect(codes).toHaveCount(10);
  recoveryCodes = await codes.allTextContents();
  recoveryCode = recoveryCodes[0] ?? '';
  expect(recoveryCode).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
  await section.getByRole('button', { name: 'I have saved these codes' }).click();
  await expect(section.getByText('Two-step sign-in is on for your account.')).toBeVisible();
  await expect(section.getByText('Recovery codes left: 10')).toBeVisible();

  const workspace = workspaceSection(settings);
  await signOutAndAskForCode(workspace);
  // The enrolment used this step's code; the next step's is accepted (±1 step).
  const at = Date.now() + 30_000;
  lastStepStart = Math.floor(at / 30_000) * 30_000;
  await workspace.getByRole('textbox', { name: 'Authenticator code' }).fill(codeAt(secret, at));
  await workspace.getByRole('button', { name: 'Sign in' }).click();
  await expect(workspace.getByText('Online', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(section.getByText('Two-step sign-in is on for your account.')).toBeVisible();
});

test('a recovery code signs in once instead of a code from the app', async () => {
  const settings = a.page.getByRole('dialog');
  const workspace = workspaceSection(settings);
  for (const attempt of ['first', 'again'] as const) {
    await signOutAndAskForCode(workspace);
    await workspace.getByRole('textbox', { name: 'Authenticator code' }).fill(recoveryCode);
    await workspace.getByRole('button', { name: 'Sign in' }).click();
    if (attempt === 'first') {
      await expect(workspace.getByText('Online', { exact: true })).toBeVisible({ timeout: 30_000 });
      const section = settings.getByRole('region', { name: 'Two-step sign-in' });
      await expect(section.getByText('Recovery codes left: 9')).toBeVisible();
    } else {
      await expect(workspace.getByRole('alert')).toHaveText(/not right or was already used/);
    }
  }
});

test('the member turns two-step sign-in off with a current code', async () => {
  const settings = a.page.getByRole('dialog');
  const workspace = workspaceSection(settings);
  await workspace.getByRole('textbox', { name: 'Authenticator code' }).fill(recoveryCodes[1]!);
  await workspace.getByRole('button', { name: 'Sign in' }).click();
  await expect(workspace.getByText('Online', { exact: true })).toBeVisible({ timeout: 30_000 });
  const section = settings.getByRole('region', { name: 'Two-step sign-in' });
  // Each step's code works once: the first test used the step after the enrolment's, so wait
  // until that step is the current one and take the next.
  await new Promise(r => setTimeout(r, Math.max(0, lastStepStart - Date.now() + 500)));
  const off = section.getByRole('textbox', { name: 'Code from the app, to turn it off' });
  await off.fill(codeAt(secret, Date.now() + 30_000));
  await section.getByRole('button', { name: 'Turn off two-step sign-in' }).click();
  await expect(section.getByText('Two-step sign-in is off.')).toBeVisible();

  await workspace.getByRole('button', { name: 'Sign out' }).click();
  await a.page.getByRole('button', { name: 'Sign out and remove' }).click();
  await signInFromSettingsOpen(workspace);
  await expect(workspace.getByText('Online', { exact: true })).toBeVisible({ timeout: 30_000 });
});

async function signInFromSettingsOpen(workspace: Locator): Promise<void> {
  await workspace.getByRole('textbox', { name: 'Server URL' }).fill(stack.node.url);
  await workspace.getByRole('textbox', { name: 'E-mail' }).fill(member.email);
  await workspace.getByLabel('Password').fill(PASSWORD);
  await workspace.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs out from Settings, then signs in with the password: the form asks for the code. */
async function signOutAndAskForCode(workspace: Locator): Promise<void> {
  await workspace.getByRole('button', { name: 'Sign out' }).click();
  await a.page.getByRole('button', { name: 'Sign out and remove' }).click();
  await expect(workspace.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await workspace.getByRole('textbox', { name: 'Server URL' }).fill(stack.node.url);
  await workspace.getByRole('textbox', { name: 'E-mail' }).fill(member.email);
  await workspace.getByLabel('Password').fill(PASSWORD);
  await workspace.getByRole('button', { name: 'Sign in' }).click();
  await expect(workspace.getByRole('alert')).toHaveText(
    'Enter the 6-digit code from your authenticator app, or one of your recovery codes.',
  );
}
