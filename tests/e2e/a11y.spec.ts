/**
 * Accessibility of the main screens, checked with axe-core the way an auditor's tool does:
 * the inbox with a chat open, Settings, the search dialog and the add-number dialog, in the
 * light and the dark theme. No serious or critical violation is allowed.
 * One rule is turned off, on purpose: label-content-name-mismatch reads the whole text of a
 * chat row (preview, time, chips) as its label. The row's visible label is the chat's name,
 * and its accessible name starts with it ("Ana, via Demo · Sales, 3 unread…"), which is what
 * WCAG 2.5.3 asks so that "click Ana" works with speech input.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { InboxPage } from './pages/inbox.page';

async function seriousViolations(page: Page, what: string): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .disableRules(['label-content-name-mismatch'])
    .analyze();
  return result.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(
      v =>
        `${what}: ${v.id} (${v.impact}) ${v.nodes
          .slice(0, 4)
          .map(n => `${n.target.join(' ')} :: ${(n.any[0]?.message ?? '').slice(0, 140)}`)
          .join(' | ')}`,
    );
}

test('the main screens have no serious or critical accessibility violations, light and dark', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  const inbox = new InboxPage(page);
  await inbox.open(host.url);
  await inbox.startDemo();
  await inbox.openChatAt(0);
  const found: string[] = [];
  for (const theme of ['Light', 'Dark'] as const) {
    const settings = await inbox.openSettings('Settings', 'General');
    await settings.getByRole('radio', { name: theme }).check();
    found.push(...(await seriousViolations(page, `${theme} settings`)));
    await page.keyboard.press('Escape');
    await expect(settings).toHaveCount(0);
    found.push(...(await seriousViolations(page, `${theme} inbox`)));
    const search = await inbox.openSearch();
    await search.getByRole('searchbox').first().fill('pesanan');
    found.push(...(await seriousViolations(page, `${theme} search`)));
    await page.keyboard.press('Escape');
    await expect(search).toHaveCount(0);
    await inbox.accounts.getByRole('button', { name: 'Add account' }).click();
    const add = page.getByRole('dialog', { name: 'Add account' });
    await expect(add).toBeVisible();
    found.push(...(await seriousViolations(page, `${theme} add number`)));
    await page.keyboard.press('Escape');
    await expect(add).toHaveCount(0);
  }
  expect(found).toEqual([]);
});

test('at the window’s minimum size (880×560) the inbox and Settings have no serious violations, light and dark', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 880, height: 560 });
  const inbox = new InboxPage(page);
  await inbox.open(host.url);
  await inbox.startDemo();
  await inbox.openChatAt(0);
  const found: string[] = [];
  for (const theme of ['Light', 'Dark'] as const) {
    const settings = await inbox.openSettings('Settings', 'General');
    await settings.getByRole('radio', { name: theme }).check();
    found.push(...(await seriousViolations(page, `${theme} narrow settings`)));
    await page.keyboard.press('Escape');
    await expect(settings).toHaveCount(0);
    found.push(...(await seriousViolations(page, `${theme} narrow inbox`)));
  }
  expect(found).toEqual([]);
});
