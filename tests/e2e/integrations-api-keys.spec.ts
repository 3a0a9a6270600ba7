/**
 * Issue #22, API keys end to end: a headless host driven through Chromium against a real
 * workspace server on a real MariaDB. An admin hosting a simulated number creates a key in
 * Settings → Integrations, sees its secret once, a script's fetch with that key lists the
 * number's chats over the REST API, the admin revokes the key (after confirming) and the
 * script's next call is refused with 401.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator } from '@playwright/test';
import type { Stack } from '../integration/server/harness';
import { must, startStack } from '../integration/server/harness';
import { expect, test } from './fixtures';
import { showSettingsSection } from './pages/inbox.page';
import type { Device } from './team-fixtures';
import {
  closeDialog,
  hostCall,
  openDevice,
  printHostLogsOnFailure,
  rowName,
  signInFromSettings,
  teamPanel,
} from './team-fixtures';
import type { Chat } from '../../common/domain';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

let stack: Stack;
let a: Device;
let secret = '';

async function integrations(device: Device): Promise<Locator> {
  if ((await device.page.getByRole('dialog').count()) > 0) await device.page.keyboard.press('Escape');
  await expect(device.page.getByRole('dialog')).toHaveCount(0);
  const settings = await device.inbox.openSettings('Settings', 'Integrations');
  return settings.getByRole('region', { name: 'Integrations', exact: true });
}

/** What an integration's script does: one call with the key. */
const listChats = (key: string) =>
  fetch(`${stack.node.url}/api/v1/chats`, { headers: { authorization: `Bearer ${key}` } });

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  stack = await startStack();
  const admin = await stack.member('admin', 'Ada Admin');
  const observer = await stack.device('admin', 'Olga Observer');
  // Its own context: axe-core needs one (browser.newPage() has none to run in).
  a = await openDevice('A', async () => (await browser.newContext()).newPage());
  await a.inbox.addSimulatedNumber('Toko Ada');
  await signInFromSettings(a, stack.node.url, admin.email);
  // The number's chats reach the server before a script can list them.
  await expect
    .poll(async () => {
      const account = (await must(observer.socket, 'account:list', {})).find(x => x.name === 'Toko Ada');
      if (!account) return 0;
      return (await must(observer.socket, 'chat:list', { accountId: account.id, limit: 5 })).length;
    })
    .toBeGreaterThan(0);
});

// eslint-disable-next-line no-empty-pattern
test.afterEach(({}, testInfo) => printHostLogsOnFailure(testInfo, [a]));

test.afterAll(async () => {
  await a?.stop();
  await stack?.stop();
});

