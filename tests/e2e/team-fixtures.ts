/**
 * Two devices for the team e2e tests: a real workspace server on a throwaway MariaDB
 * (tests/integration/server/harness.ts), and headless hosts spawned as processes, each
 * with its own data folder, driven through Chromium. The bridge client reads a host's
 * store for assertions the UI cannot make (how many times a reply went out).
 */
import type { Browser, Locator, Page, TestInfo } from '@playwright/test';
import { expect } from '@playwright/test';
import type { Socket } from 'socket.io-client';
import type { Chat, Message } from '../../common/domain';
import type { MessagesPage } from '../../common/api/inbox';
import { connectBridge, invoke } from '../helpers/host';
import { allMessagePages } from '../helpers/message-pages';
import type { Stack } from '../integration/server/harness';
import { PASSWORD, call, must, startNode, startStack } from '../integration/server/harness';
import { spawnHost, test } from './fixtures';
import { InboxPage } from './pages/inbox.page';

export { PASSWORD };

export type Device = {
  readonly name: string;
  readonly host: Awaited<ReturnType<typeof spawnHost>>;
  readonly page: Page;
  readonly inbox: InboxPage;
  /** The host's command bridge, as the page has it: for reading its store in assertions. */
  readonly bridge: Socket;
  stop(): Promise<void>;
};

/** A headless host with a Chromium page open on it. */
export async function openDevice(name: string, newPage: () => Promise<Page>): Promise<Device> {
  const host = await spawnHost();
  const page = await newPage();
  const inbox = new InboxPage(page);
  await inbox.open(host.url);
  const token = new URL(host.url).hash.replace(/^#token=/, '');
  const bridge = await connectBridge(Number(new URL(host.url).port), token);
  return {
    name,
    host,
    page,
    inbox,
    bridge,
    async stop() {
      bridge.close();
      await page.close();
      await host.stop();
    },
  };
}

/** Calls a core command over the host bridge; fails the test on an error reply. */
export async function hostCall<T>(device: Device, name: string, args: unknown): Promise<T> {
  const reply = await invoke(device.bridge, name, args);
  if (!reply.ok) throw new Error(`${device.name} ${name}: ${reply.error.code} ${reply.error.message}`);
  return reply.value as T;
}

/** Every message of a chat in a device's local store, oldest first. */
export const storedMessages = (device: Device, chatId: string): Promise<Message[]> =>
  allMessagePages(args => hostCall<MessagesPage>(device, 'messages:list', args), chatId);

/** Settings → Team workspace: server URL, e-mail, password, Sign in; waits until online. */
export async function signInFromSettings(device: Device, serverUrl: string, email: string): Promise<void> {
  const settings = await device.inbox.openSettings('Settings', 'Team');
  const workspace = workspaceSection(settings);
  await workspace.getByRole('textbox', { name: 'Server URL' }).fill(serverUrl);
  await workspace.getByRole('textbox', { name: 'E-mail' }).fill(email);
  await workspace.getByLabel('Password').fill(PASSWORD);
  await workspace.getByRole('textbox', { name: 'Device name' }).fill(`${device.name} e2e`);
  await workspace.getByRole('button', { name: 'Sign in' }).click();
  await expect(workspace.getByText('Online', { exact: true })).toBeVisible({ timeout: 30_000 });
  await closeDialog(device.page, settings);
}

export function workspaceSection(settings: Locator): Locator {
  return settings.getByRole('region', { name: 'Team workspace' });
}

export async function closeDialog(page: Page, dialog: Locator): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
}

/** The conversation's team panel (assignee, status, tags, notes). */
export function teamPanel(page: Page): Locator {
  return page.getByRole('region', { name: 'Team', exact: true });
}

/** Stops the server node (every socket drops), as an outage would. */
export async function stopServer(stack: Stack): Promise<number> {
  const port = stack.node.port;
  await stack.node.app.close();
  return port;
}

/** Starts a node again on the same port and database, so devices reconnect by themselves. */
export async function restartServer(stack: Stack, port: number): Promise<void> {
  stack.node = await startNode(stack.mariadb.url, { port });
}

