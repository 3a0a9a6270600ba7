/**
 * Notifications blocked by the browser: Settings says so and says how to allow them again
 * (#21: it said only "blocked", with no way out).
 */
import { expect, test } from './fixtures';
import { InboxPage } from './pages/inbox.page';

test('blocked notifications come with the steps to allow them again', async ({ page, host }) => {
  // As if the agent had once clicked "Block" on the browser's permission prompt.
  await page.addInitScript(() => {
    Object.defineProperty(Notification, 'permission', { get: () => 'denied' });
  });
  const inbox = new InboxPage(page);
  await inbox.open(host.url);
  const settings = await inbox.openSettings('Settings', 'Notifications');
  await expect(settings.getByText('Notifications are blocked for this app by the system or browser.')).toBeVisible();
  await settings.getByText('How to turn notifications back on').click();
  await expect(settings.getByText(/open Site settings, set Notifications to Allow/)).toBeVisible();
});
