/**
 * Issue #21: a chat opened for the first time stays at its newest message when an image's
 * height arrives after the first paint (a slow media response), until the agent scrolls.
 * Before, the list stopped above the newest message by the image's height.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { InboxPage } from './pages/inbox.page';
import { bugViewport } from './viewport';

/** Pixels between the bottom of the visible part and the end of the list. */
const gapBelow = (log: Locator) => log.evaluate(el => el.scrollHeight - el.scrollTop - el.clientHeight);

test('a first open stays at the bottom while a slow image gets its height', async ({ page, host }) => {
  await page.setViewportSize(bugViewport(test.info()));
  const inbox = new InboxPage(page);
  await inbox.open(host.url);
  await inbox.startDemo();
  // (Not openChatAt: live demo messages may reorder the rows under the click.)
  await inbox.chats.first().click();
  await expect(inbox.messages).toBeVisible();
  const name = await inbox.openChatName();

  // A tall photo (240×320, drawn by the browser), sent as the chat's newest message.
  const png = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 240;
    c.height = 320;
    const g = c.getContext('2d')!;
    g.fillStyle = '#3b7dd8';
    g.fillRect(0, 0, 240, 320);
    return c.toDataURL('image/png').split(',')[1]!;
  });
  const file = join(host.dataDir, 'tall.png');
  writeFileSync(file, Buffer.from(png, 'base64'));
  await page.getByLabel('Attach a file').last().setInputFiles(file);
  await expect(page.getByLabel('Attachment', { exact: true })).toContainText('tall.png');
  await inbox.composer.fill('foto tinggi');
  await inbox.composer.press('Enter');
  const photo = inbox.bubble('foto tinggi').getByRole('img', { name: 'Photo' });
  await expect(photo).toBeVisible();

  // A fresh window (no thread in memory), and the photo's bytes (a data: URL in the bridge's
  // media:url reply) arrive only after 4 s; every other bridge message passes at once.
  await page.routeWebSocket(/\/bridge\//, ws => {
    const server = ws.connectToServer();
    ws.onMessage(m => server.send(m));
    server.onMessage(m => {
      if (typeof m === 'string' && m.includes('data:image/png')) setTimeout(() => ws.send(m), 4000);
      else ws.send(m);
    });
  });
  await page.reload();
  await expect(inbox.chats.first()).toBeVisible({ timeout: 30_000 });
  await inbox.chat(new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},`)).click();
  const reloaded = inbox.bubble('foto tinggi').getByRole('img', { name: 'Photo' });
  await expect(reloaded).toHaveJSProperty('complete', true, { timeout: 15_000 });
  await expect.poll(() => reloaded.evaluate(img => (img as HTMLImageElement).naturalHeight)).toBe(320);
  // The photo is drawn at its full height and the list ends at the newest message.
  await expect.poll(() => gapBelow(inbox.messages), { timeout: 3_000 }).toBeLessThan(4);
  await expect(inbox.bubble('foto tinggi')).toBeInViewport();

  // Once the agent scrolls up, the list stays where they put it.
  await inbox.messages.hover();
  await page.mouse.wheel(0, -600);
  await expect.poll(() => gapBelow(inbox.messages)).toBeGreaterThan(300);
});
