/**
 * Issue #20 "videos play": a small WebM video, made in the test by the browser itself
 * (a canvas recorded with MediaRecorder; nothing downloaded), is sent on a simulated
 * number and plays in its bubble: the <video> element gets data to show (readyState ≥ 2).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { InboxPage } from './pages/inbox.page';

test.use({
  launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] },
});
test.describe.configure({ timeout: 120_000 });

test('a video sent on a number plays in its bubble', async ({ page, host }) => {
  const inbox = new InboxPage(page);
  await inbox.open(host.url);
  await inbox.startDemo();
  await inbox.openChatAt(0);

  // One second of a moving square, VP8 in WebM, recorded by this Chromium.
  const base64 = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 48;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    const recorder = new MediaRecorder(canvas.captureStream(25), { mimeType: 'video/webm;codecs=vp8' });
    const chunks: Blob[] = [];
    recorder.ondataavailable = e => chunks.push(e.data);
    const done = new Promise(resolve => (recorder.onstop = resolve));
    recorder.start(100);
    for (let i = 0; i < 25; i++) {
      ctx.fillStyle = '#123456';
      ctx.fillRect(0, 0, 64, 48);
      ctx.fillStyle = '#25d366';
      ctx.fillRect(i * 2, 10, 16, 16);
      await new Promise(r => setTimeout(r, 40));
    }
    recorder.stop();
    await done;
    const bytes = new Uint8Array(await new Blob(chunks, { type: 'video/webm' }).arrayBuffer());
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s);
  });
  const file = join(host.dataDir, 'clip.webm');
  writeFileSync(file, Buffer.from(base64, 'base64'));

  await page.getByLabel('Attach a file').last().setInputFiles(file);
  await expect(page.getByLabel('Attachment', { exact: true })).toContainText('clip.webm');
  await inbox.composer.fill('video kecil');
  await inbox.composer.press('Enter');
  const bubble = inbox.bubble('video kecil');
  await expect(bubble.getByRole('img', { name: /^(Sent|Delivered|Read)$/ })).toBeVisible({ timeout: 60_000 });
  // The bubble offers the video; playing it fetches the file (as for a customer's video).
  await bubble.getByRole('button', { name: 'Play video' }).click();
  const video = bubble.locator('video');
  await expect(video).toBeVisible();
  await video.evaluate(async (v: HTMLVideoElement) => {
    v.muted = true;
    await v.play().catch(() => undefined);
  });
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 20_000 })
    .toBeGreaterThanOrEqual(2);
  expect(await video.evaluate((v: HTMLVideoElement) => v.error)).toBeNull();
});
