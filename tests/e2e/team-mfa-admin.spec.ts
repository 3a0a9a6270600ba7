/**
 * Two-step sign-in as a team runs it, through the UI of two admins' desktops and a real
 * server: new recovery codes, the workspace policy that confines an admin without a second
 * factor to enrolling one, an admin turning off a member's second factor, and a reset code
 * that still asks for the second factor.
 */
import type { Browser, Locator } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import type { Stack } from '../integration/server/harness';
import { must, PASSWORD, startStack } from '../integration/server/harness';
import { expect, test } from './fixtures';
import type { Device } from './team-fixtures';
import { closeDialog, openDevice, printHostLogsOnFailure, signInFromSettings, workspaceSection } from './team-fixtures';

test.describe.configure({ mode: 'serial', timeout: 150_000 });

let stack: Stack;
let boss: { id: string; email: string };
let other: { id: string; email: string };
let agent: { id: string; email: string };
let a: Device;
let b: Device;
let otherSecret = '';

const codeAt = (secret: string, at: number) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: at });

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  test.setTimeout(180_000);
  stack = await startStack();
  boss = await stack.member('admin', 'Bea Boss');
  other = await stack.member('admin', 'Odi Other');
  agent = await stack.member('agent', 'Ana Agent');
  // The agent set up two-step sign-in on a phone of their own (no desktop in this test).
  const socket = await stack.connect((await stack.login(agent.email)).token);
  const enrolment = await must(socket, 'mfa:enrol', {});
  await must(socket, 'mfa:confirm', { code: codeAt(enrolment.secret, Date.now()) });
  socket.disconnect();
  a = await openDevice('A', () => browser.newPage());
  b = await openDevice('B', () => browser.newPage());
});

// eslint-disable-next-line no-empty-pattern
test.afterEach(({}, testInfo) => printHostLogsOnFailure(testInfo, [a, b]));

test.afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await stack?.stop();
});

const twoStep = (settings: Locator) => settings.getByRole('region', { name: 'Two-step sign-in' });

/** Turns it on in the section as a member would with an authenticator app; the codes shown. */
async function enrol(section: Locator): Promise<{ secret: string; codes: string[] }> {
  await section.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
  const secret = await section.getByRole('textbox', { name: 'Key for manual entry' }).inputValue();
  await section.getByRole('textbox', { name: 'Code from the app' }).fill(codeAt(secret, Date.now()));
  await section.getByRole('button', { name: 'Confirm and turn on' }).click();
  return { secret, codes: await savedCodes(section) };
}

async function savedCodes(section: Locator): Promise<string[]> {
  const items = section.getByRole('group', { name: 'Recovery codes' }).getByRole('listitem');
  await expect(items).toHaveCount(10);
  const codes = await items.allTextContents();
  await section.getByRole('button', { name: 'I have saved these codes' }).click();
  return codes;
}

test('an admin requires two-step sign-in of admins; another admin is asked to enrol and syncs again once they have', async () => {
  await signInFromSettings(a, stack.node.url, boss.email);
  await signInFromSettings(b, stack.node.url, other.email);
  const settings = await a.inbox.openSettings('Settings', 'Team');
  const section = twoStep(settings);
  const policy = section.getByRole('checkbox', { name: 'Admins must use two-step sign-in' });
  // Requiring it before using it would lock this admin out of their own workspace.
  await expect(policy).toBeDisabled();
  await expect(section.getByText(/Turn on your own two-step sign-in first/)).toBeVisible();

  const { secret, codes } = await enrol(section);
  await expect(section.getByText('Recovery codes left: 10')).toBeVisible();
  // New recovery codes take a current code from the app (the next step: the enrolment used this one).
  await section
    .getByRole('textbox', { name: 'Code from the app, for new recovery codes' })
    .fill(codeAt(secret, Date.now() + 30_000));
  await section.getByRole('button', { name: 'Make new recovery codes' }).click();
  const fresh = await savedCodes(section);
  expect(fresh.filter(c => codes.includes(c))).toEqual([]);

  await policy.click();
  await expect(policy).toBeChecked();
  await expect(section.getByRole('alert')).toHaveCount(0);

  // B is dropped and comes back confined: a banner, and Settings open at the enrolment.
  await expect(b.page.getByTestId('mfa-required-banner')).toBeVisible({ timeout: 30_000 });
  const onB = b.page.getByRole('dialog');
  const bSection = twoStep(onB);
  await expect(
    bSection.getByText('Your workspace requires this for admins. Nothing syncs until it is on.'),
  ).toBeVisible();
  otherSecret = (await enrol(bSection)).secret;
  await expect(bSection.getByText('Two-step sign-in is on for your account.')).toBeVisible({ timeout: 30_000 });
  await expect(b.page.getByTestId('mfa-required-banner')).toHaveCount(0, { timeout: 30_000 });
  await expect(workspaceSection(onB).getByText('Online', { exact: true })).toBeVisible();
  await closeDialog(b.page, onB);
  await closeDialog(a.page, settings);
});

