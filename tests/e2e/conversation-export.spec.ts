/**
 * "Export conversation" in the conversation header: an HTML file with the photo embedded
 * and the customer's hostile text inert, and a plain-text file with one line per message.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { InboxPage } from './pages/inbox.page';
import { addStoppedAccount, seededHost } from './pages/seed';

test.describe.configure({ timeout: 120_000 });

const HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';
// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function exportAs(page: Page, option: string): Promise<{ download: Download; text: string }> {
  await page.getByRole('button', { name: 'Export conversation' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: option }).click(),
  ]);
  const path = await download.path();
  return { download, text: readFileSync(path, 'utf8') };
}

test('a conversation exports as HTML with its photo and as plain text, hostile text inert', async ({ page }) => {
  const files = mkdtempSync(join(tmpdir(), 'blazz-export-media-'));
  const photo = join(files, 'photo.png');
  writeFileSync(photo, PNG);
  const host = await seededHost(store => {
    const accountId = addStoppedAccount(store, 'export', 'Toko Ekspor', '#1e88e5');
    const jid = '628777000111@c.us';
    const t0 = Date.UTC(2026, 5, 1, 9, 0, 0);
    store.ingest({
      chats: [{ accountId, jid, isGroup: false, name: 'Mallory', timestamp: t0 }],
      messages: [
        { accountId, chatJid: jid, providerMessageId: 'E1', fromMe: false, type: 'text', body: HOSTILE, timestamp: t0 },
        {
          accountId,
          chatJid: jid,
          providerMessageId: 'E2',
          fromMe: false,
          type: 'image',
          body: null,
          caption: 'bukti transfer',
          media: { mimeType: 'image/png', fileName: 'bukti.png', localPath: photo },
          timestamp: t0 + 60_000,
        },
        {
          accountId,
          chatJid: jid,
          providerMessageId: 'E3',
          fromMe: true,
          type: 'text',
          body: 'Terima kasih',
          timestamp: t0 + 120_000,
        },
      ],
    });
  });
  try {
    const inbox = new InboxPage(page);
    await inbox.open(host.url);
    await inbox.chat(/^Mallory/).click();
    await expect(inbox.bubble('Terima kasih')).toBeVisible();

    const html = await exportAs(page, 'Export as HTML (with media)');
    expect(html.download.suggestedFilename()).toMatch(/^Mallory-\d{4}-\d{2}-\d{2}\.html$/);
    await expect(page.getByRole('status').filter({ hasText: 'Exported 3 messages' })).toBeVisible();
    expect(html.text).toContain(`<img src="data:image/png;base64,${PNG.toString('base64')}"`);
    expect(html.text).toContain('bukti transfer');
    expect(html.text).not.toContain('<script>window');

    // Opened as a page, the export runs nothing and shows the text as text.
    const viewer = await page.context().newPage();
    await viewer.setContent(html.text);
    await expect(viewer.getByText(HOSTILE)).toBeVisible();
    expect(await viewer.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await viewer.close();

    const text = await exportAs(page, 'Export as plain text');
    expect(text.download.suggestedFilename()).toMatch(/^Mallory-\d{4}-\d{2}-\d{2}\.txt$/);
    const lines = text.text.trim().split('\n');
    expect(lines[0]).toBe('Conversation with Mallory on Toko Ekspor');
    expect(lines.slice(-3).map(l => l.replace(/^\[[^\]]+\] /, ''))).toEqual([
      `Mallory: ${HOSTILE}`,
      'Mallory: [Photo: bukti.png] bukti transfer',
      'You: Terima kasih',
    ]);
  } finally {
    await host.stop();
    rmSync(files, { recursive: true, force: true });
  }
});
