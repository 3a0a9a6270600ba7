/**
 * The desktop's sync client (createWorkspaceSync, its real socket.io client) against a
 * scripted workspace server on loopback that sends malformed payloads next to valid ones:
 * in a pull page, in a live sync:facts packet, and as send:requested, presence:changed and
 * typing:changed. Valid payloads are used; malformed ones are logged and dropped.
 * The event log's rules are tested in detail in tests/unit/sync/malformed-facts.test.ts.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import type { Socket as ServerSocket } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatId } from '../../../common/domain';
import type { CommandName, SyncEvent, WireSend } from '../../../common/protocol';
import { SYNC_NAMESPACE } from '../../../common/protocol';
import type { Logger } from '../../../main/platform/log';
import type { Store } from '../../../main/store';
import { createWorkspaceSync } from '../../../main/sync/workspace-sync';
import type { WorkspaceSync } from '../../../main/sync/workspace-sync';
import { until } from '../../helpers/core';
import { memoryStore } from '../../unit/store/fixtures';
import { REPLIES } from '../../unit/sync/wire-replies';
import {
  MEMBER,
  chatIdOf,
  wireChat,
  wireMessage,
  wirePresence,
  wireSend,
  wireTyping,
  withValue,
} from '../../unit/sync/wire-samples';

const HOSTED = 'acc-hosted';
type Line = { level: string; msg: string; data?: Record<string, unknown> };

const chatUpserted = (seq: number, n: number): SyncEvent => ({ type: 'chat:upserted', seq, chat: wireChat(n) });

/** Answers every command with the reply the desktop expects; sync:pull from a script. */
async function scriptedServer(pages: unknown[]) {
  const http = createServer();
  const io = new Server(http);
  const commands: { name: string; payload: unknown }[] = [];
  let device: ServerSocket | null = null;
  io.of(SYNC_NAMESPACE).on('connection', socket => {
    device = socket;
    socket.onAny((name: string, payload: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return;
      commands.push({ name, payload });
      const cursor = (payload as { cursor?: number }).cursor ?? 0;
      const value =
        name === 'sync:pull'
          ? pages.length > 0
            ? pages.shift()
            : { events: [], cursor, hasMore: false }
          : name === 'member:list' || name === 'presence:list'
            ? []
            : REPLIES[name as CommandName];
      (ack as (reply: unknown) => void)({ ok: true, value });
    });
  });
  await new Promise<void>(resolve => http.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    commands,
    device: () => device,
    async close() {
      await io.close();
    },
  };
}

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

/** A signed-in desktop connected to a scripted server; by default waits until its first pull landed. */
async function desktopAgainst(pages: unknown[], caughtUp = true) {
  const server = await scriptedServer(pages);
  const store: Store = memoryStore();
  const lines: Line[] = [];
  const log: Logger = {
    info: (msg, data) => lines.push({ level: 'info', msg, data }),
    warn: (msg, data) => lines.push({ level: 'warn', msg, data }),
    error: (msg, data) => lines.push({ level: 'error', msg, data }),
  };
  const secrets = new Map<string, string>([['workspace.token', 'token-1']]);
  const emitted: { name: string; payload: unknown }[] = [];
  const relayed: WireSend[] = [];
  store.setSetting('workspace', {
    serverUrl: server.url,
    email: 'ana@example.com',
    memberId: MEMBER,
    role: 'agent',
    sessionId: 'session-1',
    deviceName: 'test desk',
  });
  const sync: WorkspaceSync = createWorkspaceSync({
    store,
    vault: {
      get: async name => secrets.get(name) ?? null,
      set: async (name, value) => void (value === null ? secrets.delete(name) : secrets.set(name, value)),
    },
    events: { emit: (name, payload) => void emitted.push({ name, payload }) },
    hosted: { list: () => [{ id: HOSTED, name: 'Host', phone: null, provider: 'simulator', state: 'ready' }] },
    relay: {
      async sendForTeammate(send) {
        relayed.push(send);
        return { state: 'sent', providerMessageId: `pm-${send.clientMessageId}`, error: null };
      },
    },
    log,
  });
  cleanup.push(async () => {
    sync.close();
    await server.close();
    store.close();
  });
  await sync.start();
  await until('online', () => sync.status().connection === 'online' && (!caughtUp || sync.status().cursor > 0));
  await sync.settle();
  return {
    sync,
    store,
    server,
    lines,
    emitted,
    relayed,
    hasChat: (n: number) => store.getChat(chatIdOf(n) as ChatId) !== null,
    dropped: (msg: string) => lines.filter(l => l.msg === msg),
  };
}

