/** The core relays the AI-for-rules commands to the workspace server's commands of the same name, arguments untouched. */
import { describe, expect, it } from 'vitest';
import { automationAiHandlers } from '../../../main/core/handlers/automation-ai';
import type { WorkspaceSync } from '../../../main/sync/workspace-sync';
import { REPLIES } from '../sync/wire-replies';

describe('automationAi relay', () => {
  it('calls the server command of the same name with the same arguments and returns its reply', async () => {
    const calls: Array<[string, unknown]> = [];
    const sync = {
      call: (name: keyof typeof REPLIES, args: unknown) => {
        calls.push([name, args]);
        return Promise.resolve(REPLIES[name]);
      },
    } as unknown as Pick<WorkspaceSync, 'call'>;
    const h = automationAiHandlers(sync);
    const ctx = { transport: 'internal' } as const;
    const set = { baseUrl: 'https://llm.example.test/v1', model: 'gpt-4o-mini', apiKey: 'sk-x' };
    expect(await h['automationAi:get']({}, ctx)).toEqual(REPLIES['automationAi:get']);
    expect(await h['automationAi:set'](set, ctx)).toEqual(REPLIES['automationAi:set']);
    expect(calls).toEqual([
      ['automationAi:get', {}],
      ['automationAi:set', set],
    ]);
  });
});
