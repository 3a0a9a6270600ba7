/**
 * The host side of relayed reactions: a request delivered twice (a reconnect offers what
 * was not reported) reaches the provider once per run, a refusal is reported as its code,
 * a failed report lets the next offer try again, and what is not queued or not hosted here
 * is left alone.
 */
import { describe, expect, it } from 'vitest';
import type { WireReactionRequest } from '../../../common/protocol-reactions';
import { silentLogger } from '../../../main/platform/log';
import { createReactionRelay } from '../../../main/sync/relay-reactions';

const request = (over: Partial<WireReactionRequest> = {}): WireReactionRequest => ({
  clientReactionId: '5b0c3f9e-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
  accountId: 'acct-1',
  chatId: 'acct-1:628123@c.us',
  chatJid: '628123@c.us',
  providerMessageId: 'm1',
  emoji: '👍',
  state: 'queued',
  error: null,
  ...over,
});

function world(o: { refuse?: string; reportFails?: number } = {}) {
  const applied: WireReactionRequest[] = [];
  const reports: unknown[] = [];
  let reportFails = o.reportFails ?? 0;
  const relay = createReactionRelay({
    isHosted: id => id === 'acct-1',
    relay: {
      reactForTeammate: r => {
        applied.push(r);
        return o.refuse ? Promise.reject(Object.assign(new Error('no'), { code: o.refuse })) : Promise.resolve();
      },
    },
    call: (_cmd, args) => {
      if (reportFails-- > 0) return Promise.reject(new Error('link down'));
      reports.push(args);
      return Promise.resolve(args);
    },
    log: silentLogger,
  });
  return { relay, applied, reports };
}

describe('relayed reactions on the host', () => {
  it('applies a request once however often it is delivered, and reports it', async () => {
    const w = world();
    await Promise.all([w.relay(request()), w.relay(request())]);
    await w.relay(request());
    expect(w.applied).toHaveLength(1);
    expect(w.reports).toEqual([{ clientReactionId: request().clientReactionId, status: 'sent', error: null }]);
  });

  it("reports the provider's refusal as its code", async () => {
    const w = world({ refuse: 'not_found' });
    await w.relay(request());
    expect(w.reports).toEqual([{ clientReactionId: request().clientReactionId, status: 'failed', error: 'not_found' }]);
  });

  it('tries again when the report did not reach the server', async () => {
    const w = world({ reportFails: 1 });
    await w.relay(request());
    expect(w.reports).toHaveLength(0);
    await w.relay(request());
    expect(w.reports).toHaveLength(1);
  });

  it('ignores a malformed payload, a settled request and a number not hosted here', async () => {
    const w = world();
    await w.relay({ clientReactionId: 42 });
    await w.relay(request({ state: 'sent' }));
    await w.relay(request({ accountId: 'acct-2' }));
    expect(w.applied).toHaveLength(0);
  });
});
