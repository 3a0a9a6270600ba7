/**
 * Read receipts on the desktop: the host marks a relayed chat read through the number's
 * provider once per message in a run and drops what is malformed or not hosted here; a
 * reader tells the server only about chats of numbers hosted elsewhere, and a server that
 * cannot be reached is not the inbox's problem.
 */
import { describe, expect, it } from 'vitest';
import type { WireReadRequest } from '../../../common/protocol-read-receipts';
import { silentLogger } from '../../../main/platform/log';
import { createReadRelay, tellChatRead } from '../../../main/sync/relay-reads';

const request = (over: Partial<WireReadRequest> = {}): WireReadRequest => ({
  accountId: 'acct-1',
  chatId: 'acct-1:628123@c.us',
  chatJid: '628123@c.us',
  providerMessageId: 'm1',
  ...over,
});

function host(o: { refuse?: boolean } = {}) {
  const marked: WireReadRequest[] = [];
  const relay = createReadRelay({
    isHosted: id => id === 'acct-1',
    relay: {
      markReadForTeammate: r => {
        marked.push(r);
        return o.refuse ? Promise.reject(new Error('session closed')) : Promise.resolve();
      },
    },
    log: silentLogger,
  });
  return { relay, marked };
}

describe('the host side of relayed read receipts', () => {
  it('marks each message read once per run, and a new message again', async () => {
    const { relay, marked } = host();
    await relay(request());
    await relay(request());
    await relay(request({ providerMessageId: 'm2' }));
    expect(marked.map(r => r.providerMessageId)).toEqual(['m1', 'm2']);
    expect(marked[0]).toEqual(request());
  });

  it('leaves alone what another desktop hosts and what does not parse; a refusal does not throw', async () => {
    const { relay, marked } = host({ refuse: true });
    await relay(request({ accountId: 'acct-2', chatId: 'acct-2:628123@c.us' }));
    await relay({ accountId: 'acct-1', chatJid: 42 });
    await relay(null);
    expect(marked).toEqual([]);
    await expect(relay(request())).resolves.toBeUndefined();
    expect(marked).toHaveLength(1);
  });
});

describe('telling the server a chat was read', () => {
  function reader(fail = false) {
    const calls: unknown[] = [];
    const deps = {
      isRemote: (id: string) => id === 'remote',
      isHostedInWorkspace: (id: string) => id === 'hosted',
      call: (cmd: 'chat:read', args: { chatId: string }) => {
        calls.push([cmd, args]);
        return fail ? Promise.reject(new Error('offline')) : Promise.resolve({});
      },
      log: silentLogger,
    };
    return { calls, tell: (chat: { id: string; accountId: string } | null) => tellChatRead(deps, chat) };
  }

  it('asks for a receipt for numbers hosted elsewhere, and for its own while signed in to a workspace', () => {
    const { calls, tell } = reader();
    tell({ id: 'remote:628123@c.us', accountId: 'remote' });
    tell({ id: 'hosted:628123@c.us', accountId: 'hosted' });
    // Hosted here, signed out: no workspace holds the number's setting, nothing is asked.
    tell({ id: 'mine:628123@c.us', accountId: 'mine' });
    tell(null);
    expect(calls).toEqual([
      ['chat:read', { chatId: 'remote:628123@c.us' }],
      ['chat:read', { chatId: 'hosted:628123@c.us' }],
    ]);
  });

  it('swallows a server that cannot be reached', async () => {
    const { calls, tell } = reader(true);
    expect(() => tell({ id: 'remote:628123@c.us', accountId: 'remote' })).not.toThrow();
    await new Promise(r => setTimeout(r, 0));
    expect(calls).toHaveLength(1);
  });
});
