/**
 * Issue #17, away message end to end: an admin hosting a simulated number signs in to a real
 * workspace server on MariaDB, sets business hours that are closed today (a holiday) and an
 * away message in Settings → Automation; the rail says the number is closed; when a simulated
 * customer writes, the server answers through this desktop and the reply shows in the chat
 * exactly once.
 */
import type { Chat } from '../../common/domain';
import type { Stack } from '../integration/server/harness';
import { startStack } from '../integration/server/harness';
import { expect, test } from './fixtures';
import type { Device } from './team-fixtures';
import {
  closeDialog,
  hostCall,
  openDevice,
  printHostLogsOnFailure,
  rowName,
  signInFromSettings,
} from './team-fixtures';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

let stack: Stack;
let a: Device;
const AWAY = 'Thanks {{customer.name}}! {{number.name}} is closed, we answer from {{next_opening}}.';

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  stack = await startStack();
  const admin = await stack.member('admin', 'Ada Admin');
  a = await openDevice('A', () => browser.newPage());
  await a.inbox.addSimulatedNumber('Toko Ada');
  await signInFromSettings(a, stack.node.url, admin.email);
});

test.afterAll(async () => {
  await a?.stop();
  await stack?.stop();
});

// Playwright requires the fixtures argument to be destructured, even when none is used.
// eslint-disable-next-line no-empty-pattern
test.afterEach(({}, testInfo) => printHostLogsOnFailure(testInfo, [a]));

/** Automated sends the server stored, per chat. */
async function awaySends(): Promise<Array<{ chat_id: string; body: string }>> {
  const [rows] = await stack.node.app.database.raw.query(
    "select chat_id, body from sends where origin = 'automation' order by row_id",
  );
  return rows as Array<{ chat_id: string; body: string }>;
}

test('an admin closes the number for today with an away message; a customer gets it once', async () => {
  const { page } = a;
  const settings = await a.inbox.openSettings('Settings', 'Automation');
  const section = settings.getByRole('region', { name: 'Automation', exact: true });
  await section.getByRole('checkbox', { name: 'Use business hours' }).check();
  await section.getByRole('combobox', { name: 'Time zone' }).selectOption('UTC');
  // Today and tomorrow (UTC) are holidays: closed now whatever the hour the test runs at.
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  for (const d of [day(0), day(1)]) {
    await section.locator('input[type=date]').fill(d);
    await section.getByRole('button', { name: 'Add holiday' }).click();
    await expect(section.getByRole('button', { name: `Remove holiday ${d}` })).toBeVisible();
  }
  const away = section.getByTestId('automation-away');
  await away.getByRole('checkbox', { name: 'On' }).check();
  await away.getByRole('textbox', { name: 'Message' }).fill(AWAY);
  await expect(away.getByTestId('automation-away-preview')).toContainText('Thanks Sari! Toko Ada is closed');
  await section.getByRole('button', { name: 'Save automation' }).click();
  await expect(section.getByRole('status')).toHaveText('Saved.');
  await closeDialog(page, settings);
  await expect(page.getByRole('navigation', { name: 'WhatsApp accounts' }).getByTestId('opening-status')).toContainText(
    'Closed — opens',
  );

  // Simulated customers write on their own (live chatter); the first 1:1 message gets the away reply.
  await expect.poll(async () => (await awaySends()).length, { timeout: 90_000, intervals: [1_000] }).toBeGreaterThan(0);
  const [first] = await awaySends();
  const chats = await hostCall<{ items: Chat[] }>(a, 'chats:list', {});
  const chat = chats.items.find(c => c.id === first!.chat_id)!;
  expect(first!.body).toMatch(/^Thanks .*! Toko Ada is closed, we answer from \w{3} \d{1,2} \w{3}, 09:00\.$/);
  await a.inbox.chat(rowName(chat.name)).first().click();
  const reply = a.inbox.messages.getByRole('article').filter({ hasText: 'Toko Ada is closed, we answer from' });
  await expect(reply).toHaveCount(1, { timeout: 30_000 });
  // The customer keeps writing: still one away message in this closed period.
  await page.waitForTimeout(5_000);
  await expect(reply).toHaveCount(1);
  expect((await awaySends()).filter(s => s.chat_id === chat.id)).toHaveLength(1);
});