test('an admin creates a key, sees its secret once, and a script lists chats with it', async () => {
  const section = await integrations(a);
  await expect(section.getByText('No API keys yet.')).toBeVisible();
  await section.getByRole('textbox', { name: 'Name (who uses it)' }).fill('Order bot');
  await expect(section.getByRole('checkbox', { name: /Read chats and numbers/ })).toBeChecked();
  await section.getByRole('checkbox', { name: /Send messages/ }).check();
  await section.getByRole('button', { name: 'Create key' }).click();

  const shown = section.getByTestId('api-key-secret');
  await expect(shown.getByText('This is the only time the key is shown', { exact: false })).toBeVisible();
  secret = await shown.getByRole('textbox').inputValue();
  expect(secret).toMatch(/^bdk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
  const row = section.getByTestId('api-key-row').filter({ hasText: 'Order bot' });
  await expect(row).toContainText(`bdk_${secret.slice(4, 12)}_…`);
  await expect(row).toContainText('chats:read, messages:send');
  await expect(row).toContainText('All numbers');
  await expect(row).toContainText('Never');

  // The section with the secret on screen, checked as the a11y spec checks the main screens.
  const axe = await new AxeBuilder({ page: a.page })
    .include('[data-testid="integrations-settings"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(axe.violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id)).toEqual([]);

  const res = await listChats(secret);
  expect(res.status).toBe(200);
  const page = (await res.json()) as { data: Array<{ name: string }> };
  expect(page.data.length).toBeGreaterThan(0);

  // Once dismissed, the secret is gone from the screen for good.
  await shown.getByRole('button', { name: 'I have stored it' }).click();
  await expect(section.getByTestId('api-key-secret')).toHaveCount(0);
  await closeDialog(a.page, a.page.getByRole('dialog'));
  const again = await integrations(a);
  await expect(again.getByTestId('api-key-secret')).toHaveCount(0);
  await expect(again.getByTestId('api-key-row').filter({ hasText: 'Order bot' })).not.toContainText('Never');
  await expect(again.getByText(secret)).toHaveCount(0);
});

test('a key allowed to write notes leaves the team a note that the desktop shows at once', async () => {
  const section = await integrations(a);
  await section.getByRole('textbox', { name: 'Name (who uses it)' }).fill('CRM notes');
  await section.getByRole('checkbox', { name: /Read chats and numbers/ }).uncheck();
  await section.getByRole('checkbox', { name: /Write internal notes/ }).check();
  await section.getByRole('checkbox', { name: /Read internal notes/ }).check();
  await section.getByRole('button', { name: 'Create key' }).click();
  const shown = section.getByTestId('api-key-secret');
  const notesKey = await shown.getByRole('textbox').inputValue();
  await shown.getByRole('button', { name: 'I have stored it' }).click();
  await expect(section.getByTestId('api-key-row').filter({ hasText: 'CRM notes' })).toContainText(
    'notes:read, notes:write',
  );
  await closeDialog(a.page, a.page.getByRole('dialog'));

  // The agent has the chat open when the CRM writes.
  const list = await hostCall<{ items: Chat[] }>(a, 'chats:list', {});
  const chat = list.items.find(c => !c.isGroup && c.lastMessageAt !== null);
  if (!chat) throw new Error('no 1:1 chat');
  await a.inbox.chat(rowName(chat.name)).click();
  const notes = teamPanel(a.page).getByRole('group', { name: 'Internal notes' });
  await expect(notes).toBeVisible();

  const path = `${stack.node.url}/api/v1/chats/${encodeURIComponent(chat.id)}/notes`;
  const headers = { authorization: `Bearer ${notesKey}`, 'content-type': 'application/json' };
  const posted = await fetch(path, { method: 'POST', headers, body: JSON.stringify({ body: 'Paid in the CRM' }) });
  expect(posted.status).toBe(201);
  await expect(notes.getByText('Paid in the CRM')).toBeVisible();
  const read = (await (await fetch(path, { headers })).json()) as Array<{ body: string }>;
  expect(read.map(n => n.body)).toContain('Paid in the CRM');
  // Without the chats scope, the same key cannot list chats.
  expect((await listChats(notesKey)).status).toBe(403);
});

test('the team view and a chat’s team panel have no serious accessibility violations, light and dark', async () => {
  // #21: the team's screens, checked as tests/e2e/a11y.spec.ts checks the main ones.
  const serious = async (include: string) =>
    (
      await new AxeBuilder({ page: a.page })
        .include(include)
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze()
    ).violations
      .filter(v => v.impact === 'serious' || v.impact === 'critical')
      .map(v => `${include}: ${v.id} ${v.nodes.map(n => n.target.join(' ')).join(' | ')}`);
  const found: string[] = [];
  for (const theme of ['Light', 'Dark'] as const) {
    if ((await a.page.getByRole('dialog').count()) > 0) await a.page.keyboard.press('Escape');
    const settings = await a.inbox.openSettings('Settings', 'General');
    await settings.getByRole('radio', { name: theme }).check();
    await showSettingsSection(settings, 'Team');
    const workload = settings.getByRole('region', { name: 'Team workload' });
    await expect(workload).toBeVisible();
    await workload.evaluate(el => el.setAttribute('data-axe', 'team-workload'));
    found.push(...(await serious('[data-axe="team-workload"]')));
    await closeDialog(a.page, a.page.getByRole('dialog'));
    await expect(teamPanel(a.page)).toBeVisible();
    await teamPanel(a.page).evaluate(el => el.setAttribute('data-axe', 'team-panel'));
    found.push(...(await serious('[data-axe="team-panel"]')));
  }
  expect(found).toEqual([]);
});

test('revoking asks first, then the script’s next call is refused', async () => {
  const section = await integrations(a);
  const row = section.getByTestId('api-key-row').filter({ hasText: 'Order bot' });
  await row.getByRole('button', { name: 'Revoke' }).click();
  await expect(row).toContainText('Revoke the key “Order bot”?');
  await row.getByRole('button', { name: 'Keep it' }).click();
  expect((await listChats(secret)).status).toBe(200);

  await row.getByRole('button', { name: 'Revoke' }).click();
  await row.getByRole('button', { name: 'Revoke key' }).click();
  await expect(section.getByRole('status').first()).toHaveText('The key “Order bot” was revoked.');
  await expect(row).toContainText('Revoked');
  const refused = await listChats(secret);
  expect(refused.status).toBe(401);
  expect(refused.headers.get('content-type')).toContain('application/problem+json');
});
