import type { ChatInput } from '../../common/ingest';
import { expect, test } from './fixtures';
import { InboxPage } from './pages/inbox.page';
import { addStoppedAccount, seededHost } from './pages/seed';

const CHATS = 100_000;
const MAX_DOM_ROWS = 150;
const name = (i: number) => `Customer ${String(i).padStart(6, '0')}`;

test('a 100,000-chat store stays scrollable with a bounded number of DOM rows', async ({ page }) => {
  test.setTimeout(180_000);
  const host = await seededHost(store => {
    const accounts = [
      addStoppedAccount(store, 'big-a', 'Big A', '#1e88e5'),
      addStoppedAccount(store, 'big-b', 'Big B', '#f4511e'),
    ];
    const t0 = Date.now() - 1000;
    for (let start = 0; start < CHATS; start += 5000) {
      const chats: ChatInput[] = [];
      for (let i = start; i < start + 5000; i++) {
        chats.push({
          accountId: accounts[i % 2] ?? 'big-a',
          jid: `62800${String(i).padStart(7, '0')}@c.us`,
          isGroup: false,
          name: name(i),
          timestamp: t0 - i * 1000,
        } as ChatInput);
      }
      store.ingest({ chats });
    }
  });
  try {
    const inbox = new InboxPage(page);
    await inbox.open(host.url);
    await expect(inbox.chat(/^Customer 000000,/)).toBeVisible();
    const rows = () => inbox.chats.count();
    expect(await rows()).toBeLessThanOrEqual(MAX_DOM_ROWS);

    // Scroll to the end of what is loaded, again and again: pages keep coming, rows stay few.
    let loaded = Number(await inbox.chatList.getAttribute('data-total'));
    for (let round = 0; round < 12; round++) {
      await inbox.chatList.evaluate(el => el.scrollTo({ top: el.scrollHeight }));
      await expect.poll(async () => Number(await inbox.chatList.getAttribute('data-total'))).toBeGreaterThan(loaded);
      loaded = Number(await inbox.chatList.getAttribute('data-total'));
      expect(await rows()).toBeLessThanOrEqual(MAX_DOM_ROWS);
    }
    expect(loaded).toBeGreaterThanOrEqual(2_000);
    // The rows in the DOM are the ones at the bottom, in inbox order.
    await inbox.chatList.evaluate(el => el.scrollTo({ top: el.scrollHeight }));
    await expect(inbox.chat(new RegExp(`^${name(loaded - 1)},`))).toBeVisible();

    // Keyboard: End jumps to the last loaded chat and opens it.
    await inbox.chatList.focus();
    await page.keyboard.press('Home');
    await expect(inbox.chat(/^Customer 000000,/)).toHaveAttribute('aria-selected', 'true');
    expect(await rows()).toBeLessThanOrEqual(MAX_DOM_ROWS);
  } finally {
    await host.stop();
  }
});
