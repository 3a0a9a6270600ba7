/**
 * Issue #21: a sound for new messages, per number, with quiet hours. Web Audio is watched
 * through a stand-in AudioContext that counts the tones the page starts. Which messages
 * chime in quiet hours or on a silent number is decided by lib/notify.ts
 * (tests/unit/renderer/sound-prefs.test.ts): the demo's customers write too irregularly to
 * prove a silence here.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { InboxPage } from './pages/inbox.page';

// The demo's customers write every 20 s or so per number.
test.describe.configure({ timeout: 150_000 });

async function countChimes(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { chimes: number; AudioContext: typeof AudioContext };
    w.chimes = 0;
    const Real = w.AudioContext;
    w.AudioContext = class extends Real {
      override createOscillator(): OscillatorNode {
        const osc = super.createOscillator();
        const start = osc.start.bind(osc);
        osc.start = (when?: number) => {
          w.chimes += 0.5; // two tones per chime
          start(when);
        };
        return osc;
      }
    };
  });
}
const chimes = (page: Page) => page.evaluate(() => (window as unknown as { chimes: number }).chimes);

test('new messages chime; quiet hours and silent numbers are set and kept', async ({ page, host }) => {
  await countChimes(page);
  const inbox = new InboxPage(page);
  await inbox.open(host.url);
  await inbox.startDemo();
  await expect.poll(() => chimes(page), { timeout: 90_000 }).toBeGreaterThanOrEqual(1);

  // Quiet from an hour ago until an hour from now, in this computer's clock.
  const [from, to] = await page.evaluate(() => {
    const hhmm = (d: Date) => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
    return [hhmm(new Date(Date.now() - 3_600_000)), hhmm(new Date(Date.now() + 3_600_000))];
  });
  const settings = await inbox.openSettings('Settings', 'Notifications');
  await settings.getByRole('checkbox', { name: /Quiet hours/ }).check();
  await settings.getByLabel('From').fill(from!);
  await settings.getByLabel('Until').fill(to!);
  await expect(settings.getByText('Quiet now')).toBeVisible();
  await page.keyboard.press('Escape');

  // Kept across a reload, and a number can be left silent on its own.
  await page.reload();
  const again = await inbox.openSettings('Settings', 'Notifications');
  await expect(again.getByRole('checkbox', { name: /Quiet hours/ })).toBeChecked();
  await expect(again.getByText('Quiet now')).toBeVisible();
  await again.getByRole('checkbox', { name: 'Sound for Demo · Sales' }).uncheck();
  await page.reload();
  const third = await inbox.openSettings('Settings', 'Notifications');
  await expect(third.getByRole('checkbox', { name: 'Sound for Demo · Sales' })).not.toBeChecked();
  await expect(third.getByRole('checkbox', { name: 'Sound for Demo · Support' })).toBeChecked();
});
