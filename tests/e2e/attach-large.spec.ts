/**
 * Issue #20: files reach the core by an HTTP upload to the host, not inside a command, so
 * a 2 MB image (refused at 700 KB before) is sent; a voice note is recorded with the
 * browser's (fake) microphone and sent as OGG/Opus. The photo opens in the full-size viewer.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Message } from '../../common/domain';
import type { MessagesPage } from '../../common/api/inbox';
import { connectBridgeOf, invoke } from '../helpers/host';
import { expect, test } from './fixtures';
import { InboxPage } from './pages/inbox.page';

// A 1×1 PNG with 2 MB of padding after its end: a real image, larger than the old limit.
const PNG = Buffer.concat([
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  ),
  Buffer.alloc(2 * 1024 * 1024, 0x20),
]);

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'],
  },
});
test.describe.configure({ timeout: 120_000 });

test('a 2 MB image and a voice note go out from the browser on a single host', async ({ page, host }) => {
  const inbox = new InboxPage(page);
  await inbox.open(host.url);
  await inbox.startDemo();
  await inbox.openChatAt(0);

  const file = join(host.dataDir, 'big-photo.png');
  writeFileSync(file, PNG);
  await page.getByLabel('Attach a file').last().setInputFiles(file);
  await expect(page.getByLabel('Attachment', { exact: true })).toContainText('big-photo.png');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await inbox.composer.fill('foto besar');
  await inbox.composer.press('Enter');
  const bubble = inbox.bubble('foto besar');
  await expect(bubble.getByRole('img', { name: /^(Sent|Delivered|Read)$/ })).toBeVisible({ timeout: 60_000 });
  // The photo opens at full size, with a download.
  // By keyboard: the virtualized row is re-measured while the 2 MB photo decodes.
  await bubble.getByRole('button', { name: 'Open the photo at full size' }).press('Enter');
  const viewer = page.getByRole('dialog', { name: 'Photo' });
  await expect(viewer.getByRole('img', { name: 'The photo at full size' })).toBeVisible();
  await expect(viewer.getByRole('link', { name: 'Download' })).toHaveAttribute('download', 'big-photo.png');
  await page.keyboard.press('Escape');
  await expect(viewer).toHaveCount(0);

  await page.getByRole('button', { name: 'Record a voice note' }).click();
  await expect(page.getByRole('timer')).toHaveText('0:02', { timeout: 10_000 });
  await page.getByRole('button', { name: 'Send the voice note' }).click();

  // The host's store: the image once, whole; the voice note once, as a voice note in OGG.
  const bridge = await connectBridgeOf(host.url);
  const chats = (await invoke(bridge, 'chats:list', {})) as { ok: true; value: { items: Array<{ id: string }> } };
  const mine = async (): Promise<Message[]> => {
    const out: Message[] = [];
    for (const c of chats.value.items) {
      const r = (await invoke(bridge, 'messages:list', { chatId: c.id, limit: 200 })) as {
        ok: true;
        value: MessagesPage;
      };
      out.push(...r.value.messages.filter(m => m.fromMe && m.clientMessageId !== null && m.ack !== 'pending'));
    }
    return out;
  };
  await expect.poll(async () => (await mine()).filter(m => m.type === 'voice').length, { timeout: 30_000 }).toBe(1);
  const sent = await mine();
  const images = sent.filter(m => m.caption === 'foto besar');
  expect(images).toHaveLength(1);
  expect(images[0]?.media?.size).toBe(PNG.length);
  const voice = sent.find(m => m.type === 'voice');
  expect(voice?.media?.mimeType).toBe('audio/ogg');
  const bytes = readFileSync(voice?.media?.localPath ?? '');
  expect(bytes.subarray(0, 4).toString()).toBe('OggS');
  expect(bytes.subarray(28, 36).toString()).toBe('OpusHead');
  bridge.close();
});
