/**
 * Issue #20, end to end: a teammate (B, whose desktop does not host the number) edits and
 * deletes for everyone their own reply through the bubble's menu. The change goes through
 * the workspace server to the lead's desktop (A), which hosts the simulated number and
 * applies it once through the phone; the edited and deleted message comes back to B's
 * bubble. "Once" is counted in A's log (one line per change A applied for a teammate).
 */
import type { Browser, Locator } from '@playwright/test';
import type { Chat } from '../../common/domain';
import type { Stack } from '../integration/server/harness';
import { expect, test } from './fixtures';
import type { Device } from './team-fixtures';
import { hostCall, leadHostsAgentJoins, rowName, stopTeamAfterAll, storedMessages, teamPanel } from './team-fixtures';

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  },
});
test.describe.configure({ mode: 'serial', timeout: 180_000 });

let stack: Stack;
let a: Device;
let b: Device;
/**
 * Opens a bubble's ⋯ menu item. The simulated customers keep writing, and the virtual list
 * re-measures its rows as they arrive, so a click may land on a row that moved: tried again.
 */
async function menuItem(bubble: Locator, item: string): Promise<void> {
  await expect(async () => {
    const entry = bubble.getByRole('menuitem', { name: item });
    if (!(await entry.isVisible())) {
      await bubble.hover({ timeout: 2_000 });
      await bubble.getByRole('button', { name: 'Edit or delete' }).click({ timeout: 2_000 });
    }
    await entry.click({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

const applied = () => (a.host.output().match(/relayed message change applied/g) ?? []).length;

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  test.setTimeout(240_000);
  ({ stack, a, b } = await leadHostsAgentJoins(browser));
});

stopTeamAfterAll(() => ({ stack, devices: [a, b] }));

test('a teammate edits and deletes their reply on a number another desktop hosts; A applies each once', async () => {
  const list = await hostCall<{ items: Chat[] }>(a, 'chats:list', {});
  const chat = list.items.find(c => !c.isGroup && c.lastMessageAt !== null)!;
  await a.inbox.chat(rowName(chat.name)).click();
  const panel = teamPanel(a.page);
  await panel.getByLabel('Assignee').selectOption({ label: 'Arif Agent' });
  await panel.getByRole('button', { name: 'Assign' }).click();
  await expect(panel.getByTestId('team-assignee')).toContainText('Assigned to Arif Agent');
  const row = b.inbox.chat(rowName(chat.name));
  await expect(row).toBeVisible({ timeout: 15_000 });
  await row.click();

  const stamp = Date.now().toString(36);
  const first = `Harga ${stamp} Rp10.000`;
  const second = `Salah kirim ${stamp}`;
  await b.inbox.send(first);
  await b.inbox.send(second);
  // B's queued row and the message A pushed become one bubble once B learns the provider id.
  await expect(b.inbox.bubble(first)).toHaveCount(1, { timeout: 60_000 });
  await expect(b.inbox.bubble(first).getByRole('img', { name: /^(Sent|Delivered|Read)$/ })).toBeVisible({
    timeout: 60_000,
  });
  const mine = b.inbox.messages.locator(
    `[data-message-id="${await b.inbox.bubble(first).getAttribute('data-message-id')}"]`,
  );

  // Edit on B: the same menu as on a number hosted here.
  await menuItem(mine, 'Edit');
  const edited = `Harga ${stamp} Rp12.000`;
  await mine.getByRole('textbox', { name: 'Edit message' }).fill(edited);
  await mine.getByRole('textbox', { name: 'Edit message' }).press('Enter');
  await expect(mine).toContainText(edited, { timeout: 30_000 });
  await expect(mine).toContainText('Edited');
  // The waiting line goes once A reported the edit.
  await expect(mine.getByTestId('relayed-change')).toHaveCount(0, { timeout: 15_000 });
  expect(applied()).toBe(1);
  const onA = (await storedMessages(a, chat.id)).filter(m => m.body === edited);
  expect(onA).toHaveLength(1);
  expect(onA[0]?.edited).toBe(true);

  // Delete for everyone on B, after the confirmation.
  const other = b.inbox.bubble(second);
  await expect(other).toHaveCount(1, { timeout: 60_000 });
  await expect(other.getByRole('img', { name: /^(Sent|Delivered|Read)$/ })).toBeVisible({ timeout: 60_000 });
  const id = await other.getAttribute('data-message-id');
  await menuItem(other, 'Delete for everyone');
  const dialog = b.page.getByRole('dialog', { name: 'Delete for everyone?' });
  await dialog.getByRole('button', { name: 'Delete for everyone' }).click();
  const gone = b.inbox.messages.locator(`[data-message-id="${id}"]`);
  await expect(gone).toContainText('This message was deleted', { timeout: 30_000 });
  await expect(gone.getByTestId('relayed-change')).toHaveCount(0, { timeout: 15_000 });
  await expect(b.inbox.messages.getByRole('alert')).toHaveCount(0);
  // Each applied once, and nothing more after a while (no redelivery).
  await b.page.waitForTimeout(1_500);
  expect(applied()).toBe(2);
});
