/**
 * Issue #7 end to end: two headless hosts (two desktops) signed in to a real workspace
 * server on a real MariaDB, each driven through Chromium. Device A is a lead hosting a
 * simulated number; device B is an agent hosting nothing. The tests run in order and share
 * the devices, as a team's day would: assign and reply, work offline, then lose access.
 */
import type { Browser } from '@playwright/test';
import type { Chat, Message } from '../../common/domain';
import type { Stack } from '../integration/server/harness';
import { must, startStack } from '../integration/server/harness';
import { expect, test } from './fixtures';
import type { Device, Member, WorkspaceDevice } from './team-fixtures';
import {
  hostCall,
  openDevice,
  registeredAccountId,
  restartServer,
  rowName,
  signInFromSettings,
  stopServer,
  stopTeamAfterAll,
  storedMessages,
  teamPanel,
  workspaceSection,
} from './team-fixtures';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

let stack: Stack;
let admin: WorkspaceDevice;
let agent: Member;
let lead: Member;
let a: Device;
let b: Device;
let chat: Chat;
const REPLY = `Pesanan Anda sudah kami kirim hari ini ${Date.now().toString(36)}`;

const newPage = (browser: Browser) => browser.newPage();

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  stack = await startStack();
  admin = await stack.device('admin', 'Ada Admin');
  lead = await stack.member('lead', 'Lena Lead');
  agent = await stack.member('agent', 'Arif Agent');
  // Agents see only what is assigned to them: an assignment is then something B can see arrive.
  await must(admin.socket, 'settings:update', { agentsSeeUnassigned: false });
  a = await openDevice('A', () => newPage(browser));
  b = await openDevice('B', () => newPage(browser));
});

stopTeamAfterAll(() => ({ stack, devices: [a, b] }));

test('the lead hosts a simulated number and both desktops sign in from Settings', async () => {
  const { inbox } = a;
  await inbox.addSimulatedNumber('Toko Lena');
  await expect(inbox.chat(/via Toko Lena/).first()).toBeVisible({ timeout: 30_000 });

  await signInFromSettings(a, stack.node.url, lead.email);
  // Online first, then the desktop registers the numbers it hosts.
  const accountId = await registeredAccountId(admin, 'Toko Lena');
  await must(admin.socket, 'account:add-member', { accountId, memberId: agent.id });

  await signInFromSettings(b, stack.node.url, agent.email);
  // Nothing is assigned to the agent yet, and B hosts no number: its inbox is empty.
  await expect(b.inbox.chats).toHaveCount(0);
});

test('the lead assigns a chat; the agent sees it, replies, and the customer gets the reply once', async () => {
  // A 1:1 chat with history, from A's store.
  const list = await hostCall<{ items: Chat[] }>(a, 'chats:list', {});
  chat = list.items.find(c => !c.isGroup && c.lastMessageAt !== null)!;
  expect(chat).toBeTruthy();

  await a.inbox.chat(rowName(chat.name)).click();
  const panel = teamPanel(a.page);
  await panel.getByLabel('Assignee').selectOption({ label: 'Arif Agent' });
  await panel.getByRole('button', { name: 'Assign' }).click();
  await expect(panel.getByTestId('team-assignee')).toContainText('Assigned to Arif Agent');

  // B: the chat shows up (the issue asks for about a second; the wait is generous for a shared machine).
  const row = b.inbox.chat(rowName(chat.name));
  await expect(row).toBeVisible({ timeout: 10_000 });
  await row.click();
  await expect(b.inbox.messages.getByRole('article').first()).toBeVisible({ timeout: 10_000 });
  await expect(teamPanel(b.page).getByTestId('team-assignee')).toContainText('Assigned to Arif Agent (you)');
  // B's rail lists the lead's number as a teammate's, without the actions only its host has.
  const rail = b.page.getByRole('navigation', { name: 'WhatsApp accounts' });
  await expect(rail).toContainText('Runs on a teammate’s desktop');
  await expect(rail.getByRole('button', { name: /^Actions for / })).toHaveCount(0);
  await expect(b.inbox.sendingAs).not.toContainText('Unknown number');
  await b.inbox.send(REPLY);

  // B shows it delivered once the customer's phone has it; A shows the same message delivered.
  const onB = b.inbox.bubble(REPLY);
  await expect(onB.getByRole('img', { name: /^(Delivered|Read)$/ })).toBeVisible({ timeout: 30_000 });
  await expect(a.inbox.bubble(REPLY).getByRole('img', { name: /^(Delivered|Read)$/ })).toBeVisible({
    timeout: 30_000,
  });
  await expect(onB).toHaveCount(1);
  await expect(a.inbox.bubble(REPLY)).toHaveCount(1);

  // The customer received it exactly once: A hosts the number and stores one outgoing
  // message per send through the simulator (each send gets its own provider id).
  const sentByA = (await storedMessages(a, chat.id)).filter((m: Message) => m.fromMe && m.body === REPLY);
  expect(sentByA).toHaveLength(1);
  expect(['delivered', 'read']).toContain(sentByA[0]!.ack);
  const onBStore = (await storedMessages(b, chat.id)).filter((m: Message) => m.body === REPLY);
  expect(onBStore).toHaveLength(1);
  expect(onBStore[0]!.providerMessageId).toBe(sentByA[0]!.providerMessageId);
  // …and the workspace holds it once.
  const server = await must(admin.socket, 'messages:list', { chatId: chat.id, limit: 200 });
  expect(server.filter(m => m.body === REPLY)).toHaveLength(1);
});

