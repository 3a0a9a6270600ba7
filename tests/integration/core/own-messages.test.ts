/**
 * messages:edit and messages:delete through the real core and a simulated number in its own
 * process: the store changes only through the phone's edit / revoke events (the normal
 * ingest path), a customer's message is refused, and a stopped number answers unavailable.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandName, CommandResult } from '../../../common/api';
import type { Message } from '../../../common/domain';
import type { Core } from '../../../main/core/core';
import { createCore } from '../../../main/core/core';
import { silentLogger } from '../../../main/platform/log';
import { callCore, until } from '../../helpers/core';

let core: Core;
let dataDir: string;
const call = <K extends CommandName>(name: K, args: unknown): Promise<CommandResult<K>> => callCore(core, name, args);
const codeOf = async (name: CommandName, args: unknown) => {
  const r = await core.dispatch(name, args, { transport: 'internal' });
  return r.ok ? 'ok' : r.error.code;
};

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'blazz-core-own-'));
  core = await createCore({
    dataDir,
    shell: 'headless',
    version: 'test',
    log: silentLogger,
    accounts: { simulator: { qrScanDelayMs: 50, chatterIntervalMs: 0, ackStepMs: 100, history: 6, chats: 3 } },
  });
});
afterAll(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const sent = async (chatId: string, text: string): Promise<Message> => {
  const optimistic = await call('messages:send', { chatId, text });
  return until(`"${text}" sent`, async () => {
    const m = (await call('messages:list', { chatId })).messages.find(
      x => x.clientMessageId === optimistic.clientMessageId,
    );
    return m && m.ack !== 'pending' && !m.id.startsWith('local:') ? m : null;
  });
};
const stored = async (chatId: string, id: string) =>
  (await call('messages:list', { chatId })).messages.find(m => m.id === id);

describe('editing and deleting our own messages', () => {
  it('edits and deletes through the phone, refuses the customer’s message and a stopped number', async () => {
    const [account] = await call('demo:start', {});
    await until('ready', async () => (await call('accounts:list', {})).every(a => a.state === 'ready'));
    const chat = await until('a 1:1 chat', async () =>
      (await call('chats:list', { accountIds: [account!.id] })).items.find(c => !c.isGroup && c.lastMessageAt),
    );
    const a = await sent(chat.id, 'Harga Rp10.000');
    const b = await sent(chat.id, 'Salah kirim');

    expect(await call('messages:edit', { messageId: a.id, text: 'Harga Rp12.000' })).toBeNull();
    await until('the edit stored', async () => (await stored(chat.id, a.id))?.edited === true);
    expect(await stored(chat.id, a.id)).toMatchObject({ body: 'Harga Rp12.000', edited: true });

    expect(await call('messages:delete', { messageId: b.id })).toBeNull();
    await until('the revoke stored', async () => (await stored(chat.id, b.id))?.revoked === true);
    expect(await codeOf('messages:edit', { messageId: b.id, text: 'x' })).toBe('forbidden');

    const theirs = (await call('messages:list', { chatId: chat.id })).messages.find(
      m => !m.fromMe && m.type === 'text',
    );
    expect(theirs).toBeDefined();
    expect(await codeOf('messages:delete', { messageId: theirs!.id })).toBe('forbidden');
    expect(await codeOf('messages:edit', { messageId: `${account!.id}:nope`, text: 'x' })).toBe('not_found');

    await call('accounts:stop', { accountId: account!.id });
    expect(await codeOf('messages:edit', { messageId: a.id, text: 'Harga Rp13.000' })).toBe('unavailable');
  });
});
