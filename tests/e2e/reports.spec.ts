/**
 * Reports (#18), end to end against a real workspace server on a real MariaDB: a lead opens
 * Reports from the header, changes the range, sees the charts and their table views, and
 * exports CSV whose rows are the table's; an agent has no Reports entry; with the server
 * down the lead still sees the last report, marked with its age. Also takes the screenshots
 * (docs/screenshots/reports-light.png and -dark.png with BLAZZ_SCREENSHOTS=docs/screenshots).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Locator, Page } from '@playwright/test';
import type { Stack } from '../integration/server/harness';
import { hostWithChat, must, startStack } from '../integration/server/harness';
import { expect, test } from './fixtures';
import type { Device } from './team-fixtures';
import { openDevice, printHostLogsOnFailure, restartServer, signInFromSettings, stopServer } from './team-fixtures';

test.describe.configure({ mode: 'serial', timeout: 150_000 });

const ZONE = 'Asia/Jakarta';
const HOUR = 3_600_000;

let stack: Stack;
let lead: { id: string; email: string };
let agent: { id: string; email: string };
let device: Device | undefined;

async function newPage(browser: Browser): Promise<Page> {
  // The viewer's zone is the browser's: days and hours are cut in it.
  const context = await browser.newContext({ timezoneId: ZONE });
  const page = await context.newPage();
  await page.addInitScript('window.__name = function (f) { return f; }');
  return page;
}

/**
 * The lead's number with a week of conversations: customers write at different hours, we
 * answer from the phone a few minutes later, half are resolved.
 */
async function seed(): Promise<void> {
  const admin = await stack.device('admin', 'Ada Admin');
  const A = await hostWithChat(stack);
  await hostWithChat(stack); // another number: not the lead's, never in their report
  for (const m of [lead, agent])
    await must(admin.socket, 'account:add-member', { accountId: A.accountId, memberId: m.id });
  // A 15-minute first-response target: the replies below come after 4, 8, … 32 minutes.
  await must(admin.socket, 'assignment:update', {
    accountId: A.accountId,
    mode: 'off',
    reassignAfterMinutes: null,
    slaMinutes: 15,
    capacities: [],
  });
  const now = Date.now() - HOUR;
  const chats = Array.from({ length: 8 }, (_, i) => ({ jid: `62813000${i}@c.us`, name: `Pelanggan ${i + 1}` }));
  await must(A.host.socket, 'sync:push', {
    chats: chats.map(c => ({ accountId: A.accountId, jid: c.jid, isGroup: false, name: c.name })),
    messages: chats.flatMap((c, i) => {
      const opened = now - i * 17 * HOUR;
      const base = { accountId: A.accountId, chatJid: c.jid, type: 'text' as const };
      return [
        { ...base, providerMessageId: `in-${i}`, fromMe: false, body: 'Halo, pesanan saya?', timestamp: opened },
        {
          ...base,
          providerMessageId: `out-${i}`,
          fromMe: true,
          body: 'Sedang kami cek',
          timestamp: opened + (i + 1) * 4 * 60_000,
        },
      ];
    }),
  });
  for (const [i, c] of chats.entries()) {
    if (i % 2 === 1) continue;
    const chatId = `${A.accountId}:${c.jid}`;
    const { chat } = await must(admin.socket, 'chat:get', { chatId });
    const assigned = await must(admin.socket, 'chat:assign', { chatId, assigneeId: agent.id, version: chat.version });
    await must(admin.socket, 'chat:set-status', { chatId, status: 'resolved', version: assigned.version });
  }
}

async function openReports(d: Device): Promise<Locator> {
  await d.page.getByRole('button', { name: 'Reports', exact: true }).click();
  const dialog = d.page.getByRole('dialog', { name: 'Reports' });
  await expect(dialog.getByTestId('reports-card').first()).toBeVisible({ timeout: 20_000 });
  return dialog;
}

/** A panel's table rows, cell by cell (the row header first). */
async function rows(panel: Locator): Promise<string[][]> {
  return panel
    .getByTestId('reports-row')
    .evaluateAll(trs => trs.map(tr => [...tr.querySelectorAll('th, td')].map(c => c.textContent ?? '')));
}