test('server down: the agent still searches, opens and reads a cached chat, and a reply waits', async () => {
  const port = await stopServer(stack);
  await expect(b.page.getByTestId('workspace-banner')).toContainText('offline', { timeout: 20_000 });

  // A fresh window (nothing in memory), then find the chat through search (Ctrl+K) by a word of the reply.
  await b.page.goto('about:blank');
  await b.inbox.open(b.host.url);
  await expect(b.page.getByTestId('workspace-banner')).toContainText('offline', { timeout: 20_000 });
  const dialog = await b.inbox.openSearch();
  const token = REPLY.split(' ').at(-1)!;
  await dialog.getByRole('searchbox', { name: 'Search all messages' }).fill(token);
  const hit = dialog.getByRole('listbox', { name: 'Results' }).getByRole('option').filter({ hasText: token });
  await expect(hit).toHaveCount(1);
  await hit.click();
  await expect(dialog).toHaveCount(0);
  await expect(b.page.getByRole('region', { name: `Conversation with ${chat.name}` })).toBeVisible();
  await expect(b.inbox.bubble(REPLY)).toBeVisible();
  // The customer's messages are there too, not just ours.
  const stored = await storedMessages(b, chat.id);
  const theirs = stored.filter(m => !m.fromMe && m.type === 'text' && !m.revoked && m.body);
  expect(theirs.length).toBeGreaterThan(0);
  await expect(b.inbox.bubble(theirs.at(-1)!.body!).first()).toBeVisible();

  // A reply written offline is queued on B and goes out once the server is back.
  const offline = `Balasan saat server mati ${Date.now().toString(36)}`;
  await b.inbox.send(offline);
  await expect(b.inbox.bubble(offline)).toHaveCount(1);
  await expect(b.inbox.bubble(offline).getByRole('img', { name: /^(Queued|Sending)/ })).toBeVisible();

  await restartServer(stack, port);
  await expect(b.page.getByTestId('workspace-banner')).toHaveCount(0, { timeout: 30_000 });
  await expect(b.inbox.bubble(offline).getByRole('img', { name: /^(Sent|Delivered|Read)$/ })).toBeVisible({
    timeout: 30_000,
  });
  await expect(b.inbox.bubble(offline)).toHaveCount(1);
  await expect
    .poll(async () => (await storedMessages(a, chat.id)).filter(m => m.fromMe && m.body === offline).length, {
      timeout: 30_000,
    })
    .toBe(1);
});

test('unassigned, the chat leaves the agent’s desktop; deactivated, the agent is signed out at once', async () => {
  const panel = teamPanel(a.page);
  await panel.getByLabel('Assignee').selectOption({ label: 'Unassigned' });
  await panel.getByRole('button', { name: 'Assign' }).click();
  await expect(panel.getByTestId('team-assignee')).toContainText('Unassigned');
  // The workspace setting says agents do not see unassigned chats: it disappears from B.
  await expect(b.inbox.chat(rowName(chat.name))).toHaveCount(0, { timeout: 10_000 });
  await expect(b.page.getByRole('region', { name: `Conversation with ${chat.name}` })).toHaveCount(0);
  expect(await storedMessages(b, chat.id).catch(() => [])).toHaveLength(0);

  // Reassigned, then the admin deactivates the agent: B is signed out and its chats are gone.
  await panel.getByLabel('Assignee').selectOption({ label: 'Arif Agent' });
  await panel.getByRole('button', { name: 'Assign' }).click();
  await expect(b.inbox.chat(rowName(chat.name))).toBeVisible({ timeout: 10_000 });
  await must(admin.socket, 'member:update', { memberId: agent.id, active: false });
  await expect(b.inbox.chat(rowName(chat.name))).toHaveCount(0, { timeout: 10_000 });
  const settings = await b.inbox.openSettings('Settings', 'Team');
  const workspace = workspaceSection(settings);
  await expect(workspace.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(workspace.getByRole('alert')).toContainText('access to this workspace was removed');
});
