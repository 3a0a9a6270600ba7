/**
 * Issue #16, Settings → AI end to end in Chromium against the headless host and a loopback
 * OpenAI-compatible server: AI is off at first; a wrong key shows a plain reason; the right
 * key shows the model's answer; AI is turned on and off from the screen, and once off the
 * endpoint receives nothing. Then, signed in to a real workspace as an admin, the policy
 * "not allowed" is set from the same screen and the desktop can no longer turn AI on.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { FakeOpenAi } from '../helpers/fake-openai/server';
import { startFakeOpenAi } from '../helpers/fake-openai/server';
import { connectBridgeOf, invoke } from '../helpers/host';
import type { Stack } from '../integration/server/harness';
import { must, startStack } from '../integration/server/harness';
import { expect, test } from './fixtures';
import { closeDialog, openDevice, signInFromSettings } from './team-fixtures';
import { InboxPage } from './pages/inbox.page';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

let fake: FakeOpenAi;
test.beforeAll(async () => {
  fake = await startFakeOpenAi();
  // The fake answers like a real endpoint would: only the right key gets an answer.
  fake.fallback(req =>
    req.authorization === 'Bearer sk-right-key'
      ? { kind: 'text', content: 'Hello from the fake model.' }
      : { kind: 'error', status: 401, message: 'Incorrect API key provided' },
  );
});
test.afterAll(async () => {
  await fake?.close();
});

const aiSection = (settings: Locator) => settings.getByRole('region', { name: 'AI assistant' });

/** For the docs (BLAZZ_SCREENSHOTS=docs/screenshots): the AI section in light and dark. */
async function screenshots(page: Page, settings: Locator, ai: Locator): Promise<void> {
  const dir = process.env.BLAZZ_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.addStyleTag({ content: '* { caret-color: transparent !important; }' });
  await page.setViewportSize({ width: 1280, height: 1800 });
  for (const theme of ['Light', 'Dark'] as const) {
    await settings.getByRole('radio', { name: theme }).check();
    await ai.scrollIntoViewIfNeeded();
    await ai.screenshot({ path: join(dir, `ai-settings-${theme.toLowerCase()}.png`), animations: 'disabled' });
  }
  await settings.getByRole('radio', { name: 'Light' }).check();
}

test('AI is set up, tested and switched on and off from Settings → AI', async ({ page, host }) => {
  const inbox = new InboxPage(page);
  await inbox.open(host.url);
  const settings = await inbox.openSettings('Settings', 'AI');
  const ai = aiSection(settings);
  const useAi = ai.getByRole('checkbox', { name: /^Use AI/ });
  await expect(useAi).not.toBeChecked();
  await expect(ai.getByText('AI is off: nothing is sent anywhere.')).toBeVisible();
  await expect(ai.getByText('Nothing is sent until AI is turned on here.')).toBeVisible();

  await ai.getByRole('combobox', { name: 'Provider' }).selectOption({ label: 'Ollama (this computer)' });
  await expect(ai.getByRole('textbox', { name: 'Endpoint address' })).toHaveValue('http://127.0.0.1:11434/v1');
  await ai.getByRole('combobox', { name: 'Provider' }).selectOption({ label: 'Other (custom address)' });
  await ai.getByRole('textbox', { name: 'Endpoint address' }).fill(fake.url);
  await ai.getByRole('textbox', { name: 'Model' }).fill('e2e-model');

  // A wrong key: a plain reason, in place.
  await ai.getByLabel('API key').fill('sk-wrong-key');
  await ai.getByRole('button', { name: 'Test connection' }).click();
  await expect(ai.getByRole('alert')).toHaveText('Test failed: The endpoint refused the API key.');

  await ai.getByLabel('API key').fill('sk-right-key');
  await ai.getByRole('button', { name: 'Test connection' }).click();
  await expect(ai.getByRole('status')).toContainText('“Hello from the fake model.”');
  expect(fake.requests.at(-1)).toMatchObject({ model: 'e2e-model', authorization: 'Bearer sk-right-key' });

  await useAi.check();
  await ai.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(ai.getByRole('status')).toHaveText('Saved.');
  // Write-only: the field is empty again and only says that a key is saved.
  await expect(ai.getByLabel('API key')).toHaveValue('');
  await expect(ai.getByTestId('ai-key-state')).toContainText('A key is saved.');
  await screenshots(page, settings, ai);

  // On: a request goes out with the saved key; it counts against today's budget.
  const bridge = await connectBridgeOf(host.url);
  const rewrite = () => invoke(bridge, 'ai:rewrite', { draft: 'halo kak', style: 'friendlier' });
  expect(await rewrite()).toMatchObject({ ok: true, value: { ok: true } });
  await closeDialog(page, settings);
  const again = aiSection(await inbox.openSettings('Settings', 'AI'));
  await expect(again.getByTestId('ai-used-today')).toHaveText('Used today: 1 of 500.');

  // Off: nothing reaches the endpoint any more.
  await again.getByRole('checkbox', { name: /^Use AI/ }).uncheck();
  await again.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(again.getByRole('status')).toHaveText('Saved.');
  const before = fake.requests.length;
  expect(await rewrite()).toMatchObject({ ok: true, value: { ok: false, reason: 'disabled' } });
  expect(await invoke(bridge, 'ai:suggest', { chatId: 'a1:628111@c.us' })).toMatchObject({
    value: { ok: false, reason: 'disabled' },
  });
  expect(fake.requests.length).toBe(before);
  bridge.close();
});

