import type { CommandName, CommandResult } from '../../common/api';
import type { Core } from '../../main/core/core';

const ctx = { transport: 'internal' } as const;

/** Calls a command through dispatch, as a renderer would, and fails the test on an error reply. */
export async function callCore<K extends CommandName>(core: Core, name: K, args: unknown): Promise<CommandResult<K>> {
  const reply = await core.dispatch(name, args, ctx);
  if (!reply.ok) throw new Error(`${name}: ${reply.error.code} ${reply.error.message}`);
  return reply.value as CommandResult<K>;
}

/** Polls an async probe until it returns something truthy; fails with `what` after `ms`. */
export async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  ms = 20_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 100));
  }
}
