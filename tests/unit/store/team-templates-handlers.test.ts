import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { teamTemplatesCommands } from '../../../common/api/team-templates';
import type { Template } from '../../../common/domain';
import { CommandError } from '../../../common/result';
import { teamTemplateHandlers } from '../../../main/core/handlers/team-templates';
import type { CallContext } from '../../../main/core/router';
import type { Store } from '../../../main/store';
import { memoryStore } from './fixtures';

let store: Store;
let calls: { name: string; args: unknown }[];
let refuse: string | null;
const ctx: CallContext = { transport: 'internal' };
const ID = '3f0f8f7e-1f4b-4b55-9a53-0d6f3c1b2a10';

beforeEach(() => {
  store = memoryStore();
  calls = [];
  refuse = null;
});
afterEach(() => store.close());

const sync = {
  call: (name: string, args: unknown) => {
    calls.push({ name, args });
    if (refuse) return Promise.reject(new CommandError(refuse as 'forbidden', 'no'));
    if (name === 'template:upsert') return Promise.resolve({ id: ID, ...(args as object) } as Template);
    if (name === 'template:list') return Promise.resolve([]);
    return Promise.resolve({ id: ID });
  },
} as never;

async function run<K extends keyof typeof teamTemplatesCommands>(name: K, raw: unknown) {
  const handler = teamTemplateHandlers(sync, store)[name] as (a: unknown, c: CallContext) => unknown;
  return handler(teamTemplatesCommands[name].args.parse(raw), ctx);
}

describe('team templates', () => {
  it('publishes to the server and keeps the answer here, replacing a local one with that shortcut', async () => {
    store.saveTemplate({ id: 'local-1', shortcut: 'ongkir', title: 'Mine', body: 'old' });
    const saved = await run('templates:publish', { shortcut: 'ongkir', title: 'Shipping', body: 'Rp10.000' });
    expect(calls).toEqual([
      { name: 'template:upsert', args: { shortcut: 'ongkir', title: 'Shipping', body: 'Rp10.000' } },
    ]);
    expect(saved).toEqual({ id: ID, shortcut: 'ongkir', title: 'Shipping', body: 'Rp10.000' });
    expect(store.listTemplates()).toEqual([saved]);
    expect(await run('templates:unpublish', { id: ID })).toEqual({ deleted: true });
    expect(store.listTemplates()).toEqual([]);
  });

  it('keeps this desktop unchanged when the server refuses', async () => {
    refuse = 'forbidden';
    await expect(run('templates:publish', { shortcut: 'x', title: 't', body: 'b' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(store.listTemplates()).toEqual([]);
  });

  it('takes only what the server would: lower-case shortcuts and uuid ids', () => {
    const publish = teamTemplatesCommands['templates:publish'].args;
    expect(publish.safeParse({ shortcut: 'Ongkir', title: 't', body: 'b' }).success).toBe(false);
    expect(publish.safeParse({ id: 'not-a-uuid', shortcut: 'x', title: 't', body: 'b' }).success).toBe(false);
    expect(teamTemplatesCommands['templates:unpublish'].args.safeParse({ id: 'x' }).success).toBe(false);
  });
});
