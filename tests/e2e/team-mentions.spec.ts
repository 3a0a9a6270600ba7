/**
 * Issue #20 end to end, across the team: a simulated group member @mentions people on the
 * lead's desktop (which hosts the number); the agent's desktop, which hosts nothing, gets
 * the message through the workspace server with its mentions and shows the same names as
 * the host, in the bubble and in the chat list's preview, never the digits in the body.
 */
import type { Browser } from '@playwright/test';
import type { Account } from '../../common/domain';
import type { Stack } from '../integration/server/harness';
import { expect, test } from './fixtures';
import type { Device } from './team-fixtures';
import { hostCall, leadHostsAgentJoins, stopTeamAfterAll } from './team-fixtures';

test.describe.configure({ mode: 'serial', timeout: 150_000 });

let stack: Stack;
let a: Device;
let b: Device;

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  test.setTimeout(180_000);
  ({ stack, a, b } = await leadHostsAgentJoins(browser));
});

stopTeamAfterAll(() => ({ stack, devices: [a, b] }));

const MENTION = /can you check order/;

/** The bubble's text and the chat row's preview, as a device shows them. */
async function shown(device: Device): Promise<{ bubble: string; preview: string }> {
  const preview = device.inbox.chats.filter({ hasText: MENTION }).first().locator('.chat-preview');
  await expect(preview).toBeVisible({ timeout: 30_000 });
  await device.inbox.chats.filter({ hasText: MENTION }).first().click();
  const bubble = device.inbox.bubble(MENTION);
  await expect(bubble).toBeVisible();
  // Names come from contacts the host pushes beside the message: wait until none is digits.
  await expect(bubble.locator('.text')).not.toContainText(/@\d/);
  await expect(preview).not.toContainText(/@\d/);
  return { bubble: (await bubble.locator('.text').innerText()).trim(), preview: (await preview.innerText()).trim() };
}

test('a teammate’s desktop shows a group’s @mentions as the same names as the host', async () => {
  const local = (await hostCall<Account[]>(a, 'accounts:list', {})).find(x => x.name === 'Toko Lena');
  expect(local).toBeDefined();
  await hostCall(a, 'demo:simulate', { accountId: local?.id, what: 'mention' });

  const onHost = await shown(a);
  expect(onHost.bubble).toMatch(/^@\p{L}[^@]* @You can you check order/u);
  expect(onHost.preview).toBe(onHost.bubble);
  // The agent hosts nothing: what it shows came through the workspace server.
  const onTeammate = await shown(b);
  expect(onTeammate).toEqual(onHost);
  await expect(b.inbox.bubble(MENTION).locator('.mention')).toHaveCount(2);
  await expect(b.inbox.chats.filter({ hasText: MENTION }).first().locator('.mention')).toHaveCount(0);
});
