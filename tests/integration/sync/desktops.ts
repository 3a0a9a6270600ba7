/**
 * Desktops for the team-sync tests: full cores, each in its own throwaway data folder, with a
 * fast simulator (QR scanned at once) whose customers write every `chatterIntervalMs`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Message } from '../../../common/domain';
import type { Core } from '../../../main/core/core';
import { createCore } from '../../../main/core/core';
import type { Logger } from '../../../main/platform/log';
import { callCore, until } from '../../helpers/core';
import { allMessagePages } from '../../helpers/message-pages';
import type { Stack } from '../server/harness';
import { PASSWORD, must, startStack } from '../server/harness';

export type DesktopPace = { readonly chatterIntervalMs: number; readonly ackStepMs: number; readonly history: number };
const QUIET: DesktopPace = { chatterIntervalMs: 60_000, ackStepMs: 100, history: 3 };

export type Desktops = ReturnType<typeof desktops>;

/** Log lines kept per set of desktops, printed when a test fails (CI keeps only the console). */
const KEPT_LINES = 300;

export function desktops(prefix: string) {
  const dirs: string[] = [];
  const lines: string[] = [];
  let opened = 0;
  /** Each desktop's own log (its sync's view of a failure), kept in memory, not printed. */
  const loggerFor = (name: string): Logger => {
    const keep = (level: string) => (msg: string, data?: Record<string, unknown>) => {
      lines.push(`${new Date().toISOString()} ${level} [${name}] ${msg}${data ? ` ${JSON.stringify(data)}` : ''}`);
      if (lines.length > KEPT_LINES) lines.splice(0, lines.length - KEPT_LINES);
    };
    return { info: keep('info'), warn: keep('warn'), error: keep('error') };
  };
  const folder = () => {
    const dataDir = mkdtempSync(join(tmpdir(), `blazz-${prefix}-`));
    dirs.push(dataDir);
    return dataDir;
  };
  return {
    /** A new data folder (removed by removeAll): open a desktop in it, close it, open it again. */
    folder,
    async open(pace: DesktopPace = QUIET, dataDir = folder()): Promise<Core> {
      return createCore({
        dataDir,
        shell: 'headless',
        version: 'test',
        log: loggerFor(`${prefix} ${String.fromCharCode(65 + opened++)}`),
        accounts: { simulator: { qrScanDelayMs: 50, chats: 3, ...pace } },
      });
    },
    /** How many of the kept log lines match (a relay that must have acted once, say). */
    logged(pattern: RegExp): number {
      return lines.filter(l => pattern.test(l)).length;
    },
    /** For afterEach: after a failed test, the desktops' last log lines on the console. */
    printLogsIfFailed(ctx: { task: { name: string; result?: { state?: string } } }): void {
      if (ctx.task.result?.state !== 'fail') return;
      console.log(`── desktops' last ${lines.length} log lines (${ctx.task.name}) ──\n${lines.join('\n')}`);
    },
    /** Removes every data folder; close the cores first. */
    removeAll(): void {
      for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
    },
  };
}

/**
 * Adds a simulated number on this desktop and waits until it is ready and its chats are
 * stored (before signing in, so the first push carries them): its id and a one-to-one chat
 * with messages.
 */
export async function hostSimulatedNumber(core: Core, name: string): Promise<{ accountId: string; chatId: string }> {
  const { id: accountId } = await callCore(core, 'accounts:add', { provider: 'simulator', name });
  await until(
    'account ready',
    async () => (await callCore(core, 'accounts:list', {})).find(a => a.id === accountId)?.state === 'ready',
  );
  // A chat with history: the simulator spreads its few history messages over its chats at
  // random, and a test that checks history arrives elsewhere needs some to arrive.
  const withHistory = (c: { isGroup: boolean; lastMessageAt: number | null }) => !c.isGroup && c.lastMessageAt !== null;
  const chats = await until('chats stored', async () => {
    const page = await callCore(core, 'chats:list', {});
    return page.items.some(withHistory) && page.items;
  });
  return { accountId, chatId: chats.find(withHistory)!.id };
}

/** The desktop's workspace link is up and everything its numbers stored has reached the server. */
export async function pushedEverything(core: Core): Promise<void> {
  await until('online with nothing left to push', async () => {
    const s = await callCore(core, 'workspace:status', {});
    return s.connection === 'online' && s.pendingPush === 0;
  });
}

/** Signs a desktop in to the workspace and waits until what it hosts is pushed. */
export async function signInAndPush(core: Core, serverUrl: string, email: string): Promise<void> {
  await callCore(core, 'workspace:signIn', { serverUrl, email, password: PASSWORD });
  await pushedEverything(core);
}

export type HostedNumber = {
  readonly stack: Stack;
  readonly admin: Awaited<ReturnType<Stack['device']>>;
  /** The lead's desktop hosting the number. */
  readonly a: Core;
  readonly accountId: string;
  /** A one-to-one chat of the number. */
  readonly chatId: string;
};

/**
 * A workspace with an admin, and a lead's desktop hosting a simulated number, signed in with
 * everything pushed. `folderA`: the desktop's data folder, for a test that closes and opens it again.
 */
export async function leadHostingNumber(desks: Desktops, folderA = desks.folder()): Promise<HostedNumber> {
  const stack = await startStack();
  const admin = await stack.device('admin', 'Ada Admin');
  const lead = await stack.member('lead', 'Lena Lead');
  const a = await desks.open(undefined, folderA);
  const { accountId, chatId } = await hostSimulatedNumber(a, 'Support');
  await signInAndPush(a, stack.node.url, lead.email);
  return { stack, admin, a, accountId, chatId };
}

/**
 * A second lead joins the hosted number on desktop B: made a member of it, signed in, and
 * holding the chat's history; the teammate whose requests A performs. B is opened by the
 * test first, so that its afterAll closes it whatever fails here.
 */
export async function teammateJoins(b: Core, world: HostedNumber): Promise<void> {
  const teammate = await world.stack.member('lead', 'Tia Teammate');
  await must(world.admin.socket, 'account:add-member', { accountId: world.accountId, memberId: teammate.id });
  await callCore(b, 'workspace:signIn', { serverUrl: world.stack.node.url, email: teammate.email, password: PASSWORD });
  // Signing in, pulling and then fetching the chat's history: give a loaded machine time.
  await until('the chat’s history on B', async () => (await allMessages(b, world.chatId)).length > 0, 60_000);
}

/** Every message of a chat on a device, oldest first, through the paged command the UI uses. */
export const allMessages = (core: Core, chatId: string): Promise<Message[]> =>
  allMessagePages(args => callCore(core, 'messages:list', args), chatId);
