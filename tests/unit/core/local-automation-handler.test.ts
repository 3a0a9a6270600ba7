/** This desktop's own automation commands: only while not signed in, only for hosted numbers, no assignment. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../main/core/router';
import type { HandlerTable } from '../../../main/core/router';
import { localAutomationHandlers } from '../../../main/core/handlers/local-automation';
import type { Store } from '../../../main/store';
import { addAccount, memoryStore, T0 } from '../store/fixtures';

let store: Store;
let signedIn = false;
const ctx = { transport: 'internal' } as const;
const dispatch = () =>
  createDispatch(
    localAutomationHandlers({
      store,
      signedIn: () => signedIn,
      isHosted: id => id === 'acc1',
      numberName: () => 'Toko',
      now: () => T0,
    }) as HandlerTable,
  );
const body = (actions: unknown[]) => ({
  rule: { name: 'R', enabled: true, stopAfter: false, trigger: { type: 'message.received' }, conditions: [], actions },
});

beforeEach(() => {
  store = memoryStore();
  addAccount(store);
  signedIn = false;
});
afterEach(() => store.close());

describe('local automation commands', () => {
  it('refuses every command with conflict while signed in to a workspace', async () => {
    signedIn = true;
    expect(await dispatch()('local-rules:list', {}, ctx)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await dispatch()('local-automation:get', { accountId: 'acc1' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });

  it('refuses an assignment action and a number this desktop does not host', async () => {
    const d = dispatch();
    expect(await d('local-rules:save', body([{ kind: 'assign' }]), ctx)).toMatchObject({
      ok: false,
      error: { code: 'invalid_args', details: { reason: 'action_not_available' } },
    });
    expect(await d('local-automation:get', { accountId: 'other' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('saves a rule and dry-runs it with this desktop’s templates, changing nothing', async () => {
    const d = dispatch();
    store.saveTemplate({ id: 't1', shortcut: 'hi', title: 'Hi', body: 'Halo {{contact.name}} dari {{account.name}}' });
    const saved = await d(
      'local-rules:save',
      body([
        { kind: 'reply', templateId: 't1' },
        { kind: 'addTag', tag: 'x' },
      ]),
      ctx,
    );
    expect(saved.ok).toBe(true);
    const test = await d('local-rules:test', { accountId: 'acc1', text: 'harga?' }, ctx);
    expect(test).toMatchObject({
      ok: true,
      value: {
        matched: [
          {
            actions: [
              { preview: 'Halo Sample customer dari Toko', problem: null },
              { preview: null, problem: null },
            ],
          },
        ],
      },
    });
    expect(store.listLocalRuleRuns(10, false)).toEqual([]);
  });

  it('dry-runs the chat triggers with their minutes or statuses', async () => {
    const d = dispatch();
    const rule = {
      name: 'Wait',
      enabled: true,
      stopAfter: false,
      trigger: { type: 'chat.unanswered', minutes: 30 },
      conditions: [],
      actions: [{ kind: 'addTag', tag: 'late' }],
    };
    const matched = async (extra: object) => {
      const r = await d('local-rules:test', { accountId: 'acc1', text: '', draft: rule, ...extra }, ctx);
      if (!r.ok) throw new Error(r.error.code);
      return (r.value as { matched: unknown[] }).matched.length;
    };
    expect(await matched({ trigger: 'chat.unanswered', minutes: 30 })).toBe(1);
    expect(await matched({ trigger: 'chat.unanswered', minutes: 5 })).toBe(0);
    expect(await matched({ trigger: 'status.changed', from: 'open', to: 'resolved' })).toBe(0);
    expect(
      await d('local-rules:test', { accountId: 'acc1', text: '', trigger: 'chat.unanswered', minutes: 0 }, ctx),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_args' },
    });
  });
});
