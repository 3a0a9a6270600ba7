/**
 * Read receipts on a desktop that is not signed in to a workspace (issue #20), through the
 * real core and a simulated number: reading an unread chat sends the receipt through the
 * number's provider (`markRead`, seen here on the way to the account's runtime), and once
 * the number's "Send read receipts" is off (accounts:update, as the edit dialog saves it)
 * reading sends none.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandName, CommandResult } from '../../../common/api';
import type { ProcessLauncher } from '../../../main/accounts/launcher';
import { inProcessLauncher } from '../../../main/accounts/launcher-in-process';
import type { Core } from '../../../main/core/core';
import { createCore } from '../../../main/core/core';
import { silentLogger } from '../../../main/platform/log';
import { callCore, until } from '../../helpers/core';

let core: Core;
let dataDir: string;
const receipts: string[] = [];
const call = <K extends CommandName>(name: K, args: unknown): Promise<CommandResult<K>> => callCore(core, name, args);

/** The in-process launcher, noting every markRead the core asks an account for. */
function recordingLauncher(): ProcessLauncher {
  const base = inProcessLauncher();
  return {
    launch(id, env) {
      const handle = base.launch(id, env);
      return {
        ...handle,
        pid: handle.pid,
        send(msg) {
          if (msg.t === 'request' && msg.request.op === 'markRead') receipts.push(`${id} ${msg.request.chatJid}`);
          handle.send(msg);
        },
        onMessage: cb => handle.onMessage(cb),
        onExit: cb => handle.onExit(cb),
        kill: signal => handle.kill(signal),
      };
    },
  };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'blazz-core-receipts-'));
  core = await createCore({
    dataDir,
    shell: 'headless',
    version: 'test',
    log: silentLogger,
    launcher: recordingLauncher(),
    accounts: { simulator: { qrScanDelayMs: 50, chatterIntervalMs: 0, ackStepMs: 100, history: 30, chats: 6 } },
  });
});
afterAll(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('read receipts of a number hosted on a signed-out desktop', () => {
  it('sends one when an unread chat is read, and none once the number’s setting is off', async () => {
    const [account] = await call('demo:start', {});
    expect(account?.readReceipts).toBe(true);
    await until('ready', async () => (await call('accounts:list', {})).every(a => a.state === 'ready'));
    const unread = async () =>
      (await call('chats:list', { accountIds: [account!.id] })).items.filter(c => c.unreadCount > 0);
    const [first, second] = await until('two unread chats', async () => {
      const list = await unread();
      return list.length >= 2 ? list : null;
    });

    await call('chats:markRead', { chatId: first!.id });
    await until('the receipt', () => receipts.includes(`${account!.id} ${first!.jid}`));

    const off = await call('accounts:update', { accountId: account!.id, readReceipts: false });
    expect(off.readReceipts).toBe(false);
    await call('chats:markRead', { chatId: second!.id });
    await new Promise(resolve => setTimeout(resolve, 300));
    expect(receipts).toEqual([`${account!.id} ${first!.jid}`]);
  });
});
