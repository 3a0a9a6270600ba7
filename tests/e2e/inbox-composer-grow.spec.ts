/** The composer grows with the draft, wrapped lines included, to about eight lines, then scrolls. */
import { expect, test } from './fixtures';
import { InboxPage } from './pages/inbox.page';
import { bugViewport } from './viewport';

test('the composer grows with a long draft to eight lines, then scrolls', async ({ page, host }) => {
  await page.setViewportSize(bugViewport(test.info()));
  const inbox = new InboxPage(page);
  await inbox.open(host.url);
  await inbox.startDemo();
  await inbox.openChatAt(0);
  const box = () =>
    inbox.composer.evaluate(el => {
      const lh = parseFloat(getComputedStyle(el).lineHeight);
      return { lines: el.clientHeight / lh, scrolls: el.scrollHeight > el.clientHeight + 1 };
    });
  const empty = await box();
  // Empty, it is as tall as its hint: one line, two where it wraps (the window's minimum
  // width, or beside the signed-out Status panel), never more.
  expect(empty.lines).toBeLessThan(3);

  // One paragraph, no line breaks: it wraps, and the field grows with it (short enough to
  // stay under eight lines in the narrowest composer).
  await inbox.composer.fill('Terima kasih sudah menunggu, pesanan kakak sedang kami cek. '.repeat(3));
  const wrapped = await box();
  expect(wrapped.lines).toBeGreaterThan(empty.lines + 1);
  expect(wrapped.scrolls).toBe(false);

  // Twenty lines: it stops at about eight and scrolls.
  await inbox.composer.fill(Array.from({ length: 20 }, (_, i) => `baris ${i + 1}`).join('\n'));
  const tall = await box();
  expect(tall.lines).toBeGreaterThan(7.5);
  expect(tall.lines).toBeLessThan(9.5);
  expect(tall.scrolls).toBe(true);
});