test("an admin turns off a member's two-step sign-in from Settings", async () => {
  const settings = await a.inbox.openSettings('Settings', 'Team');
  const admin = settings.getByTestId('member-devices');
  await admin.getByLabel('Member').selectOption({ label: `Ana Agent (${agent.email})` });
  const turnOff = async () => {
    await admin.getByRole('button', { name: 'Turn off two-step sign-in for Ana Agent' }).click();
    await a.page
      .getByRole('dialog', { name: 'Turn off two-step sign-in for Ana Agent?' })
      .getByRole('button', { name: 'Turn off two-step sign-in' })
      .click();
  };
  await turnOff();
  await expect(admin.getByRole('status')).toHaveText(
    'Two-step sign-in is off for Ana Agent, and they were signed out everywhere.',
  );
  const login = await fetch(`${stack.node.url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: agent.email, password: PASSWORD, deviceName: 'check' }),
  });
  expect(login.status).toBe(200);
  await turnOff();
  await expect(admin.getByRole('alert')).toHaveText('Ana Agent does not use two-step sign-in.');
  await closeDialog(a.page, settings);
});

test('signing in with a reset code also asks for the second factor', async () => {
  const settings = await a.inbox.openSettings('Settings', 'Team');
  const admin = settings.getByTestId('member-devices');
  await admin.getByLabel('Member').selectOption({ label: `Odi Other (${other.email})` });
  await admin.getByRole('button', { name: 'Reset the password of Odi Other' }).click();
  await a.page
    .getByRole('dialog', { name: 'Reset the password of Odi Other?' })
    .getByRole('button', { name: 'Reset password' })
    .click();
  const code = (await admin.getByTestId('reset-code').textContent()) ?? '';
  await closeDialog(a.page, settings);

  const onB = workspaceSection(await b.inbox.openSettings('Settings', 'Team'));
  await expect(onB.getByRole('button', { name: 'Sign in' })).toBeVisible({ timeout: 20_000 });
  await onB.getByRole('textbox', { name: 'Server URL' }).fill(stack.node.url);
  await onB.getByRole('textbox', { name: 'E-mail' }).fill(other.email);
  await onB.getByRole('checkbox', { name: 'I have a reset code' }).check();
  await onB.getByRole('textbox', { name: 'Reset code' }).fill(code);
  await onB.getByLabel('New password').fill('a new password from the reset');
  await onB.getByRole('button', { name: 'Sign in' }).click();
  await expect(onB.getByRole('alert')).toHaveText(
    'Enter the 6-digit code from your authenticator app, or one of your recovery codes.',
  );
  await onB.getByLabel('New password').fill('a new password from the reset');
  await onB.getByRole('textbox', { name: 'Authenticator code' }).fill(codeAt(otherSecret, Date.now() + 30_000));
  await onB.getByRole('button', { name: 'Sign in' }).click();
  await expect(onB.getByText('Online', { exact: true })).toBeVisible({ timeout: 30_000 });
});
