/**
 * Issue #21: queue filters (Mine, Unassigned, Open, Pending, Resolved) only in a workspace,
 * where they mean something, and an empty chat list that says why it is empty, in English
 * and Bahasa Indonesia. Before, the queues were shown to everyone and every empty list said
 * "No chats match these filters.", even with no number at all.
 */
import type { Stack } from '../integration/server/harness';
import { startStack } from '../integration/server/harness';
import { expect, test } from './fixtures';
import { InboxPage } from './pages/inbox.page';
import type { Device } from './team-fixtures';
import { openDevice, printHostLogsOnFailure, signInFromSettings } from './team-fixtures';

test.describe.configure({ timeout: 120_000 });

test('without a workspace: no queue filters, and the empty list says why, in both languages', async ({
  page,
  host,
}) => {
  const inbox = new InboxPage(page);
  await inbox.open(host.url);
  const queues = page.getByRole('group', { name: 'Queue' });
  await expect(
    page.getByText('No WhatsApp number yet. Add one (or try the demo): its chats appear here.'),
  ).toBeVisible();
  await expect(queues).toHaveCount(0);

  const settings = await inbox.openSettings('Settings', 'General');
  await settings.getByRole('combobox', { name: 'Language' }).selectOption('id');
  await page.keyboard.press('Escape');
  await expect(
    page.getByText('Belum ada nomor WhatsApp. Tambahkan satu (atau coba demo): chatnya muncul di sini.'),
  ).toBeVisible();
  await (await inbox.openSettings('Pengaturan', 'Umum')).getByRole('combobox', { name: 'Bahasa' }).selectOption('en');
  await page.keyboard.press('Escape');

  await inbox.startDemo();
  await expect(inbox.chats.first()).toBeVisible();
  await expect(queues).toHaveCount(0);
});

test.describe('in a workspace', () => {
  test.describe.configure({ mode: 'serial' });
  let stack: Stack;
  let a: Device;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(180_000);
    stack = await startStack();
    await stack.device('admin', 'Ada Admin');
    const lead = await stack.member('lead', 'Lena Lead');
    a = await openDevice('A', () => browser.newPage());
    const { inbox } = a;
    await inbox.addSimulatedNumber('Toko Lena');
    await signInFromSettings(a, stack.node.url, lead.email);
  });

  // eslint-disable-next-line no-empty-pattern
  test.afterEach(({}, testInfo) => printHostLogsOnFailure(testInfo, [a]));

  test.afterAll(async () => {
    await a?.stop();
    await stack?.stop();
  });

  test('the queues are there; an empty queue says no chat matches and offers all chats', async () => {
    const { page, inbox } = a;
    const queues = page.getByRole('group', { name: 'Queue' });
    await expect(queues).toBeVisible();
    await expect(inbox.chats.first()).toBeVisible({ timeout: 30_000 });
    // Nothing is assigned to the lead yet.
    await queues.getByRole('button', { name: 'Mine' }).click();
    await expect(inbox.chats).toHaveCount(0);
    await expect(page.getByText('No chat matches these filters.')).toBeVisible();
    await page.getByRole('button', { name: 'Show all chats' }).click();
    await expect(queues.getByRole('button', { name: 'All' })).toHaveAttribute('aria-pressed', 'true');
    await expect(inbox.chats.first()).toBeVisible();
  });
});
