/**
 * Issue #21, layout at narrow widths, with a workspace (so the team panel is there): at the
 * window's minimum 880×560 and at 1024×700 the accounts rail is a column of icons, the side
 * panel is a drawer behind a toggle (closed at first, never over the composer), "Sending as"
 * is one line and the composer keeps most of the conversation's width. At 1440×900 the panel
 * stays beside the messages. Before, the composer was 149 px wide at 880 px and "Sending as"
 * wrapped to six lines.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, TestInfo } from '@playwright/test';
import type { Stack } from '../integration/server/harness';
import { startStack } from '../integration/server/harness';
import { expect, test } from './fixtures';
import type { Device } from './team-fixtures';
import { openDevice, printHostLogsOnFailure, signInFromSettings, teamPanel } from './team-fixtures';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

let stack: Stack;
let a: Device;

const newPage = (browser: Browser) => browser.newPage();

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  stack = await startStack();
  await stack.device('admin', 'Ada Admin');
  const lead = await stack.member('lead', 'Lena Lead');
  a = await openDevice('A', () => newPage(browser));
  const { page, inbox } = a;
  await inbox.addSimulatedNumber('Toko Lena Sejahtera Abadi');
  await signInFromSettings(a, stack.node.url, lead.email);
  await expect(inbox.chats.first()).toBeVisible({ timeout: 30_000 });
  await inbox.openChatAt(0);
  await expect(teamPanel(page)).toBeVisible();
});

// eslint-disable-next-line no-empty-pattern
test.afterEach(({}, testInfo) => printHostLogsOnFailure(testInfo, [a]));

test.afterAll(async () => {
  await a?.stop();
  await stack?.stop();
});

/** The narrow layout for docs/ (BLAZZ_SCREENSHOTS=docs/screenshots), else into test-results/. */
async function shoot(info: TestInfo, name: string): Promise<void> {
  const dir = process.env.BLAZZ_SCREENSHOTS ?? info.outputPath('screens');
  mkdirSync(dir, { recursive: true });
  await a.page.addStyleTag({ content: '* { caret-color: transparent !important; }' });
  await a.page.screenshot({ path: join(dir, `${name}.png`), animations: 'disabled' });
}

/** Sizes of what the agent needs to type: the composer's text box and "Sending as". */
async function measure() {
  const { inbox } = a;
  const box = await inbox.composer.boundingBox();
  const strip = await inbox.sendingAs.boundingBox();
  const rail = await inbox.accounts.boundingBox();
  if (!box || !strip || !rail) throw new Error('composer, Sending as or rail not laid out');
  // The text box is not covered by anything (a drawer) where the agent would click.
  const reachable = await inbox.composer.evaluate(el => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width * 0.9, r.top + r.height / 2);
    return hit === el;
  });
  return { box, strip, rail, reachable };
}

for (const size of [
  { width: 880, height: 560 },
  { width: 1024, height: 700 },
]) {
  const title = `at ${size.width}×${size.height} the rail is icons, the team panel a drawer and the composer usable`;
  // eslint-disable-next-line no-empty-pattern
  test(title, async ({}, info) => {
    const { page, inbox } = a;
    await page.setViewportSize(size);
    const toggle = page.getByRole('button', { name: 'Side panel (team, notes, summary)' });

    // Closed at first: the conversation has the width.
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(teamPanel(page)).toBeHidden();
    const closed = await measure();
    expect(closed.rail.width).toBeLessThanOrEqual(72);
    expect(closed.box.width).toBeGreaterThanOrEqual(320);
    expect(closed.strip.height).toBeLessThanOrEqual(30);
    expect(closed.reachable).toBe(true);
    // The rail's buttons keep the number's name for screen readers.
    await expect(inbox.accounts.getByRole('button', { name: /Toko Lena Sejahtera Abadi/ }).first()).toBeVisible();

    // Open: the panel is usable and the composer neither shrinks nor is covered.
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(teamPanel(page)).toBeVisible();
    const panel = await teamPanel(page).boundingBox();
    expect(panel!.width).toBeGreaterThanOrEqual(240);
    const open = await measure();
    expect(open.box.width).toBeCloseTo(closed.box.width, 0);
    expect(open.strip.height).toBeLessThanOrEqual(30);
    expect(open.reachable).toBe(true);
    expect(panel!.y + panel!.height).toBeLessThanOrEqual(open.strip.y + 1);
    // The drawer spans the messages' height (down to "Sending as"), not just its heading.
    const drawerId = (await toggle.getAttribute('aria-controls')) ?? '';
    const drawer = await page.locator(`[id="${drawerId}"]`).boundingBox();
    const messages = await inbox.messages.boundingBox();
    expect(drawer!.height).toBeGreaterThan(messages!.height * 0.9);
    if (size.width === 880) await shoot(info, 'narrow-880-team-drawer-en');

    await toggle.click();
    await expect(teamPanel(page)).toBeHidden();
  });
}

test('at 1440×900 the team panel stays beside the messages, with no drawer toggle', async () => {
  const { page } = a;
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(page.getByRole('button', { name: 'Side panel (team, notes, summary)' })).toHaveCount(0);
  await expect(teamPanel(page)).toBeVisible();
  const m = await measure();
  expect(m.rail.width).toBeGreaterThan(150);
  expect(m.box.width).toBeGreaterThanOrEqual(320);
  expect(m.strip.height).toBeLessThanOrEqual(30);
  expect(m.reachable).toBe(true);
});

// eslint-disable-next-line no-empty-pattern
test('in Bahasa Indonesia the drawer toggle is translated (screenshot at 880×560)', async ({}, info) => {
  const { page, inbox } = a;
  const settings = await inbox.openSettings('Settings', 'General');
  await settings.getByRole('combobox', { name: 'Language' }).selectOption('id');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.setViewportSize({ width: 880, height: 560 });
  const toggle = page.getByRole('button', { name: 'Panel samping (tim, catatan, ringkasan)' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await shoot(info, 'narrow-880-team-drawer-id');
  await toggle.click();
  await shoot(info, 'narrow-880-id');
});
