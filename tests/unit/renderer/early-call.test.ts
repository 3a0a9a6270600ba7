/** The page's early `chats:list` (renderer/src/api/early-call.ts, #23): who gets its answer, and when not. */
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../../common/result';
import { callEarly } from '../../../renderer/src/api/early-call';

/** A transport whose answers the test resolves, and whose events it emits. */
function transport(answers: Reply<unknown>[]) {
  const calls: { name: string; args: unknown }[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  return {
    calls,
    emit: (name: string) => listeners.get(name)?.forEach(cb => cb({})),
    listening: (name: string) => listeners.get(name)?.size ?? 0,
    invoke: (name: string, args: unknown) => {
      calls.push({ name, args });
      return Promise.resolve(answers.shift() ?? { ok: false, error: { code: 'internal', message: 'no answer' } });
    },
    subscribe: (name: string, cb: (payload: unknown) => void) => {
      const set = listeners.get(name) ?? new Set();
      set.add(cb);
      listeners.set(name, set);
      return () => void set.delete(cb);
    },
  };
}

const page = (id: string): Reply<unknown> => ({ ok: true, value: { items: [{ id }], nextCursor: null } });
const early = (t: ReturnType<typeof transport>) =>
  callEarly(t as unknown as Parameters<typeof callEarly>[0], 'chats:list', { limit: 60 });

describe('the early first page', () => {
  it('is asked at once and answers the first call with the same arguments, once', async () => {
    const t = transport([page('early'), page('later')]);
    const first = early(t);
    expect(t.calls).toEqual([{ name: 'chats:list', args: { limit: 60 } }]);
    await expect(first.take('chats:list', { limit: 60 })).resolves.toEqual(page('early'));
    expect(t.calls).toHaveLength(1);
    // Every later call is the core's: an answer kept longer would be an old list.
    expect(first.take('chats:list', { limit: 60 })).toBeNull();
    expect(t.listening('chats:changed')).toBe(0);
  });

  it('leaves other commands alone and stays offered to the first chats:list', async () => {
    const t = transport([page('early')]);
    const first = early(t);
    expect(first.take('accounts:list', {})).toBeNull();
    await expect(first.take('chats:list', { limit: 60 })).resolves.toEqual(page('early'));
  });

  it('is not used when the first call asks for something else, nor by a later matching one', () => {
    const t = transport([page('early')]);
    const first = early(t);
    expect(first.take('chats:list', { limit: 60, archived: true })).toBeNull();
    expect(first.take('chats:list', { limit: 60 })).toBeNull();
  });

  it.each(['chats:changed', 'chats:removed'])('is not used when %s came before the app took it', name => {
    const t = transport([page('early')]);
    const first = early(t);
    t.emit(name);
    expect(first.take('chats:list', { limit: 60 })).toBeNull();
  });

  it('asks again when the early answer is a failure', async () => {
    const t = transport([{ ok: false, error: { code: 'unavailable', message: 'starting' } }, page('again')]);
    const first = early(t);
    await expect(first.take('chats:list', { limit: 60 })).resolves.toEqual(page('again'));
    expect(t.calls).toHaveLength(2);
  });
});
