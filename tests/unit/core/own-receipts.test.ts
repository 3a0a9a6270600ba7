/**
 * Read receipts of the numbers this desktop hosts and their "Send read receipts" setting
 * (issue #20): signed out, reading a chat sends the receipt through the number's provider;
 * signed in, the server relays it back and the host sends it; with the setting off, neither.
 */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../main/platform/log';
import { relayedReceipt, sendOwnReceipt } from '../../../main/core/own-receipts';

function desk(o: { signedIn?: boolean; off?: string[]; fail?: boolean } = {}) {
  const sent: string[] = [];
  const deps = {
    isRemote: (id: string) => id === 'remote',
    signedIn: () => o.signedIn === true,
    sendsReceipts: (id: string) => !(o.off ?? []).includes(id),
    markRead: (id: string, jid: string) => {
      sent.push(`${id} ${jid}`);
      return o.fail ? Promise.reject(new Error('WhatsApp is not connected')) : Promise.resolve(null);
    },
    log: silentLogger,
  };
  return { sent, deps };
}

describe('read receipts of hosted numbers', () => {
  it('signed out: sent through the provider, unless the number’s setting is off', () => {
    const { sent, deps } = desk({ off: ['quiet'] });
    sendOwnReceipt(deps, { accountId: 'mine', jid: '628123@c.us' });
    sendOwnReceipt(deps, { accountId: 'quiet', jid: '628123@c.us' });
    // A teammate's number: the server's business, never this desktop's provider.
    sendOwnReceipt(deps, { accountId: 'remote', jid: '628123@c.us' });
    sendOwnReceipt(deps, null);
    expect(sent).toEqual(['mine 628123@c.us']);
  });

  it('signed in: nothing directly (the server relays it back), and the relayed one honours the setting', async () => {
    const { sent, deps } = desk({ signedIn: true, off: ['quiet'] });
    sendOwnReceipt(deps, { accountId: 'mine', jid: '628123@c.us' });
    expect(sent).toEqual([]);
    await relayedReceipt(deps, { accountId: 'mine', chatJid: '628123@c.us' });
    await relayedReceipt(deps, { accountId: 'quiet', chatJid: '628123@c.us' });
    expect(sent).toEqual(['mine 628123@c.us']);
  });

  it('a number that is down costs the reader nothing', async () => {
    const { sent, deps } = desk({ fail: true });
    expect(() => sendOwnReceipt(deps, { accountId: 'mine', jid: '628123@c.us' })).not.toThrow();
    await new Promise(resolve => setTimeout(resolve, 5));
    expect(sent).toHaveLength(1);
  });
});