test.describe('with a workspace', () => {
  let stack: Stack;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    stack = await startStack();
  });
  test.afterAll(async () => {
    await stack?.stop();
  });

  test('an admin sets "not allowed" from Settings → AI and the desktop can no longer turn AI on', async ({
    browser,
  }) => {
    const admin = await stack.member('admin', 'Ada Admin');
    const device = await openDevice('Ada', () => browser.newPage());
    try {
      await signInFromSettings(device, stack.node.url, admin.email);
      const settings = await device.inbox.openSettings('Settings', 'AI');
      const ai = aiSection(settings);
      const policy = ai.getByRole('region', { name: 'Workspace AI policy (admins)' });
      await policy.getByRole('checkbox', { name: 'Allow AI on the workspace’s desktops' }).uncheck();
      await policy.getByRole('button', { name: 'Save the workspace policy' }).click();
      await expect(policy.getByRole('status')).toContainText('The workspace policy was saved.');

      await expect(ai.getByTestId('ai-policy-notes')).toContainText('Your workspace does not allow AI');
      await expect(ai.getByRole('checkbox', { name: /^Use AI/ })).toBeDisabled();
      await expect(ai.getByRole('button', { name: 'Test connection' })).toBeDisabled();

      // Even asked directly, the desktop sends nothing.
      const bridge = await connectBridgeOf(device.host.url);
      const before = fake.requests.length;
      expect(await invoke(bridge, 'ai:test', { baseUrl: fake.url, model: 'm', apiKey: 'sk-right-key' })).toMatchObject({
        value: { ok: false, reason: 'disabled' },
      });
      expect(fake.requests.length).toBe(before);
      bridge.close();
    } finally {
      await device.stop();
    }
  });

  test('the desktop of an agent follows the policy it finds on sign-in, and a change while Settings is open', async ({
    browser,
  }) => {
    const admin = await stack.device('admin', 'Ada Admin');
    await must(admin.socket, 'aiPolicy:update', { allowed: false, baseUrl: null, model: null, forceRedact: false });
    const agent = await stack.member('agent', 'Agus Agent');
    const device = await openDevice('Agus', () => browser.newPage());
    try {
      await signInFromSettings(device, stack.node.url, agent.email);
      const ai = aiSection(await device.inbox.openSettings('Settings', 'AI'));
      await expect(ai.getByRole('checkbox', { name: /^Use AI/ })).toBeDisabled();
      await expect(ai.getByTestId('ai-policy-notes')).toContainText('Ask an admin');
      await expect(ai.getByRole('region', { name: 'Workspace AI policy (admins)' })).toHaveCount(0);

      // Allowed again, with an endpoint and redaction required: the open screen follows.
      await must(admin.socket, 'aiPolicy:update', {
        allowed: true,
        baseUrl: fake.url,
        model: 'policy-model',
        forceRedact: true,
      });
      await expect(ai.getByRole('checkbox', { name: /^Use AI/ })).toBeEnabled();
      await expect(ai.getByRole('textbox', { name: 'Endpoint address' })).toHaveValue(fake.url);
      await expect(ai.getByRole('textbox', { name: 'Endpoint address' })).toBeDisabled();
      await expect(ai.getByRole('checkbox', { name: /^Redact/ })).toBeChecked();
      await expect(ai.getByRole('checkbox', { name: /^Redact/ })).toBeDisabled();
      await expect(ai.getByTestId('ai-policy-notes')).toContainText('The workspace requires redaction.');
    } finally {
      await device.stop();
    }
  });
});