/** A small RFC 4180 reader: enough for the export's quoting. */
function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (!quoted && c === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      out.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return out;
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; rows: string[][] }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const text = readFileSync((await file.path())!, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return { name: file.suggestedFilename(), rows: parseCsv(text.slice(1)) };
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  stack = await startStack();
  lead = await stack.member('lead', 'Lina Lead');
  agent = await stack.member('agent', 'Agus Agent');
  await seed();
});

// eslint-disable-next-line no-empty-pattern
test.afterEach(async ({}, testInfo) => {
  printHostLogsOnFailure(testInfo, [device]);
  await device?.stop();
  device = undefined;
});

test.afterAll(async () => {
  await stack?.stop();
});

test('a lead opens Reports, changes the range, reads the charts and exports CSV that matches', async ({
  browser,
}, info) => {
  device = await openDevice('Lead', () => newPage(browser));
  await signInFromSettings(device, stack.node.url, lead.email);
  const reports = await openReports(device);
  await expect(reports.getByTestId('reports-zone')).toHaveText(`Days and hours in your time zone: ${ZONE}`);
  await expect(reports.getByTestId('reports-card').first()).toContainText('Conversations opened');

  await reports.getByRole('combobox', { name: 'Range', exact: true }).selectOption({ label: 'Last 30 days' });
  const trend = reports.getByRole('region', { name: /^Trend:/ });
  await expect(trend.locator('canvas').first()).toBeVisible();
  await expect(reports.getByRole('region', { name: 'First response times' }).locator('canvas').first()).toBeVisible();
  await trend.getByRole('button', { name: 'Show as table' }).click();
  // One row per day of the range, the newest being today in Jakarta.
  await expect(trend.getByTestId('reports-row')).toHaveCount(30);
  const trendRows = await rows(trend);
  const opened = trendRows.reduce((n, r) => n + Number(r[1]), 0);
  // The eight seeded conversations, the harness's own chat, none of the other number's.
  expect(opened).toBe(9);
  await expect(reports.getByTestId('reports-card').first()).toContainText('9');

  const numbers = reports.getByRole('region', { name: 'Per number' });
  await expect(numbers.getByTestId('reports-row')).toHaveCount(1);
  const shown = await rows(numbers);
  expect(shown[0]!.slice(0, 2)).toEqual(['Support line', '9']);
  const csv = await download(device.page, () => numbers.getByRole('button', { name: 'Export CSV' }).click());
  expect(csv.name).toMatch(/^per-number-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(csv.rows[0]).toEqual([
    'Number',
    'Opened',
    'Resolved',
    'Reopened',
    'Messages in',
    'Messages out',
    'First response (median)',
    'Resolution (median)',
  ]);
  expect(csv.rows.slice(1)).toEqual(shown);

  // SLA: 3 replies within 15 minutes (4, 8, 12), 5 later; the agent had 4 (4, 12, 20, 28 min).
  await expect(reports.getByTestId('reports-card-sla')).toContainText('37.5 %');
  const slaNumbers = reports.getByRole('region', { name: 'SLA attainment by number' });
  const slaShown = await rows(slaNumbers);
  expect(slaShown.map(r => [...r.slice(0, 4), r[5]])).toEqual([['Support line', '15 min', '3', '5', '37.5 %']]);
  const slaCsv = await download(device.page, () => slaNumbers.getByRole('button', { name: 'Export CSV' }).click());
  expect(slaCsv.rows[0]).toEqual([
    'Number',
    'First-response target',
    'SLA met',
    'SLA missed',
    'Waiting, not yet due',
    'SLA met %',
  ]);
  expect(slaCsv.rows.slice(1)).toEqual(slaShown);
  expect(await rows(reports.getByRole('region', { name: 'SLA attainment by member' }))).toEqual([
    ['Agus Agent', '2', '2', '0', '50.0 %'],
  ]);

  // Business hours only: this number has none, so its clocks run around the clock either way.
  await reports.getByRole('checkbox', { name: 'Count business hours only' }).check();
  await expect(reports.getByRole('checkbox', { name: 'Count business hours only' })).toBeChecked();
  await expect(numbers.getByTestId('reports-row')).toHaveCount(1);
  expect(await rows(numbers)).toEqual(shown);
  await reports.getByRole('checkbox', { name: 'Count business hours only' }).uncheck();

  const trendCsv = await download(device.page, () => trend.getByRole('button', { name: 'Export CSV' }).click());
  expect(trendCsv.rows.slice(1)).toEqual(trendRows);

  const conversations = reports.getByRole('region', { name: 'Conversations behind these figures' });
  await conversations.getByLabel('Which').selectOption({ label: 'Resolved' });
  const list = await download(device.page, () =>
    conversations.getByRole('button', { name: 'Export conversations (CSV)' }).click(),
  );
  expect(list.rows[0]![0]).toBe('chat_id');
  expect(list.rows).toHaveLength(1 + 4);
  expect(new Set(list.rows.slice(1).map(r => r[8]))).toEqual(new Set(['Agus Agent']));
  // The resolved four were answered after 4, 12, 20 and 28 minutes against the 15-minute target.
  expect(list.rows[0]!.slice(-2)).toEqual(['sla_due_at_utc', 'sla']);
  expect(
    list.rows
      .slice(1)
      .map(r => r[14])
      .sort(),
  ).toEqual(['met', 'met', 'missed', 'missed']);

  // The heatmap says each cell's count to screen readers.
  await expect(reports.getByRole('gridcell', { name: /: 1 messages in$/ }).first()).toBeVisible();

  const dir = process.env.BLAZZ_SCREENSHOTS ?? info.outputPath('screens');
  mkdirSync(dir, { recursive: true });
  await trend.getByRole('button', { name: 'Show as chart' }).click();
  await reports.locator('.dialog-body').evaluate(el => el.scrollTo(0, 0));
  for (const scheme of ['light', 'dark'] as const) {
    await device.page.emulateMedia({ colorScheme: scheme });
    await device.page.setViewportSize({ width: 1280, height: 900 });
    await expect(trend.locator('canvas').first()).toBeVisible();
    await device.page.screenshot({ path: join(dir, `reports-${scheme}.png`), animations: 'disabled' });
    // Readable in both themes: no serious or critical axe finding in the dialog (contrast included).
    const axe = await new AxeBuilder({ page: device.page })
      .include('[role="dialog"]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const serious = axe.violations.filter(v => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map(v => `${scheme}: ${v.id} ${v.nodes.map(n => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  }
});

test('an agent has no Reports entry', async ({ browser }) => {
  device = await openDevice('Agent', () => newPage(browser));
  await signInFromSettings(device, stack.node.url, agent.email);
  await expect(device.page.getByRole('button', { name: 'Settings', exact: true })).toBeVisible();
  await expect(device.page.getByRole('button', { name: 'Reports', exact: true })).toHaveCount(0);
});

test('offline, the lead sees the last report loaded, marked with its age', async ({ browser }) => {
  device = await openDevice('Lead offline', () => newPage(browser));
  await signInFromSettings(device, stack.node.url, lead.email);
  let reports = await openReports(device);
  const numbers = reports.getByRole('region', { name: 'Per number' });
  await expect(numbers.getByTestId('reports-row')).toHaveCount(1);
  const online = await rows(numbers);
  await device.page.keyboard.press('Escape');

  const port = await stopServer(stack);
  try {
    await expect(device.page.getByText(/^Team workspace offline/)).toBeVisible({ timeout: 20_000 });
    reports = await openReports(device);
    await expect(reports.getByTestId('reports-stale')).toHaveText(
      /^Offline: this is the report loaded (this minute|\d+ minutes? ago)\. /,
    );
    expect(await rows(reports.getByRole('region', { name: 'Per number' }))).toEqual(online);
    // A range never loaded has nothing to show offline, and says so.
    await reports.getByRole('combobox', { name: 'Range', exact: true }).selectOption({ label: 'This month' });
    await reports.getByRole('combobox', { name: 'Number', exact: true }).selectOption({ label: 'Support line' });
    await expect(reports.getByRole('alert')).toHaveText(/cannot be reached, and this range was not loaded before/);
  } finally {
    await restartServer(stack, port);
  }
});
