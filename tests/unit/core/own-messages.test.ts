/**
 * messages:edit and messages:delete in the core, through the dispatcher (so the zod
 * arguments are checked as the bridges check them): each refusal is a code, the provider's
 * outcome becomes one too, and only a number hosted here is asked.
 */
import { describe, expect, it } from 'vitest';
import type { Message } from '../../../common/domain';
import { EDIT_WINDOW_MS, REVOKE_WINDOW_MS } from '../../../common/message-actions';
import type { MessageActionOutcome, ProviderRequestInput } from '../../../main/accounts/provider';
import { ownMessageHandlers } from '../../../main/core/handlers/own-messages';
import type { MessageChange } from '../../../common/protocol-message-changes';
import type { HandlerTable } from '../../../main/core/router';
import { createDispatch } from '../../../main/core/router';

type Stub = Pick<Message, 'id' | 'accountId' | 'chatId' | 'providerMessageId' | 'fromMe' | 'type' | 'revoked' | 'ack'> &
  Pick<Message, 'timestamp' | 'clientMessageId'>;

const base = (over: Partial<Stub> = {}): Stub =>
  ({
    id: 'acc:1',
    accountId: 'acc',
    chatId: 'acc:628@c.us',
    providerMessageId: 'true_628@c.us_3EB0',
    fromMe: true,
    type: 'text',
    revoked: false,
    ack: 'delivered',
    timestamp: Date.now() - 60_000,
    clientMessageId: null,
    ...over,
  }) as Stub;

type RigOptions = {
  outcome?: MessageActionOutcome;
  remote?: boolean;
  hosted?: boolean;
  provider?: string;
  /** Signed in: a teammate's number's change goes to the server (message:change). */
  relayed?: MessageChange[];
};

function rig(message: Stub | null, o: RigOptions = {}) {
  const asked: ProviderRequestInput[] = [];
  const store = {
    getMessages: () => (message ? [message] : []),
    getChat: () => ({ id: 'acc:628@c.us', jid: '628@c.us' }),
    getAccount: () => (o.hosted === false ? null : { id: 'acc', provider: o.provider ?? 'simulator' }),
  } as unknown as Parameters<typeof ownMessageHandlers>[0];
  const accounts = {
    request: (_id: string, req: ProviderRequestInput) => {
      asked.push(req);
      return Promise.resolve(o.outcome ?? 'done');
    },
  } as unknown as Parameters<typeof ownMessageHandlers>[1];
  const dispatch = createDispatch(
    ownMessageHandlers(
      store,
      accounts,
      () => o.remote === true,
      o.relayed
        ? args => {
            o.relayed!.push(args);
            return Promise.resolve({ ...args, accountId: 'acc', chatJid: '628@c.us', state: 'queued', error: null });
          }
        : undefined,
    ) as unknown as HandlerTable,
  );
  const call = (name: string, args: unknown) => dispatch(name, args, { transport: 'internal' });
  return { call, asked };
}

const codeOf = async (p: Promise<unknown>) => {
  const r = (await p) as { ok: boolean; error?: { code: string; details?: { reason?: string } } };
  return r.ok ? 'ok' : `${r.error?.code}${r.error?.details?.reason ? `/${r.error.details.reason}` : ''}`;
};

