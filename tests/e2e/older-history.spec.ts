/**
 * Full history (issue #20): scrolling up past a chat's stored messages asks the number's
 * phone (here the simulator, whose phone holds 80 older messages per chat that the first
 * sync did not bring) for older pages, until the chat's beginning, which the list says.
 */
import { expect, test } from './fixtures';
import { InboxPage } from './pages/inbox.page';

test('scrolling up a simulated chat loads older messages from the phone until its beginning', async ({
  page,
  host,
}) => {
  const inbox = new InboxPage(page);
  await inbox.open(host.url);
  await inbox.startDemo();
  await inbox.chats.first().click();
  await expect(inbox.messages).toBeVisible();
  const beginning = inbox.messages.getByRole('note').filter({ hasText: 'This is the beginning of the chat' });
  await expect(inbox.messages.getByRole('separator').first()).toBeVisible();

  // The agent scrolls up, page after page (the wheel, as a person does).
  await inbox.messages.hover();
  await expect
    .poll(
      async () => {
        await page.mouse.wheel(0, -4000);
        return (await beginning.count()) > 0;
      },
      { timeout: 60_000, intervals: [400] },
    )
    .toBe(true);

  // At the very top, the first day is days before the number was linked: the phone's history.
  await expect
    .poll(
      async () => {
        await page.mouse.wheel(0, -4000);
        return inbox.messages.evaluate(el => el.scrollTop);
      },
      { timeout: 20_000 },
    )
    .toBe(0);
  await expect(beginning).toBeInViewport();
  const top = inbox.messages.getByRole('separator').first();
  await expect(top).toBeVisible();
  await expect(top).not.toHaveAttribute('aria-label', /Today|Yesterday/);
  await expect(inbox.messages.getByRole('alert')).toHaveCount(0);
});
