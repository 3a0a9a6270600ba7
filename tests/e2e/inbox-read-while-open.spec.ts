/**
 * A message that arrives in the chat the agent is reading is read: the row does not count it
 * as unread (nor the number's badge, the window title or the Unread filter, which all read
 * the same count).
 */
import { expect, test } from './fixtures';
import { InboxPage } from './pages/inbox.page';

test.describe.configure({ timeout: 120_000 });

test('a reply arriving in the open chat is not counted as unread', async ({ page, host }) => {
  const inbox = new InboxPage(page);
  await inbox.open(host.url);
  await inbox.startDemo();
  const name = await inbox.openChatAt(0);
  const row = inbox.chat(name);
  const articles = inbox.messages.getByRole('article');

  // The simulated customer answers some of our messages a few seconds later.
  let replied = false;
  for (let i = 0; i < 8 && !replied; i++) {
    const before = await articles.count();
    await inbox.send(`Halo kak, ada yang bisa dibantu? (${i + 1})`);
    replied = await expect
      .poll(async () => (await articles.count()) > before + 1, { timeout: 8_000 })
      .toBe(true)
      .then(
        () => true,
        () => false,
      );
  }
  expect(replied).toBe(true);
  // Give the store time to count it; the row must still say nothing is unread.
  await page.waitForTimeout(1_000);
  await expect(row.first()).not.toHaveAttribute('aria-label', /unread/);
});
