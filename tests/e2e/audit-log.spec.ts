/**
 * Settings → Audit log, end to end against a real workspace server on a real MariaDB: an
 * admin filters by action and member and exports CSV (the file's rows are the table's);
 * a lead sees only the rows of their number's chats; an agent has no Audit log at all.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Locator } from '@playwright/test';
import type { Stack } from '../integration/server/harness';
import { hostWithChat, must, startStack } from '../integration/server/harness';
import { expect, test } from './fixtures';
import type { Device } from './team-fixtures';
import { openDevice, printHostLogsOnFailure, signInFromSettings } from './team-fixtures';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

let stack: Stack;
let admin: Awaited<ReturnType<Stack['device']>>;
let lead: Awaited<ReturnType<Stack['device']>>;
let agent: Awaited<ReturnType<Stack['device']>>;
let A: Awaited<ReturnType<typeof hostWithChat>>;
let device: Device | undefined;

async function newPage(browser: Browser) {
  const page = await browser.newPage();
  // tsx/esbuild keep function names with a helper the page does not have.
  await page.addInitScript('window.__name = function (f) { return f; }');
  return page;
}

async function openAuditLog(d: Device): Promise<Locator> {
  const settings = await d.inbox.openSettings('Settings', 'Team');
  const audit = settings.getByRole('region', { name: 'Audit log' });
  await audit.getByRole('button', { name: 'Open audit log' }).click();
  return audit;
}

/** The table's cells, row by row. */
async function tableRows(audit: Locator): Promise<string[][]> {
  return audit
    .getByTestId('audit-row')
    .evaluateAll(rows => rows.map(r => [...r.querySelectorAll('td')].map(td => td.textContent ?? '')));
}

/** A small RFC 4180 reader: enough for the export's quoting. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += c;
    }
  }
  return rows;
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  stack = await startStack();
  admin = await stack.device('admin', 'Ada Admin');
  lead = await stack.device('lead', 'Lina Lead');
  agent = await stack.device('agent', 'Agus Agent');
  A = await hostWithChat(stack);
  const B = await hostWithChat(stack);
  for (const m of [lead, agent])
    await must(admin.socket, 'account:add-member', { accountId: A.accountId, memberId: m.id });
  // Rows in both numbers' chats, and workspace-wide ones.
  await must(admin.socket, 'chat:assign', { chatId: A.chatId, assigneeId: agent.id, version: 0 });
  await must(admin.socket, 'chat:assign', { chatId: B.chatId, assigneeId: admin.id, version: 0 });
  await must(lead.socket, 'chat:set-status', { chatId: A.chatId, status: 'pending', version: 1 });
  await must(agent.socket, 'message:send', {
    clientMessageId: '5b1c7a0e-2f4d-4c8e-9a6b-1d3e5f7a9c0b',
    chatId: A.chatId,
    body: 'on its way',
  });
  await must(admin.socket, 'member:create', {
    email: `new-${Date.now().toString(36)}@example.test`,
    name: 'Nia New',
    role: 'agent',
    password: 'long enough password',
  });
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

test('an admin filters by action and member, and the exported CSV holds the same rows', async ({ browser }) => {
  device = await openDevice('Admin', () => newPage(browser));
  await signInFromSettings(device, stack.node.url, admin.email);
  const audit = await openAuditLog(device);
  await expect(audit.getByTestId('audit-row').first()).toBeVisible();
  await expect(audit.getByRole('cell', { name: 'Added a member' })).toBeVisible();

  await audit.getByLabel('Action').selectOption({ label: 'Assigned a chat' });
  await audit.getByLabel('Member').selectOption({ label: 'Ada Admin' });
  await audit.getByRole('button', { name: 'Show' }).click();
  await expect(audit.getByTestId('audit-row')).toHaveCount(2);
  const rows = await tableRows(audit);
  expect(rows.map(r => [r[1], r[2]])).toEqual([
    ['Ada Admin', 'Assigned a chat'],
    ['Ada Admin', 'Assigned a chat'],
  ]);

  const [download] = await Promise.all([
    device.page.waitForEvent('download'),
    audit.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const [header, ...body] = parseCsv(text.slice(1));
  expect(header).toEqual([
    'Time',
    'Member',
    'Action',
    'Chat',
    'Device',
    'Details',
    'time_utc',
    'action_code',
    'member_id',
    'chat_id',
    'device_id',
  ]);
  expect(body.map(r => r.slice(0, 6))).toEqual(rows);
  expect(body.map(r => [r[7], r[8]])).toEqual([
    ['chat.assign', admin.id],
    ['chat.assign', admin.id],
  ]);
  await expect(audit.getByText(/^Exported 2 rows to audit-log-/)).toBeVisible();

  // A filter with no match says why the table is empty.
  await audit.getByLabel('Action').selectOption({ label: 'Sent a message' });
  await audit.getByRole('button', { name: 'Show' }).click();
  await expect(audit.getByTestId('audit-empty')).toHaveText(
    'No entries match these filters. Clear a filter or widen the dates.',
  );
});

test('a lead sees only the rows of their number’s chats', async ({ browser }) => {
  device = await openDevice('Lead', () => newPage(browser));
  await signInFromSettings(device, stack.node.url, lead.email);
  const audit = await openAuditLog(device);
  await expect(audit.getByRole('cell', { name: 'Sent a message' })).toBeVisible();
  const chatCells = audit.getByTestId('audit-row').locator('td:nth-child(4)');
  const titles = await chatCells.evaluateAll(tds => tds.map(td => td.getAttribute('title')));
  // assign + status + send + the account's own chat rows; none of the other number's, none workspace-wide.
  expect(titles.length).toBeGreaterThanOrEqual(3);
  expect(new Set(titles)).toEqual(new Set([A.chatId]));
  await expect(audit.getByRole('cell', { name: 'Added a member' })).toHaveCount(0);
  await expect(audit.getByRole('cell', { name: 'Gave a member a WhatsApp number' })).toHaveCount(0);
});

test('an agent has no Audit log', async ({ browser }) => {
  device = await openDevice('Agent', () => newPage(browser));
  await signInFromSettings(device, stack.node.url, agent.email);
  const settings = await device.inbox.openSettings('Settings', 'Team');
  await expect(settings.getByRole('region', { name: 'Team workspace' })).toBeVisible();
  await expect(settings.getByRole('region', { name: 'Audit log' })).toHaveCount(0);
  await expect(settings.getByRole('button', { name: 'Open audit log' })).toHaveCount(0);
});
