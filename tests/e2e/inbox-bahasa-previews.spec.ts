/**
 * Issue #21: chat-list previews of photos, voice notes, documents and deleted messages came
 * from the core as English text, so an agent reading in Bahasa Indonesia saw "📷 Photo".
 * The core now stores what a message is and the renderer words it in the reader's language.
 */
import { expect, test } from './fixtures';
import { InboxPage } from './pages/inbox.page';

const ENGLISH =
  /📷 Photo|🎥 Video|🎤 Voice message|📄 Document|📍 Location|👤 Contact|\bSticker\b|This message was deleted/;
const BAHASA = /📷 Foto|🎥 Video|🎵 Audio|🎤 Pesan suara|📄 Dokumen|📍 Lokasi|👤 Kontak|Stiker|Pesan ini telah dihapus/;

test('previews of media and deleted messages follow the reader language', async ({ page, host }) => {
  test.setTimeout(90_000);
  const inbox = new InboxPage(page);
  await inbox.open(host.url);
  await inbox.startDemo();
  // The list's own name changes with the language; a preview line has no role of its own.
  const previews = page.getByRole('listbox').getByRole('option').locator('.chat-preview');
  // The demo's history has photos and voice notes among the chats' last messages.
  await expect(previews.filter({ hasText: ENGLISH }).first()).toBeVisible({ timeout: 30_000 });

  const settings = await inbox.openSettings('Settings', 'General');
  await settings.getByRole('combobox', { name: 'Language' }).selectOption('id');
  await page.keyboard.press('Escape');

  await expect(previews.filter({ hasText: BAHASA }).first()).toBeVisible();
  await expect(previews.filter({ hasText: ENGLISH })).toHaveCount(0);
});
