/**
 * A fake of the renderer's API client for store tests: commands answered by handlers the test
 * sets, events emitted by the test. Used as
 *   vi.mock('../../../renderer/src/api/client', async () => (await import('../../helpers/fake-api')).fakeClientModule);
 * The test imports `fake` from here too: vitest gives both the same module instance.
 */
import type { Reply } from '../../common/result';

export type FakeHandler = (args: Record<string, unknown>) => Reply<unknown>;

export const fake = {
  handlers: new Map<string, FakeHandler>(),
  calls: [] as { name: string; args: Record<string, unknown> }[],
  listeners: new Map<string, Set<(payload: unknown) => void>>(),
};

export const fakeClientModule = {
  api: () => ({
    invoke: async (name: string, args: Record<string, unknown>) => {
      fake.calls.push({ name, args });
      const handler = fake.handlers.get(name);
      return handler ? handler(args) : { ok: false, error: { code: 'unknown_command', message: name } };
    },
    subscribe: (name: string, cb: (payload: unknown) => void) => {
      const set = fake.listeners.get(name) ?? new Set();
      set.add(cb);
      fake.listeners.set(name, set);
      return () => set.delete(cb);
    },
  }),
};

/** Delivers an event to every subscriber, as the core would. */
export const emit = (name: string, payload: unknown) => fake.listeners.get(name)?.forEach(cb => cb(payload));
export const callsOf = (name: string) => fake.calls.filter(c => c.name === name);
