/**
 * The "Sending as" strip and the number's name on chat rows meet WCAG AA (4.5:1) in both
 * themes: measured from the computed colours, as a checker would.
 */
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { InboxPage } from './pages/inbox.page';

/** Contrast of an element's text colour on the first opaque background behind it. */
const contrastOf = (el: Locator) =>
  el.evaluate(node => {
    const rgb = (s: string) => (s.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const c = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * c(r!) + 0.7152 * c(g!) + 0.0722 * c(b!);
    };
    let bg: number[] = [255, 255, 255];
    for (let n: Element | null = node; n; n = n.parentElement) {
      const c = rgb(getComputedStyle(n).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3]! >= 0.99)) {
        bg = c.slice(0, 3);
        break;
      }
    }
    const [a, b] = [lum(rgb(getComputedStyle(node).color).slice(0, 3)), lum(bg)];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });

test('Sending as and the number on chat rows are readable (AA) in light and dark', async ({ page, host }) => {
  const inbox = new InboxPage(page);
  await inbox.open(host.url);
  await inbox.startDemo();
  await inbox.openChatAt(0);
  for (const theme of ['Light', 'Dark'] as const) {
    const settings = await inbox.openSettings('Settings', 'General');
    await settings.getByRole('radio', { name: theme }).check();
    await page.keyboard.press('Escape');
    await expect(settings).toHaveCount(0);
    expect(await contrastOf(inbox.sendingAs.locator('.sending-as-text'))).toBeGreaterThanOrEqual(4.5);
    const chip = inbox.chats.first().locator('.account-chip');
    expect(await contrastOf(chip)).toBeGreaterThanOrEqual(4.5);
  }
});