/** The chat rows' names ("Name, …" labels) as a regular expression that matches one chat. */
export function rowName(name: string): RegExp {
  return new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},`);
}

/**
 * After a failed test, the hosts' own log lines (their sync's view of it) on the console: CI
 * keeps only the console, and a screenshot cannot say which fact a device did not apply.
 */
export function printHostLogsOnFailure(testInfo: TestInfo, devices: readonly (Device | undefined)[]): void {
  if (testInfo.status === testInfo.expectedStatus) return;
  for (const d of devices) {
    if (!d) continue;
    const lines = d.host.output().trimEnd().split('\n').slice(-60);
    console.log(`── host ${d.name}, last ${lines.length} lines ──\n${lines.join('\n')}`);
  }
}

/**
 * The after-hooks of every team spec: after a failed test, the hosts' own log lines; after
 * all, the devices stopped, the last opened first, then the server. `world` is read when a
 * hook runs, since the spec's beforeAll assigns what it names.
 */
export function stopTeamAfterAll(
  world: () => { stack: Stack | undefined; devices: readonly (Device | undefined)[] },
): void {
  // eslint-disable-next-line no-empty-pattern
  test.afterEach(({}, testInfo) => printHostLogsOnFailure(testInfo, world().devices));
  test.afterAll(async () => {
    const { stack, devices } = world();
    for (const d of [...devices].reverse()) await d?.stop();
    await stack?.stop();
  });
}

/** A device of the workspace's own (an admin's socket), for set-ups and server-side checks. */
export type WorkspaceDevice = Awaited<ReturnType<Stack['device']>>;
export type Member = { readonly id: string; readonly email: string };

/**
 * The id the workspace gave a number a desktop hosts, once that desktop registered it (it
 * does so after it is online).
 */
export async function registeredAccountId(admin: WorkspaceDevice, name: string): Promise<string> {
  let accountId = '';
  await expect
    .poll(
      async () => {
        accountId = (await must(admin.socket, 'account:list', {})).find(x => x.name === name)?.id ?? '';
        return accountId;
      },
      { message: 'the desktop registered its number with the workspace', timeout: 20_000 },
    )
    .not.toBe('');
  return accountId;
}

/** The relayed-work scenario's workspace and its two desktops (see leadHostsNumber). */
export type LeadAndAgent = {
  readonly stack: Stack;
  readonly admin: WorkspaceDevice;
  readonly lead: Member;
  readonly agent: Member;
  readonly a: Device;
  readonly b: Device;
  /** The workspace's id of "Toko Lena". */
  readonly accountId: string;
};

/**
 * A workspace where lead Lena's desktop A hosts the simulated number "Toko Lena" and is
 * signed in, and agent Arif is a member of that number; desktop B is open, not signed in
 * yet (agentJoins), so that a spec can prepare what B should find first.
 */
export async function leadHostsNumber(browser: Browser): Promise<LeadAndAgent> {
  const stack = await startStack();
  const admin = await stack.device('admin', 'Ada Admin');
  const lead = await stack.member('lead', 'Lena Lead');
  const agent = await stack.member('agent', 'Arif Agent');
  const a = await openDevice('A', () => browser.newPage());
  const b = await openDevice('B', () => browser.newPage());
  await a.inbox.addSimulatedNumber('Toko Lena');
  await expect(a.inbox.chat(/via Toko Lena/).first()).toBeVisible({ timeout: 30_000 });
  await signInFromSettings(a, stack.node.url, lead.email);
  const accountId = await registeredAccountId(admin, 'Toko Lena');
  await must(admin.socket, 'account:add-member', { accountId, memberId: agent.id });
  return { stack, admin, lead, agent, a, b, accountId };
}

/** Agent Arif signs in on desktop B. */
export async function agentJoins(team: LeadAndAgent): Promise<void> {
  await signInFromSettings(team.b, team.stack.node.url, team.agent.email);
}

/** leadHostsNumber, then the agent signs in on B: the relayed-work scenario. */
export async function leadHostsAgentJoins(browser: Browser): Promise<LeadAndAgent> {
  const team = await leadHostsNumber(browser);
  await agentJoins(team);
  return team;
}

/** A 1:1 chat with history of A's, assigned to the agent once the server has it. */
export async function assignChatToAgent(team: LeadAndAgent): Promise<Chat> {
  let chat: Chat | undefined;
  await expect
    .poll(async () => {
      const list = await hostCall<{ items: Chat[] }>(team.a, 'chats:list', {});
      chat = list.items.find(c => !c.isGroup && c.lastMessageAt !== null);
      return chat ? (await call(team.admin.socket, 'chat:get', { chatId: chat.id })).ok : false;
    })
    .toBe(true);
  const found = chat!;
  const { chat: wire } = await must(team.admin.socket, 'chat:get', { chatId: found.id });
  await must(team.admin.socket, 'chat:assign', { chatId: found.id, assigneeId: team.agent.id, version: wire.version });
  return found;
}
