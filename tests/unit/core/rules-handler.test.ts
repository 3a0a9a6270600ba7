/** The core relays each rules command to the workspace server's command of the same name, arguments untouched. */
import { describe, expect, it } from 'vitest';
import { ruleHandlers } from '../../../main/core/handlers/rules';
import type { WorkspaceSync } from '../../../main/sync/workspace-sync';
import { REPLIES } from '../sync/wire-replies';

describe('rules relay', () => {
  it('calls the server command of the same name with the same arguments and returns its reply', async () => {
    const calls: Array<[string, unknown]> = [];
    const sync = {
      call: (name: keyof typeof REPLIES, args: unknown) => {
        calls.push([name, args]);
        return Promise.resolve(REPLIES[name]);
      },
    } as unknown as Pick<WorkspaceSync, 'call'>;
    const h = ruleHandlers(sync);
    const ctx = { transport: 'internal' } as const;
    const rule = REPLIES['rules:save'];
    const body = {
      name: rule.name,
      enabled: rule.enabled,
      stopAfter: rule.stopAfter,
      trigger: rule.trigger,
      conditions: rule.conditions,
      actions: rule.actions,
    };
    expect(await h['rules:list']({}, ctx)).toEqual(REPLIES['rules:list']);
    expect(await h['rules:save']({ id: rule.id, rule: body }, ctx)).toEqual(rule);
    await h['rules:delete']({ id: rule.id }, ctx);
    await h['rules:reorder']({ ids: [rule.id] }, ctx);
    const sample = {
      accountId: 'a',
      text: 'harga',
      trigger: 'message.received' as const,
      tags: [],
      contactIsNew: false,
      sentiment: null,
      draft: null,
    };
    expect(await h['rules:test'](sample, ctx)).toEqual(REPLIES['rules:test']);
    await h['rules:runs']({ limit: 5, failedOnly: true }, ctx);
    expect(calls).toEqual([
      ['rules:list', {}],
      ['rules:save', { id: rule.id, rule: body }],
      ['rules:delete', { id: rule.id }],
      ['rules:reorder', { ids: [rule.id] }],
      ['rules:test', sample],
      ['rules:runs', { limit: 5, failedOnly: true }],
    ]);
  });
});