describe('the desktop against a server that sends malformed payloads', () => {
  it('a pull page: the valid facts are applied, the malformed one dropped, the cursor moved', async () => {
    const bad = withValue(chatUpserted(2, 2), ['chat', 'tags'], 'vip');
    const t = await desktopAgainst([
      { events: [chatUpserted(1, 1), bad, chatUpserted(3, 3)], cursor: 3, hasMore: false },
    ]);
    expect([t.hasChat(1), t.hasChat(2), t.hasChat(3)]).toEqual([true, false, true]);
    expect(t.sync.status().cursor).toBe(3);
    expect(t.dropped('malformed workspace facts dropped')).toMatchObject([
      { level: 'error', data: { source: 'sync:pull', facts: [{ seq: 2, type: 'chat:upserted' }] } },
    ]);
  });

  it('a malformed pull reply fails the pull; the next pull (after live facts) catches up', async () => {
    const t = await desktopAgainst(
      [
        { events: [chatUpserted(1, 1)], cursor: '1', hasMore: false },
        { events: [chatUpserted(1, 1), chatUpserted(2, 2)], cursor: 2, hasMore: false },
      ],
      false,
    );
    await until('the failed pull logged', () => t.lines.some(l => l.msg === 'workspace sync step failed'));
    expect(t.lines.find(l => l.msg === 'workspace sync step failed')?.data?.err).toMatch(
      /reply this version of Blazz Desk cannot read/,
    );
    expect([t.hasChat(1), t.sync.status().cursor]).toEqual([false, 0]);

    // Live facts are followed by a pull: the failed one is retried, from the same cursor.
    t.server.device()!.emit('sync:facts', [chatUpserted(1, 1)]);
    await until('caught up', () => t.sync.status().cursor === 2);
    expect([t.hasChat(1), t.hasChat(2)]).toEqual([true, true]);
    expect(t.server.commands.filter(c => c.name === 'sync:pull').map(c => c.payload)).toMatchObject([
      { cursor: 0 },
      { cursor: 0 },
    ]);
  });

  it('live: sync:facts, send:requested, presence:changed and typing:changed use what parses', async () => {
    const t = await desktopAgainst([{ events: [chatUpserted(1, 1)], cursor: 1, hasMore: false }]);
    const device = t.server.device()!;
    const badFact = withValue(
      { type: 'messages:upserted', seq: 3, chatId: chatIdOf(2), messages: [wireMessage(2, 'pm-x')] },
      ['messages', 0, 'rowId'],
      -1,
    );
    device.emit('sync:facts', [chatUpserted(2, 2), badFact, chatUpserted(4, 4)]);
    device.emit('send:requested', withValue(wireSend({ accountId: HOSTED }), ['body'], 42));
    device.emit('send:requested', wireSend({ accountId: HOSTED, clientMessageId: 'cm-ok' }));
    device.emit('presence:changed', withValue(wirePresence, ['status'], 'busy'));
    device.emit('presence:changed', wirePresence);
    device.emit('typing:changed', withValue(wireTyping, ['chatId'], null));

    await until('live facts applied and the send relayed', () => t.hasChat(4) && t.relayed.length > 0);
    await t.sync.settle();
    expect([t.hasChat(2), t.hasChat(4)]).toEqual([true, true]);
    expect(t.relayed.map(s => s.clientMessageId)).toEqual(['cm-ok']);
    expect(t.server.commands.filter(c => c.name === 'send:report').map(c => c.payload)).toMatchObject([
      { clientMessageId: 'cm-ok', status: 'sent' },
    ]);
    expect(t.emitted.filter(e => e.name === 'presence:changed').at(-1)?.payload).toEqual({
      presence: { [wirePresence.memberId]: 'away' },
    });
    expect(t.emitted.some(e => e.name === 'typing:changed')).toBe(false);

    expect(t.dropped('malformed workspace facts dropped')).toMatchObject([
      {
        data: {
          source: 'sync:facts',
          facts: [{ seq: 3, type: 'messages:upserted', issues: [expect.stringMatching(/^messages\.0\.rowId: /)] }],
        },
      },
    ]);
    expect(t.dropped('malformed workspace event dropped').map(l => [l.data?.event, l.data?.issues])).toEqual([
      ['send:requested', [expect.stringMatching(/^body: /)]],
      ['presence:changed', [expect.stringMatching(/^status: /)]],
      ['typing:changed', [expect.stringMatching(/^chatId: /)]],
    ]);
  });
});
