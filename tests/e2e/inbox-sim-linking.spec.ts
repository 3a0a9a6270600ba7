/**
 * A simulated number links itself: its simulated phone scans the QR a moment after it is
 * shown. The rail says so instead of "QR code needed", which sent agents looking for a code
 * that nobody has to scan (#21).
 */
import { expect, test } from './fixtures';
import { InboxPage } from './pages/inbox.page';

test('simulated numbers say they are linking themselves, never "QR code needed"', async ({ page, host }) => {
  const inbox = new InboxPage(page);
  await inbox.open(host.url);
  const seen = new Set<string>();
  // Every state text the rail shows until both numbers are ready.
  const watch = setInterval(() => {
    void inbox.accounts
      .locator('.account-state')
      .allTextContents()
      .then(texts => texts.forEach(t => seen.add(t.trim())))
      .catch(() => {});
  }, 50);
  try {
    await inbox.startDemo();
  } finally {
    clearInterval(watch);
  }
  expect(seen).toContain('Linking the simulated phone…');
  expect([...seen]).not.toContain('QR code needed');
});
