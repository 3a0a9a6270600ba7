/**
 * Issue #25 part A end to end: two headless hosts (two desktops) signed in to a real
 * workspace server on MariaDB, driven through Chromium. A is an admin hosting a simulated
 * number; B is an agent on it; a third member (an agent, no desktop) is B's colleague.
 * In order: the admin turns on "Agents may hand chats on" in Settings → Team rules; the
 * agent transfers a chat to the colleague with a note and releases another to the queue;
 * the admin sees the colleague's oldest waiting chat in the team workload and reassigns it
 * from there; replying in that chat (now the agent's) warns once, naming the agent.
 */
import type { Browser } from '@playwright/test';
import type { Chat } from '../../common/domain';
import type { Stack } from '../integration/server/harness';
import { must, startStack } from '../integration/server/harness';
import { expect, test } from './fixtures';
import type { Device } from './team-fixtures';
import { hostCall, openDevice, printHostLogsOnFailure, rowName, signInFromSettings, teamPanel } from './team-fixtures';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

let stack: Stack;
let ops: Awaited<ReturnType<Stack['device']>>;
let admin: { id: string; email: string };
let agent: { id: string; email: string };
let colleague: { id: string; email: string };
let a: Device;
let b: Device;
/** Two chats whose customer wrote last: one to transfer, one to release. */
let toTransfer: Chat;
let toRelease: Chat;

const newPage = (browser: Browser) => browser.newPage();
const serverChat = async (chatId: string) => (await must(ops.socket, 'chat:get', { chatId })).chat;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  stack = await startStack();
  // A second admin's plain socket checks the server's state; the desktops do everything else.
  ops = await stack.device('admin', 'Ops Admin');
  admin = await stack.member('admin', 'Ada Admin');
  agent = await stack.member('agent', 'Arif Agent');
  colleague = await stack.member('agent', 'Cory Colleague');
  a = await openDevice('A', () => newPage(browser));
  b = await openDevice('B', () => newPage(browser));
});

// eslint-disable-next-line no-empty-pattern
test.afterEach(({}, testInfo) => printHostLogsOnFailure(testInfo, [a, b]));

test.afterAll(async () => {
  await b?.stop();
  await a?.stop();
  await stack?.stop();
});

/** Settings opened afresh on a device, closing one a previous step left open. */
async function openSettings(device: Device) {
  if ((await device.page.getByRole('dialog').count()) > 0) await device.page.keyboard.press('Escape');
  await expect(device.page.getByRole('dialog')).toHaveCount(0);
  return device.inbox.openSettings('Settings', 'Team');
}

async function closeSettings(device: Device) {
  await device.page.keyboard.press('Escape');
  await expect(device.page.getByRole('dialog')).toHaveCount(0);
}

/** A assigns a chat to the agent through the conversation's assignee picker. */
async function assignToAgent(chat: Chat) {
  await a.inbox.chat(rowName(chat.name)).click();
  const panel = teamPanel(a.page);
  await panel.getByLabel('Assignee').selectOption({ label: 'Arif Agent' });
  await panel.getByRole('button', { name: /^(Assign|Transfer)$/ }).click();
  await expect(panel.getByTestId('team-assignee')).toContainText('Assigned to Arif Agent');
}

test('the admin hosts a number, both desktops sign in, and agents may not hand on yet', async () => {
  const { inbox } = a;
  await inbox.addSimulatedNumber('Toko Ada');
  await expect(inbox.chat(/via Toko Ada/).first()).toBeVisible({ timeout: 30_000 });

  await signInFromSettings(a, stack.node.url, admin.email);
  let accountId = '';
  await expect
    .poll(
      async () => {
        accountId = (await must(ops.socket, 'account:list', {})).find(x => x.name === 'Toko Ada')?.id ?? '';
        return accountId;
      },
      { message: 'A registered its number with the workspace', timeout: 20_000 },
    )
    .not.toBe('');
  for (const m of [agent, colleague]) await must(ops.socket, 'account:add-member', { accountId, memberId: m.id });
  await signInFromSettings(b, stack.node.url, agent.email);

  const waiting = (await hostCall<{ items: Chat[] }>(a, 'chats:list', {})).items.filter(
    c => !c.isGroup && c.lastMessageAt !== null && !c.lastMessageFromMe,
  );
  expect(waiting.length).toBeGreaterThanOrEqual(2);
  [toTransfer, toRelease] = waiting as [Chat, Chat];
  await assignToAgent(toTransfer);
  await assignToAgent(toRelease);

  await b.inbox.chat(rowName(toTransfer.name)).click();
  const panel = teamPanel(b.page);
  await expect(panel.getByTestId('team-assignee')).toContainText('Assigned to Arif Agent (you)');
  // The rule is off until an admin turns it on: no way to hand on, and no assignee picker.
  await expect(panel.getByRole('button', { name: 'Release to queue' })).toHaveCount(0);
  await expect(panel.getByLabel('Assignee')).toHaveCount(0);
});