describe('messages:edit and messages:delete', () => {
  it('ask the hosting provider with the message’s chat and provider id', async () => {
    const r = rig(base());
    expect(await codeOf(r.call('messages:edit', { messageId: 'acc:1', text: 'baru' }))).toBe('ok');
    expect(await codeOf(r.call('messages:delete', { messageId: 'acc:1' }))).toBe('ok');
    expect(r.asked).toEqual([
      { op: 'editMessage', chatJid: '628@c.us', providerMessageId: 'true_628@c.us_3EB0', text: 'baru' },
      { op: 'deleteMessage', chatJid: '628@c.us', providerMessageId: 'true_628@c.us_3EB0' },
    ]);
  });

  it('answer each refusal with its code, without asking WhatsApp', async () => {
    const cases: Array<[string, Stub | null, { remote?: boolean; hosted?: boolean }, string, string]> = [
      ['unknown message', null, {}, 'not_found', 'not_found'],
      ['the customer’s', base({ fromMe: false }), {}, 'forbidden/not_own', 'forbidden/not_own'],
      ['a teammate’s number', base(), { remote: true }, 'forbidden/not_hosted', 'forbidden/not_hosted'],
      ['a number not on this desktop', base(), { hosted: false }, 'forbidden/not_hosted', 'forbidden/not_hosted'],
      ['still queued', base({ ack: 'pending' }), {}, 'forbidden/not_own', 'forbidden/not_own'],
      ['already deleted', base({ revoked: true }), {}, 'forbidden/not_own', 'forbidden/not_own'],
      ['a photo', base({ type: 'image' }), {}, 'invalid_args/wrong_type', 'ok'],
      [
        '20 minutes old',
        base({ timestamp: Date.now() - EDIT_WINDOW_MS - 5 * 60_000 }),
        {},
        'too_late/window_passed',
        'ok',
      ],
      [
        '3 days old',
        base({ timestamp: Date.now() - REVOKE_WINDOW_MS - 86_400_000 }),
        {},
        'too_late/window_passed',
        'too_late/window_passed',
      ],
    ];
    for (const [what, message, o, edit, del] of cases) {
      const r = rig(message, o);
      expect(await codeOf(r.call('messages:edit', { messageId: 'acc:1', text: 'x' })), `edit ${what}`).toBe(edit);
      expect(await codeOf(r.call('messages:delete', { messageId: 'acc:1' })), `delete ${what}`).toBe(del);
      expect(r.asked.length, what).toBe((edit === 'ok' ? 1 : 0) + (del === 'ok' ? 1 : 0));
    }
  });

  it('turn the provider’s outcome into the same codes', async () => {
    for (const [outcome, code] of [
      ['not_found', 'not_found'],
      ['not_ours', 'forbidden/not_own'],
      ['too_late', 'too_late/window_passed'],
    ] as const) {
      const r = rig(base(), { outcome });
      expect(await codeOf(r.call('messages:edit', { messageId: 'acc:1', text: 'x' }))).toBe(code);
      expect(await codeOf(r.call('messages:delete', { messageId: 'acc:1' }))).toBe(code);
    }
  });

  it('refuse hostile arguments as invalid_args', async () => {
    const r = rig(base());
    const hostile: Array<[string, unknown]> = [
      ['messages:edit', { messageId: 'acc:1', text: '   ' }],
      ['messages:edit', { messageId: 'acc:1' }],
      ['messages:edit', { messageId: 'acc:1', text: 'x'.repeat(70_000) }],
      ['messages:edit', { messageId: 'acc:1', text: 'x', __proto__: { admin: true }, extra: 1 }],
      ['messages:edit', { messageId: 42, text: 'x' }],
      ['messages:delete', { messageId: 'x'.repeat(5000) }],
      ['messages:delete', null],
      ['messages:delete', ['acc:1']],
      ['messages:delete', { messageId: 'acc:1', everyone: false }],
    ];
    for (const [name, args] of hostile)
      expect(await codeOf(r.call(name, args)), JSON.stringify(args)).toBe('invalid_args');
    expect(r.asked).toEqual([]);
  });

  it('send a teammate’s number’s change to the server once checked here, never to a local provider', async () => {
    const relayed: MessageChange[] = [];
    const r = rig(base(), { remote: true, relayed });
    expect(await codeOf(r.call('messages:edit', { messageId: 'acc:1', text: 'baru' }))).toBe('ok');
    expect(await codeOf(r.call('messages:delete', { messageId: 'acc:1' }))).toBe('ok');
    expect(
      relayed.map(({ clientChangeId, ...rest }) => (expect(clientChangeId).toMatch(/^[0-9a-f-]{36}$/), rest)),
    ).toEqual([
      { chatId: 'acc:628@c.us', providerMessageId: 'true_628@c.us_3EB0', kind: 'edit', text: 'baru' },
      { chatId: 'acc:628@c.us', providerMessageId: 'true_628@c.us_3EB0', kind: 'delete', text: null },
    ]);
    expect(relayed[0]!.clientChangeId).not.toBe(relayed[1]!.clientChangeId);
    expect(r.asked).toEqual([]);
    // The same windows as on the host: refused here without a round trip.
    const late = rig(base({ timestamp: Date.now() - EDIT_WINDOW_MS - 60_000 }), { remote: true, relayed: [] });
    expect(await codeOf(late.call('messages:edit', { messageId: 'acc:1', text: 'x' }))).toBe('too_late/window_passed');
    const theirs: MessageChange[] = [];
    const customer = rig(base({ fromMe: false }), { remote: true, relayed: theirs });
    expect(await codeOf(customer.call('messages:delete', { messageId: 'acc:1' }))).toBe('forbidden/not_own');
    expect(theirs).toEqual([]);
  });

  it('refuse a Cloud API number as unsupported, hosted or not', async () => {
    for (const remote of [false, true]) {
      const relayed: MessageChange[] = [];
      const r = rig(base(), { provider: 'meta', remote, relayed });
      expect(await codeOf(r.call('messages:edit', { messageId: 'acc:1', text: 'x' }))).toBe('unsupported');
      expect(await codeOf(r.call('messages:delete', { messageId: 'acc:1' }))).toBe('unsupported');
      expect(r.asked).toEqual([]);
      expect(relayed).toEqual([]);
    }
  });
});
