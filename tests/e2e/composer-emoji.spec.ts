/** The composer's emoji picker: categories, and search by English or Indonesian name. */
import { expect, test } from './fixtures';
import { InboxPage } from './pages/inbox.page';
import { addStoppedAccount, seededHost } from './pages/seed';

test.describe.configure({ timeout: 120_000 });

test('emoji are found by category and by name in either language, and go into the message', async ({ page }) => {
  const host = await seededHost(store => {
    const accountId = addStoppedAccount(store, 'emoji', 'Toko Emoji', '#1e88e5');
    store.ingest({
      chats: [{ accountId, jid: '628222000111@c.us', isGroup: false, name: 'Dewi', timestamp: Date.now() - 60_000 }],
    });
  });
  try {
    const inbox = new InboxPage(page);
    await inbox.open(host.url);
    await inbox.chat(/^Dewi/).click();
    await inbox.composer.fill('Paket Anda ');
    await page.getByRole('button', { name: 'Emoji', exact: true }).click();
    const search = page.getByRole('searchbox', { name: 'Search emoji' });
    await expect(search).toBeFocused();
    const grid = page.getByRole('group', { name: 'Emoji', exact: true });

    await page.getByRole('button', { name: 'Food and drink' }).click();
    await expect(page.getByRole('button', { name: 'Food and drink' })).toHaveAttribute('aria-pressed', 'true');
    await expect(grid.getByRole('button', { name: 'hot coffee' })).toBeVisible();
    await expect(grid.getByRole('button', { name: 'grinning face' })).toHaveCount(0);

    await search.fill('kopi');
    await expect(grid.getByRole('button')).toHaveCount(1);
    await expect(grid.getByRole('button', { name: 'hot coffee' })).toBeVisible();
    await search.fill('zzzz');
    await expect(page.getByText('No emoji match “zzzz”.')).toBeVisible();
    await search.fill('parcel');
    await grid.getByRole('button', { name: 'package' }).click();
    await expect(inbox.composer).toHaveValue('Paket Anda 📦');
  } finally {
    await host.stop();
  }
});
