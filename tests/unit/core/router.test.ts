import { describe, expect, it, vi } from 'vitest';
import { CommandError } from '../../../common/result';
import type { HandlerTable } from '../../../main/core/router';
import { createDispatch } from '../../../main/core/router';
import { createCore } from '../../../main/core/core';
import { silentLogger } from '../../../main/platform/log';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ctx = { transport: 'internal' } as const;

async function realDispatch() {
  const core = await createCore({
    dataDir: mkdtempSync(join(tmpdir(), 'blazz-router-')),
    shell: 'headless',
    version: '1.2.3',
    log: silentLogger,
  });
  return core;
}

describe('dispatch', () => {
  it('answers a known command with its value', async () => {
    const core = await realDispatch();
    const reply = await core.dispatch('app:info', {}, ctx);
    expect(reply).toMatchObject({ ok: true, value: { name: 'Blazz Desk', version: '1.2.3', shell: 'headless' } });
    await core.close();
  });

  it('fills schema defaults before the handler runs', async () => {
    const core = await realDispatch();
    const reply = await core.dispatch('app:ping', {}, ctx);
    expect(reply.ok && reply.value).toMatchObject({ pong: '' });
    await core.close();
  });

  it('refuses unknown names, including prototype keys', async () => {
    const core = await realDispatch();
    for (const name of ['nope:nothing', 'constructor', '__proto__', 'toString', 42, null, undefined]) {
      const reply = await core.dispatch(name, {}, ctx);
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(reply.error.code).toBe('unknown_command');
    }
    await core.close();
  });

  it('refuses wrong argument shapes with the offending path', async () => {
    const core = await realDispatch();
    const wrongType = await core.dispatch('app:ping', { echo: 5 }, ctx);
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    if (!wrongType.ok) expect(wrongType.error.message).toContain('echo');
    const extraKey = await core.dispatch('app:info', { sneaky: true }, ctx);
    expect(extraKey).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    const notObject = await core.dispatch('app:info', 'hello', ctx);
    expect(notObject).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    await core.close();
  });

  it('refuses arguments over 1 MB before parsing them', async () => {
    const core = await realDispatch();
    const reply = await core.dispatch('app:ping', { echo: 'x'.repeat(1_100_000) }, ctx);
    expect(reply).toMatchObject({ ok: false, error: { code: 'payload_too_large' } });
    await core.close();
  });

  it('refuses arguments that cannot be serialized', async () => {
    const core = await realDispatch();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const reply = await core.dispatch('app:ping', cyclic, ctx);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    await core.close();
  });
});

describe('handler failures never throw across the boundary', () => {
  it('turns a CommandError into its code and details', async () => {
    const onInternalError = vi.fn();
    const handlers = makeHandlers(() => {
      throw new CommandError('conflict', 'somebody else was faster', { version: 7 });
    });
    const dispatch = createDispatch(handlers, { onInternalError });
    const reply = await dispatch('app:ping', { echo: 'a' }, ctx);
    expect(reply).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'somebody else was faster', details: { version: 7 } },
    });
    expect(onInternalError).not.toHaveBeenCalled();
  });

  it('turns an unexpected exception into an internal error and reports it', async () => {
    const onInternalError = vi.fn();
    const dispatch = createDispatch(
      makeHandlers(async () => {
        throw new Error('disk on fire');
      }),
      { onInternalError },
    );
    const reply = await dispatch('app:ping', { echo: 'a' }, ctx);
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!reply.ok) expect(reply.error.message).toContain('disk on fire');
    expect(onInternalError).toHaveBeenCalledOnce();
  });
});

/** A table whose app:ping misbehaves; every other command is borrowed from a real core. */
function makeHandlers(ping: () => never | Promise<never>): HandlerTable {
  const handlers = new Proxy({} as HandlerTable, {
    get: (_t, name) => (name === 'app:ping' ? ping : () => null),
  });
  return handlers;
}
