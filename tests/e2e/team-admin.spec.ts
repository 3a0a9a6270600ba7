/**
 * Settings → Members, end to end: an admin signed in on a headless host (Chromium) against
 * a real workspace server on a real MariaDB adds a member, changes a role, decides who
 * works on a number, deactivates and reactivates, and sees refusals in plain words. Every
 * change is checked on the server as well as on the page.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator } from '@playwright/test';
import type { Stack } from '../integration/server/harness';
import { hostWithChat, must, startStack } from '../integration/server/harness';
import { expect, test } from './fixtures';
import type { Device } from './team-fixtures';
import { openDevice, printHostLogsOnFailure, rowName, signInFromSettings, teamPanel } from './team-fixtures';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

let stack: Stack;
let admin: Awaited<ReturnType<Stack['device']>>;
let device: Device;
let second: Device | undefined;
let accountId: string;
const EMAIL = `dewi-${Date.now().toString(36)}@example.test`;

async function newPage(browser: Browser) {
  const page = await browser.newPage();
  // tsx/esbuild keep function names with a helper the page does not have.
  await page.addInitScript('window.__name = function (f) { return f; }');
  return page;
}

async function membersSection(): Promise<Locator> {
  // Each test opens Settings afresh; one left open by the previous test is closed first.
  if ((await device.page.getByRole('dialog').count()) > 0) await device.page.keyboard.press('Escape');
  await expect(device.page.getByRole('dialog')).toHaveCount(0);
  const settings = await device.inbox.openSettings('Settings', 'Team');
  const members = settings.getByRole('region', { name: 'Members', exact: true });
  await expect(members).toBeVisible();
  return members;
}

const serverMember = async (email: string) =>
  (await must(admin.socket, 'member:list', {})).find(m => m.email === email);

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  stack = await startStack();
  admin = await stack.device('admin', 'Ada Admin');
  // A number hosted by a lead's desktop, so the page has an account to share.
  ({ accountId } = await hostWithChat(stack));
  device = await openDevice('Admin', () => newPage(browser));
  await signInFromSettings(device, stack.node.url, admin.email);
});

// eslint-disable-next-line no-empty-pattern
test.afterEach(({}, testInfo) => printHostLogsOnFailure(testInfo, [device, second]));

test.afterAll(async () => {
  await second?.stop();
  await device?.stop();
  await stack?.stop();
});

test('an admin adds a member; a taken e-mail and a short password are refused in plain words', async () => {
  const members = await membersSection();
  await expect(members.getByRole('row', { name: /Ada Admin/ })).toContainText('(you)');
  // Own role and deactivation are locked: the workspace always keeps an admin.
  await expect(members.getByRole('combobox', { name: 'Role of Ada Admin' })).toBeDisabled();
  await expect(members.getByRole('button', { name: 'Deactivate Ada Admin' })).toBeDisabled();
  await expect(members.getByRole('row', { name: /Ada Admin/ }).locator('[data-presence="online"]')).toHaveCount(1);

  const form = members.getByRole('form', { name: 'Add a member' });
  await form.getByLabel('Name').fill('Dewi Lestari');
  await form.getByLabel('E-mail').fill(EMAIL);
  await form.getByLabel('Role').selectOption({ label: 'Agent' });
  await form.getByLabel('Initial password').fill('short');
  await form.getByRole('button', { name: 'Add member' }).click();
  await expect(members.getByRole('alert')).toHaveText('The password needs at least 10 characters.');

  await form.getByLabel('Initial password').fill('a long first password');
  await form.getByRole('button', { name: 'Add member' }).click();
  await expect(members.getByRole('status')).toContainText('Dewi Lestari was added');
  await expect(members.getByRole('row', { name: /Dewi Lestari/ })).toContainText(EMAIL);
  expect(await serverMember(EMAIL)).toMatchObject({ name: 'Dewi Lestari', role: 'agent', active: true });

  await form.getByLabel('Name').fill('Dewi Again');
  await form.getByLabel('E-mail').fill(EMAIL);
  await form.getByLabel('Initial password').fill('another long password');
  await form.getByRole('button', { name: 'Add member' }).click();
  await expect(members.getByRole('alert')).toHaveText('A member with this e-mail address already exists.');
  expect((await must(admin.socket, 'member:list', {})).filter(m => m.email === EMAIL)).toHaveLength(1);
});

test('changing a role, who works on a number and its read receipts applies on the server at once', async () => {
  const members = await membersSection();
  await members.getByRole('combobox', { name: 'Role of Dewi Lestari' }).selectOption({ label: 'Team lead' });
  await expect(members.getByRole('status')).toHaveText('Saved: Dewi Lestari is now Team lead.');
  await expect.poll(async () => (await serverMember(EMAIL))?.role).toBe('lead');

  const number = members.getByRole('group', { name: /Support line/ });
  const box = number.getByRole('checkbox', { name: 'Dewi Lestari', exact: true });
  await expect(box).not.toBeChecked();
  await box.check();
  const dewi = (await serverMember(EMAIL))!;
  await expect
    .poll(async () => (await must(admin.socket, 'account:list', {})).find(a => a.id === accountId)?.memberIds)
    .toContain(dewi.id);
  await box.uncheck();
  await expect
    .poll(async () => (await must(admin.socket, 'account:list', {})).find(a => a.id === accountId)?.memberIds)
    .not.toContain(dewi.id);
  // Admins see every number: their box cannot be cleared.
  await expect(number.getByRole('checkbox', { name: /Ada Admin/ })).toBeDisabled();

  // Read receipts are on by default; turning them off reaches the server, and back on.
  const receipts = number.getByRole('checkbox', { name: 'Send read receipts' });
  await expect(receipts).toBeChecked();
  await expect(receipts).toHaveAccessibleDescription(/blue ticks/);
  const readReceipts = async () =>
    (await must(admin.socket, 'account:list', {})).find(a => a.id === accountId)?.readReceipts;
  await receipts.uncheck();
  await expect.poll(readReceipts).toBe(false);
  await expect(receipts).not.toBeChecked();
  await receipts.check();
  await expect.poll(readReceipts).toBe(true);
});

test('deactivating asks first, signs the member out on the server, and can be undone', async () => {
  const members = await membersSection();
  await members.getByRole('button', { name: 'Deactivate Dewi Lestari' }).click();
  const confirm = device.page.getByRole('dialog', { name: 'Deactivate Dewi Lestari?' });
  await expect(confirm).toContainText('signed out on every device at once');
  await confirm.getByRole('button', { name: 'Deactivate' }).click();
  await expect(members.getByRole('status')).toHaveText('Dewi Lestari is deactivated and signed out.');
  await expect(members.getByRole('row', { name: /Dewi Lestari/ })).toContainText('Deactivated');
  await expect.poll(async () => (await serverMember(EMAIL))?.active).toBe(false);

  await members.getByRole('button', { name: 'Reactivate Dewi Lestari' }).click();
  await expect(members.getByRole('status')).toHaveText('Dewi Lestari can sign in again.');
  await expect.poll(async () => (await serverMember(EMAIL))?.active).toBe(true);

  // For the docs (BLAZZ_SCREENSHOTS=docs/screenshots): the members page as an admin sees it.
  const dir = process.env.BLAZZ_SCREENSHOTS;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    await device.page.addStyleTag({ content: '* { caret-color: transparent !important; }' });
    await device.page.setViewportSize({ width: 1280, height: 1600 });
    await members.locator('.team-table-scroll').evaluate(el => (el.scrollLeft = 0));
    await members.scrollIntoViewIfNeeded();
    const box = (await members.boundingBox())!;
    const clip = { x: box.x - 12, y: box.y - 12, width: box.width + 24, height: box.height + 24 };
    await device.page.screenshot({ path: join(dir, 'team-members-light.png'), clip, animations: 'disabled' });
  }
});

test('typing on one desktop shows "… is replying" on the other, with a presence dot, and stops', async ({
  browser,
}) => {
  // A lead of the number on a second desktop; both open the number's chat.
  const lena = await stack.member('lead', 'Lena Lead');
  await must(admin.socket, 'account:add-member', { accountId, memberId: lena.id });
  second = await openDevice('Lena', () => newPage(browser));
  await signInFromSettings(second, stack.node.url, lena.email);
  if ((await device.page.getByRole('dialog').count()) > 0) await device.page.keyboard.press('Escape');
  for (const d of [device, second]) {
    await d.inbox.chat(rowName('Customer')).click({ timeout: 30_000 });
    await expect(teamPanel(d.page)).toBeVisible();
  }
  await expect(teamPanel(device.page).getByRole('combobox', { name: 'Assignee' })).toBeVisible();

  await second.page.locator('#composer-input').fill('Halo kak, sebentar ya');
  const replying = device.page.getByTestId('team-replying');
  await expect(replying).toHaveText('Lena Lead is replying…', { timeout: 15_000 });
  // The one replying does not see themselves.
  await expect(second.page.getByTestId('team-replying')).toHaveCount(0);
  await second.page.locator('#composer-input').fill('');
  await expect(replying).toHaveCount(0, { timeout: 15_000 });

  // The lead shows online in the picker's presence line when chosen.
  await teamPanel(device.page).getByRole('combobox', { name: 'Assignee' }).selectOption({ label: 'Lena Lead' });
  await expect(teamPanel(device.page).getByTestId('team-chosen-presence')).toContainText('Lena Lead is Online');
});
