/**
 * Issue #22, outgoing webhooks, end to end: an admin's headless desktop driven through
 * Chromium against a real workspace server on MariaDB. The admin adds a webhook to a
 * loopback receiver in Settings → Webhooks (the secret shown once), a customer's message
 * arrives at a host of the workspace, the delivery shows in the log with 200, and
 * Redeliver sends the same event again.
 */
import { createHmac } from 'node:crypto';
import type { Browser, Locator } from '@playwright/test';
import type { Receiver } from '../helpers/webhook-receiver';
import { startReceiver } from '../helpers/webhook-receiver';
import type { Stack } from '../integration/server/harness';
import { hostWithChat, must, NOW, startStack } from '../integration/server/harness';
import { expect, test } from './fixtures';
import type { Device } from './team-fixtures';
import { openDevice, printHostLogsOnFailure, signInFromSettings } from './team-fixtures';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

let stack: Stack;
let receiver: Receiver;
let a: Device;
let world: Awaited<ReturnType<typeof hostWithChat>>;
let secret = '';

const newPage = (browser: Browser) => browser.newPage();

async function webhooksSection(device: Device): Promise<Locator> {
  if ((await device.page.getByRole('dialog').count()) > 0) await device.page.keyboard.press('Escape');
  await expect(device.page.getByRole('dialog')).toHaveCount(0);
  const settings = await device.inbox.openSettings('Settings', 'Integrations');
  return settings.getByRole('region', { name: 'Webhooks', exact: true });
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  // The receiver listens on loopback: the operator's switch for private targets is on.
  stack = await startStack({ webhooks: { allowPrivateNetworks: true, pollMs: 100 } });
  receiver = await startReceiver();
  world = await hostWithChat(stack);
  const admin = await stack.member('admin', 'Ada Admin');
  a = await openDevice('A', () => newPage(browser));
  await signInFromSettings(a, stack.node.url, admin.email);
});

// eslint-disable-next-line no-empty-pattern
test.afterEach(({}, testInfo) => printHostLogsOnFailure(testInfo, [a]));

test.afterAll(async () => {
  await a?.stop();
  await receiver?.close();
  await stack?.stop();
});

test('an admin adds a webhook in Settings → Webhooks and sees its secret once', async () => {
  const section = await webhooksSection(a);
  await expect(section.getByText('No webhooks yet.')).toBeVisible();
  await section.getByRole('textbox', { name: 'Endpoint URL' }).fill(receiver.url);
  await section.getByRole('checkbox', { name: 'Message received' }).check();
  await section.getByRole('checkbox', { name: 'Note added' }).check();
  await section.getByRole('button', { name: 'Add', exact: true }).click();
  const shown = section.getByTestId('webhook-secret');
  await expect(shown).toHaveText(/^whsec_/);
  secret = (await shown.textContent()) ?? '';
  const item = section.getByTestId('webhook-item');
  await expect(item).toContainText(receiver.url);
  await expect(item).toContainText('Message received, Note added');
  await section.getByRole('button', { name: 'I have saved it' }).click();
  await expect(section.getByTestId('webhook-secret')).toHaveCount(0);
});

test('a message arrives: the receiver gets it signed, and the log shows 200; Redeliver sends it again', async () => {
  await must(world.host.socket, 'sync:push', {
    messages: [
      {
        accountId: world.accountId,
        chatJid: world.jid,
        providerMessageId: 'e2e-in-1',
        fromMe: false,
        type: 'text',
        body: 'Is my parcel on its way?',
        timestamp: NOW(),
      },
    ],
  });
  await receiver.waitFor(r => r.requests.length === 1);
  const [req] = receiver.requests;
  const [t, v1] = String(req!.headers['blazz-signature'])
    .split(',')
    .map(p => p.split('=')[1]);
  expect(createHmac('sha256', secret).update(`${t}.${req!.body}`).digest('hex')).toBe(v1);
  expect(JSON.parse(req!.body)).toMatchObject({ type: 'message.received', data: { chatId: world.chatId } });

  const section = await webhooksSection(a);
  await section.getByRole('button', { name: 'Delivery log' }).click();
  const log = section.getByTestId('webhook-log');
  const rows = log.getByTestId('webhook-delivery');
  await expect(async () => {
    await log.getByRole('button', { name: 'Refresh' }).click();
    await expect(rows.first()).toContainText('Delivered', { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Message received');
  await expect(rows.first().getByTestId('webhook-delivery-code')).toHaveText('200');

  await rows.first().getByRole('button', { name: 'Redeliver' }).click();
  await expect(log.getByRole('status')).toHaveText('Queued again.');
  await receiver.waitFor(r => r.requests.length === 2);
  expect(receiver.requests[1]!.headers['blazz-event-id']).toBe(req!.headers['blazz-event-id']);
  await expect(async () => {
    await log.getByRole('button', { name: 'Refresh' }).click();
    await expect(rows).toHaveCount(2, { timeout: 1_000 });
    await expect(rows.first().getByTestId('webhook-delivery-code')).toHaveText('200', { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
});

test('turning it off and deleting it (after a confirm) from the same section', async () => {
  const section = await webhooksSection(a);
  const item = section.getByTestId('webhook-item');
  await item.getByRole('button', { name: 'Turn off' }).click();
  await expect(item).toContainText('Off');
  await item.getByRole('button', { name: 'Delete' }).click();
  await expect(item).toContainText(`Delete the webhook to ${receiver.url}`);
  await item.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(section.getByText('No webhooks yet.')).toBeVisible();
});
