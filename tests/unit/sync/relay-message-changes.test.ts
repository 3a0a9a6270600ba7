/**
 * The host side of relayed edits and deletes (message-change:requested): applied through
 * the same checks and provider call as the hosted messages:edit / messages:delete
 * (teammateChange, as core.ts wires it), once per run however often delivered; a refusal
 * is reported as its code, a failed report lets the next offer try again, and what is not
 * queued or not hosted here is left alone. The requester's desktop turns the settled fact
 * into messages:change-settled.
 */
import { describe, expect, it } from 'vitest';
import type { Message } from '../../../common/domain';
import { EDIT_WINDOW_MS } from '../../../common/message-actions';
import type { WireMessageChange } from '../../../common/protocol-message-changes';
import { CommandError } from '../../../common/result';
import type { MessageActionOutcome, ProviderRequestInput } from '../../../main/accounts/provider';
import { teammateChange } from '../../../main/core/handlers/own-messages';
import { silentLogger } from '../../../main/platform/log';
import { changeSettled, createMessageChangeRelay } from '../../../main/sync/relay-message-changes';

const request = (over: Partial<WireMessageChange> = {}): WireMessageChange => ({
  clientChangeId: '6c1d4a0f-2b3c-4d4e-9fa0-1b2c3d4e5f60',
  accountId: 'acct-1',
  chatId: 'acct-1:628123@c.us',
  chatJid: '628123@c.us',
  providerMessageId: 'true_628123@c.us_3EB0',
  kind: 'edit',
  text: 'Harga Rp12.000',
  state: 'queued',
  error: null,
  ...over,
});

type WorldOptions = {
  age?: number;
  fromMe?: boolean;
  outcome?: MessageActionOutcome;
  reportFails?: number;
  /** The number's state on the host; `starting` turns `ready` after 300 ms. */
  state?: string;
};

function world(o: WorldOptions = {}) {
  const asked: ProviderRequestInput[] = [];
  const reports: unknown[] = [];
  let reportFails = o.reportFails ?? 0;
  const message = {
    id: 'acct-1:true_628123@c.us_3EB0',
    accountId: 'acct-1',
    chatId: 'acct-1:628123@c.us',
    providerMessageId: 'true_628123@c.us_3EB0',
    fromMe: o.fromMe ?? true,
    type: 'text',
    revoked: false,
    ack: 'delivered',
    timestamp: Date.now() - (o.age ?? 60_000),
    clientMessageId: null,
  } as unknown as Message;
  const store = {
    getMessages: (ids: string[]) => (ids[0] === message.id ? [message] : []),
    getChat: () => ({ id: 'acct-1:628123@c.us', jid: '628123@c.us' }),
  } as unknown as Parameters<typeof teammateChange>[0];
  const accounts = {
    list: () => [{ id: 'acct-1', state: o.state ?? 'ready' }],
    request: (_id: string, req: ProviderRequestInput) => {
      // As the account manager: a number that is not ready answers unavailable.
      if ((o.state ?? 'ready') !== 'ready') return Promise.reject(new CommandError('unavailable', 'not ready'));
      asked.push(req);
      return Promise.resolve(o.outcome ?? 'done');
    },
  } as unknown as Parameters<typeof teammateChange>[1];
  const relay = createMessageChangeRelay({
    isHosted: id => id === 'acct-1',
    // As core.ts wires it: the hosted path.
    relay: { changeForTeammate: teammateChange(store, accounts, 1_000) },
    call: (_cmd, args) => {
      if (reportFails-- > 0) return Promise.reject(new Error('link down'));
      reports.push(args);
      return Promise.resolve(args);
    },
    log: silentLogger,
  });
  return { relay, asked, reports };
}

const id = request().clientChangeId;

describe('relayed edits and deletes on the host', () => {
  it('applies a change once however often it is delivered, through the provider, and reports it', async () => {
    const w = world();
    await Promise.all([w.relay(request()), w.relay(request())]);
    await w.relay(request());
    await w.relay(request({ clientChangeId: '7d1f0e7c-7a57-4b35-9d0c-2f5f1ad1c9a1', kind: 'delete', text: null }));
    expect(w.asked).toEqual([
      { op: 'editMessage', chatJid: '628123@c.us', providerMessageId: 'true_628123@c.us_3EB0', text: 'Harga Rp12.000' },
      { op: 'deleteMessage', chatJid: '628123@c.us', providerMessageId: 'true_628123@c.us_3EB0' },
    ]);
    expect(w.reports[0]).toEqual({ clientChangeId: id, status: 'sent', error: null });
    expect(w.reports).toHaveLength(2);
  });

  it('reports what the hosted path refuses as its code, without asking WhatsApp when it can tell first', async () => {
    const late = world({ age: EDIT_WINDOW_MS + 60_000 });
    await late.relay(request());
    expect(late.reports).toEqual([{ clientChangeId: id, status: 'failed', error: 'too_late' }]);
    expect(late.asked).toEqual([]);
    const theirs = world({ fromMe: false });
    await theirs.relay(request());
    expect(theirs.reports).toEqual([{ clientChangeId: id, status: 'failed', error: 'forbidden' }]);
    const gone = world({ outcome: 'not_found' });
    await gone.relay(request());
    expect(gone.reports).toEqual([{ clientChangeId: id, status: 'failed', error: 'not_found' }]);
    const missing = world();
    await missing.relay(request({ providerMessageId: 'unknown' }));
    expect(missing.reports).toEqual([{ clientChangeId: id, status: 'failed', error: 'not_found' }]);
  });

  it('waits for the number to be ready before asking it (the host just started)', async () => {
    const o: WorldOptions = { state: 'starting' };
    const w = world(o);
    setTimeout(() => (o.state = 'ready'), 300);
    await w.relay(request());
    expect(w.asked).toHaveLength(1);
    expect(w.reports).toEqual([{ clientChangeId: id, status: 'sent', error: null }]);
  });

  it('tries again when the report did not reach the server', async () => {
    const w = world({ reportFails: 1 });
    await w.relay(request());
    expect(w.reports).toHaveLength(0);
    await w.relay(request());
    expect(w.reports).toHaveLength(1);
  });

  it('ignores a malformed payload, a settled change and a number not hosted here', async () => {
    const w = world();
    await w.relay({ clientChangeId: 42 });
    await w.relay(request({ state: 'sent' }));
    await w.relay(request({ accountId: 'acct-2' }));
    expect(w.asked).toHaveLength(0);
    expect(w.reports).toHaveLength(0);
  });
});

describe('the settled fact on the requester’s desktop', () => {
  it('becomes messages:change-settled for the message, and a queued or malformed one nothing', () => {
    const emitted: unknown[] = [];
    const events = { emit: (name: string, payload: unknown) => emitted.push([name, payload]) } as never;
    changeSettled(events, request({ state: 'failed', error: 'too_late' }));
    changeSettled(events, request({ state: 'queued' }));
    changeSettled(events, null);
    expect(emitted).toEqual([
      [
        'messages:change-settled',
        { messageId: 'acct-1:true_628123@c.us_3EB0', kind: 'edit', state: 'failed', error: 'too_late' },
      ],
    ]);
  });
});