test('the admin turns on "Agents may hand chats on" in Settings → Team rules', async () => {
  const settings = await openSettings(a);
  const rules = settings.getByRole('region', { name: 'Team rules' });
  await expect(rules.getByRole('checkbox', { name: 'Agents see unassigned chats' })).toBeChecked();
  const handOn = rules.getByRole('checkbox', { name: 'Agents may hand chats on' });
  await expect(handOn).not.toBeChecked();
  await handOn.check();
  await expect(rules.getByRole('status')).toHaveText('Saved.');
  expect(await must(ops.socket, 'settings:get', {})).toEqual({
    agentsSeeUnassigned: true,
    agentsMayHandOver: true,
    adminsRequireMfa: false,
  });
  await closeSettings(a);
  // The agent's settings page has no such section.
  const onB = await openSettings(b);
  await expect(onB.getByRole('region', { name: 'Team rules' })).toHaveCount(0);
  await closeSettings(b);
});

test('the agent transfers a chat to a colleague of the number, with a note', async () => {
  await b.inbox.chat(rowName(toTransfer.name)).click();
  const panel = teamPanel(b.page);
  // The rule arrived live (settings:updated): the controls appear without reopening anything.
  const transferTo = panel.getByLabel('Transfer to…');
  await expect(transferTo).toBeVisible({ timeout: 10_000 });
  // Only colleagues who work on this number, not oneself: Ada registered it (so she is a
  // member), Ops Admin sees every number but does not work on this one.
  await expect(transferTo.getByRole('option')).toHaveText(['Choose a colleague', 'Ada Admin', 'Cory Colleague']);
  await panel.getByLabel('Handover note (optional)').fill('Wants a refund for order 42');
  await transferTo.selectOption({ label: 'Cory Colleague' });
  await panel.getByRole('button', { name: 'Transfer', exact: true }).click();

  await expect.poll(async () => (await serverChat(toTransfer.id)).assigneeId).toBe(colleague.id);
  const { notes } = await must(ops.socket, 'chat:get', { chatId: toTransfer.id });
  expect(notes.at(-1)).toMatchObject({ kind: 'handover', authorId: agent.id, body: 'Wants a refund for order 42' });
  // Assigned to someone else now: the chat leaves the agent's desktop.
  await expect(b.inbox.chat(rowName(toTransfer.name))).toHaveCount(0, { timeout: 10_000 });
});

test('the agent releases a chat back to the queue', async () => {
  await b.inbox.chat(rowName(toRelease.name)).click();
  const panel = teamPanel(b.page);
  await panel.getByRole('button', { name: 'Release to queue' }).click();
  await expect(panel.getByTestId('team-assignee')).toHaveText('Unassigned');
  expect((await serverChat(toRelease.id)).assigneeId).toBeNull();
  // Unassigned chats are still the agent's to see (and claim) here.
  await expect(panel.getByRole('button', { name: 'Claim this chat' })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Release to queue' })).toHaveCount(0);
});

test("the admin sees the colleague's oldest waiting chat in the workload and reassigns it from there", async () => {
  const settings = await openSettings(a);
  const workload = settings.getByRole('region', { name: 'Team workload' });
  const row = workload.getByRole('row').filter({ has: a.page.getByRole('rowheader', { name: /Cory Colleague/ }) });
  await expect(row.getByRole('cell').nth(1)).toHaveText('1', { timeout: 15_000 });
  const oldest = row.getByTestId('team-oldest');
  await expect(oldest).toContainText(`${toTransfer.name}, waiting`);
  await oldest.getByRole('combobox').selectOption({ label: 'Arif Agent' });
  await oldest.getByRole('button', { name: 'Reassign' }).click();
  await expect(oldest.getByRole('status')).toHaveText('Reassigned to Arif Agent.');
  await expect.poll(async () => (await serverChat(toTransfer.id)).assigneeId).toBe(agent.id);
  await expect(b.inbox.chat(rowName(toTransfer.name))).toBeVisible({ timeout: 10_000 });
  // The view recounts: the colleague has nothing open any more.
  await expect(row.getByRole('cell').nth(1)).toHaveText('0', { timeout: 15_000 });
  await closeSettings(a);
});

test("replying in the agent's chat warns the admin once, naming the agent", async () => {
  const first = `Admin here, checking in ${Date.now().toString(36)}`;
  const second = `${first} again`;
  await a.inbox.chat(rowName(toTransfer.name)).click();
  await a.inbox.composer.fill(first);
  await a.inbox.composer.press('Enter');
  const warning = a.page.getByTestId('reply-warning');
  await expect(warning).toHaveText(/Arif Agent is assigned to this chat\. Send your reply anyway\?/);
  // Nothing went out yet: the draft is still there.
  await expect(a.inbox.composer).toHaveValue(first);
  await warning.getByRole('button', { name: 'Send anyway' }).click();
  await expect(a.inbox.composer).toHaveValue('');
  await expect(a.inbox.bubble(first)).toHaveCount(1, { timeout: 10_000 });
  // Confirmed for this chat-open: the next reply goes without asking.
  await a.inbox.send(second);
  await expect(warning).toHaveCount(0);
  await expect(a.inbox.bubble(second)).toHaveCount(1, { timeout: 10_000 });
  // Opening the chat again asks again.
  await a.inbox.chat(rowName(toRelease.name)).click();
  await a.inbox.chat(rowName(toTransfer.name)).click();
  await a.inbox.composer.fill('one more');
  await a.inbox.composer.press('Enter');
  await expect(warning).toBeVisible();
  await warning.getByRole('button', { name: 'Cancel' }).click();
  await expect(warning).toHaveCount(0);
  await expect(a.inbox.composer).toHaveValue('one more');
});
