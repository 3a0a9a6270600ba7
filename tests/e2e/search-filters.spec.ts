/**
 * Search filters in the search dialog: within the open chat (header button and Ctrl+F),
 * by sender and by date range, and back to every chat.
 */
import { expect, test } from './fixtures';
import { InboxPage } from './pages/inbox.page';
import { addStoppedAccount, seededHost } from './pages/seed';

test.describe.configure({ timeout: 120_000 });

const day = (d: number) => Date.UTC(2026, 5, d, 12, 0, 0);

test('search within a chat, by sender and by date range', async ({ page }) => {
  const host = await seededHost(store => {
    const accountId = addStoppedAccount(store, 'filters', 'Toko Cari', '#1e88e5');
    const budi = '628111000001@c.us';
    const sari = '628111000002@c.us';
    const text = (id: string, chatJid: string, body: string, ts: number, fromMe = false) => ({
      accountId,
      chatJid,
      providerMessageId: id,
      fromMe,
      type: 'text' as const,
      body,
      timestamp: ts,
    });
    store.ingest({
      chats: [
        { accountId, jid: budi, isGroup: false, name: 'Budi', timestamp: day(2) },
        { accountId, jid: sari, isGroup: false, name: 'Sari', timestamp: day(5) },
      ],
      messages: [
        text('F1', budi, 'paket saya belum sampai', day(1)),
        text('F2', budi, 'paket dikirim hari ini', day(2), true),
        text('F3', sari, 'paket rusak di jalan', day(5)),
      ],
    });
  });
  try {
    const inbox = new InboxPage(page);
    await inbox.open(host.url);
    await inbox.chat(/^Budi/).click();
    await page.getByRole('button', { name: 'Search in this chat' }).click();
    const dialog = page.getByRole('dialog', { name: 'Search messages' });
    const results = dialog.getByRole('listbox', { name: 'Results' }).getByRole('option');
    await expect(dialog.getByText('Only in Budi')).toBeVisible();
    await dialog.getByRole('searchbox', { name: 'Search all messages' }).fill('paket');
    await expect(results).toHaveCount(2);
    await expect(results.filter({ hasText: 'Sari' })).toHaveCount(0);

    await dialog.getByRole('combobox', { name: 'Sender' }).selectOption({ label: 'The customer' });
    await expect(results).toHaveCount(1);
    await expect(results.first()).toContainText('belum sampai');

    await dialog.getByRole('button', { name: 'Search every chat' }).click();
    await expect(results).toHaveCount(2);
    await expect(results.filter({ hasText: 'Sari' })).toHaveCount(1);

    await dialog.getByLabel('From date').fill('2026-06-03');
    await expect(results).toHaveCount(1);
    await expect(results.first()).toContainText('rusak');
    await dialog.getByLabel('To date').fill('2026-06-04');
    await expect(results).toHaveCount(0);

    await dialog.getByRole('button', { name: 'Clear filters' }).click();
    await expect(results).toHaveCount(3);

    // Ctrl+F in an open chat searches only that chat.
    await page.keyboard.press('Escape');
    await inbox.chat(/^Sari/).click();
    await page.keyboard.press('Control+f');
    await expect(dialog.getByText('Only in Sari')).toBeVisible();
    await expect(results).toHaveCount(1);
  } finally {
    await host.stop();
  }
});
