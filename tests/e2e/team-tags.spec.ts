/**
 * Issue #25, managed tags, end to end: two headless hosts driven through Chromium against a
 * real workspace server on a real MariaDB. Device A is a lead hosting a simulated number,
 * device B an agent working a chat of it. The lead keeps the workspace's tags in
 * Settings → Tags (add with a colour, rename, merge, delete); the agent's desktop shows
 * each change on its chat's chips, in their colour, and in the inbox's tag filter.
 */
import type { Locator } from '@playwright/test';
import type { Chat } from '../../common/domain';
import type { Stack } from '../integration/server/harness';
import { must } from '../integration/server/harness';
import { expect, test } from './fixtures';
import { showSettingsSection } from './pages/inbox.page';
import type { Device, WorkspaceDevice } from './team-fixtures';
import {
  agentJoins,
  assignChatToAgent,
  closeDialog,
  leadHostsNumber,
  rowName,
  stopTeamAfterAll,
  teamPanel,
} from './team-fixtures';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

let stack: Stack;
let admin: WorkspaceDevice;
let a: Device;
let b: Device;
let chat: Chat;

/** Settings → Tags on a device; a dialog left open by the previous step is closed first. */
async function tagsSection(device: Device): Promise<Locator> {
  if ((await device.page.getByRole('dialog').count()) > 0) await device.page.keyboard.press('Escape');
  await expect(device.page.getByRole('dialog')).toHaveCount(0);
  const settings = await device.inbox.openSettings('Settings', 'Templates and tags');
  return settings.getByRole('region', { name: 'Tags', exact: true });
}

/** The chips of B's row for the chat. */
const bRowChips = () => b.inbox.chat(rowName(chat.name)).locator('.tag-chip');

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  const team = await leadHostsNumber(browser);
  ({ stack, admin, a, b } = team);
  chat = await assignChatToAgent(team);
  await agentJoins(team);
  await expect(b.inbox.chat(rowName(chat.name))).toBeVisible({ timeout: 20_000 });
});

stopTeamAfterAll(() => ({ stack, devices: [a, b] }));

test('a lead adds a coloured tag in Settings → Tags; an agent has no such section', async () => {
  const tags = await tagsSection(a);
  await expect(tags.getByText('No tags yet.')).toBeVisible();
  await tags.getByLabel('New tag').fill('#VIP');
  await tags.getByRole('combobox', { name: 'Colour', exact: true }).selectOption({ label: 'Red' });
  await tags.getByRole('button', { name: 'Add tag' }).click();
  await expect(tags.getByRole('status')).toHaveText('Added vip.');
  await expect(tags.getByTestId('tag-row-vip').locator('[data-tag-color="red"]')).toHaveText('#vip');

  const onB = await b.inbox.openSettings('Settings', 'Team');
  await expect(onB.getByRole('region', { name: 'Team workspace' })).toBeVisible();
  // The agent's Templates and tags section has no tag list to manage.
  await showSettingsSection(onB, 'Templates and tags');
  await expect(onB.getByRole('form', { name: 'Add template' })).toBeVisible();
  await expect(onB.getByRole('region', { name: 'Tags', exact: true })).toHaveCount(0);
  await closeDialog(b.page, onB);
});

test('the tag editor suggests the listed tag; both desktops show the chip in its colour', async () => {
  if ((await a.page.getByRole('dialog').count()) > 0) await a.page.keyboard.press('Escape');
  await a.inbox.chat(rowName(chat.name)).click();
  const panel = teamPanel(a.page);
  await panel.getByRole('combobox', { name: 'New tag' }).fill('v');
  await expect(panel.getByTestId('tag-suggestions').locator('option')).toHaveAttribute('value', 'vip');
  await panel.getByRole('combobox', { name: 'New tag' }).fill('vip');
  await panel.getByRole('button', { name: 'Add tag' }).click();
  await expect(panel.locator('.team-chip[data-tag-color="red"]')).toContainText('vip');
  // A tag typed that is not on the list works too, without a colour.
  await panel.getByRole('combobox', { name: 'New tag' }).fill('callback');
  await panel.getByRole('button', { name: 'Add tag' }).click();
  await expect(panel.locator('.team-chip').filter({ hasText: 'callback' })).not.toHaveAttribute('data-tag-color');

  await expect(bRowChips().first()).toHaveText('#vip', { timeout: 15_000 });
  await expect(bRowChips().first()).toHaveAttribute('data-tag-color', 'red');
});

test('a rename reaches the agent’s chat and filter', async () => {
  const tags = await tagsSection(a);
  await tags.getByRole('textbox', { name: 'New name for vip' }).fill('Priority');
  await tags.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(tags.getByRole('status')).toHaveText('Renamed to priority on 1 chats.');
  await expect(tags.getByTestId('tag-row-priority')).toBeVisible();

  await expect(bRowChips().first()).toHaveText('#priority', { timeout: 15_000 });
  await expect(bRowChips().first()).toHaveAttribute('data-tag-color', 'red');
  const filter = b.page.getByRole('combobox', { name: 'Tag' });
  await expect(filter.locator('option', { hasText: '#priority' })).toHaveCount(1);
  await filter.selectOption({ label: '#priority' });
  await expect(b.inbox.chat(rowName(chat.name))).toBeVisible();
  await filter.selectOption({ label: 'Any tag' });
});

test('a merge, asked first, leaves one tag with the target’s colour; a delete removes it everywhere', async () => {
  const tags = await tagsSection(a);
  await tags.getByLabel('New tag').fill('urgent');
  await tags.getByRole('combobox', { name: 'Colour', exact: true }).selectOption({ label: 'Green' });
  await tags.getByRole('button', { name: 'Add tag' }).click();
  await expect(tags.getByTestId('tag-row-urgent')).toBeVisible();

  await tags.getByRole('textbox', { name: 'New name for priority' }).fill('urgent');
  await tags.getByRole('button', { name: 'Merge into urgent' }).click();
  const confirm = a.page.getByRole('dialog', { name: 'Merge priority into urgent?' });
  await confirm.getByRole('button', { name: 'Merge into urgent' }).click();
  await expect(tags.getByRole('status')).toHaveText('Merged into urgent on 1 chats.');
  await expect(tags.getByTestId('tag-row-priority')).toHaveCount(0);
  await expect(bRowChips().first()).toHaveText('#urgent', { timeout: 15_000 });
  await expect(bRowChips().first()).toHaveAttribute('data-tag-color', 'green');

  await tags.getByRole('button', { name: 'Delete urgent' }).click();
  await a.page.getByRole('dialog', { name: 'Delete the tag urgent?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(tags.getByRole('status')).toHaveText('Deleted urgent from 1 chats.');
  await expect(tags.getByText('No tags yet.')).toBeVisible();
  await expect(bRowChips()).toHaveText(['#callback'], { timeout: 15_000 });
  expect((await must(admin.socket, 'chat:get', { chatId: chat.id })).chat.tags).toEqual(['callback']);
});
