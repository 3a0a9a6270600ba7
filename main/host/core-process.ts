/**
 * The headless host's core in its own process, started the way the desktop starts it
 * (dist/core/child.mjs): SQLite, ingest and sync never share a thread with the host's HTTP
 * and socket traffic, and both shells run the one core entry (#24). The host keeps only the
 * browser transport; every call and event crosses the child's IPC lane as the core
 * process's renderer tunnel.
 */
import type { ChildProcess } from 'node:child_process';
import type { ChannelPort } from '../../common/core-channel';
import { createChannelClient, parseFromCore } from '../../common/core-channel';
import type { Reply } from '../../common/result';
import { fail } from '../../common/result';
import type { ForkedCore } from './core-fork';
import { forkCoreProcess } from './core-fork';
import { parseCoreToHost } from './core-messages';
import type { Dispatch } from '../core/router';
import type { AnyEventListener } from '../platform/event-bus';
import type { Logger } from '../platform/log';

export type RemoteCore = {
  readonly dispatch: Dispatch;
  readonly events: { subscribe(listener: AnyEventListener): () => void };
  readonly pid: number | undefined;
  /** Settles when the core has opened its store; calls made before then wait in the child. */
  readonly ready: Promise<void>;
  close(): Promise<void>;
};

export type StartCoreProcessOptions = {
  /** The built core process (dist/core/child.mjs). */
  readonly entry: string;
  /** The core already forked from it (the host's entry forks it first thing). */
  readonly forked?: ForkedCore;
  readonly dataDir: string;
  readonly log: Logger;
  /** A core that is not open by then is treated as failed (a migration stuck on a lock). */
  readonly readyTimeoutMs?: number;
  /** How long `close()` waits for a clean shutdown before killing the process. */
  readonly closeTimeoutMs?: number;
  /**
   * The core answered the first screen ("ready") but the rest of it failed to start (#23's
   * two-step start): the process is ending, and the host cannot serve without it.
   */
  readonly onLateFailure?: (message: string) => void;
};

/** The longest command name the core accepts; anything else is not a command at all. */
const MAX_NAME = 200;

function waitForReady(child: ChildProcess, early: readonly unknown[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`the core did not open within ${timeoutMs / 1000} s`)), timeoutMs);
    const onMessage = (raw: unknown) => {
      const msg = parseCoreToHost(raw);
      if (msg?.t === 'ready') done(null);
      else if (msg?.t === 'failed') done(new Error(msg.message));
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      done(new Error(`the core process exited before it was ready (${code ?? signal})`));
    function done(err: Error | null) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (err) reject(err);
      else resolve();
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
    // The core may have answered, or ended, before this listened.
    for (const msg of early) onMessage(msg);
    if (child.exitCode !== null || child.signalCode !== null) onExit(child.exitCode, child.signalCode);
  });
}

/** A send to a core that is already going (EPIPE): its exit is what the host acts on. */
const ignoreSendError = (): void => undefined;

/** The renderer lane inside the IPC channel, as the core process's tunnel expects it. */
function tunnelPort(child: ChildProcess): ChannelPort {
  return {
    postMessage: msg => {
      // A channel that breaks mid-write (the core just died) reports to the callback rather
      // than as an 'error' event nobody handles, which would end the host; exit says the rest.
      if (child.connected) child.send({ t: 'renderer', msg } as never, ignoreSendError);
      else throw new Error('the core process is gone');
    },
    onMessage: cb =>
      void child.on('message', (raw: unknown) => {
        const msg = parseCoreToHost(raw);
        if (msg?.t === 'renderer') cb(msg.msg);
      }),
  };
}

/**
 * Forks the core and returns at once: the host listens and the browser loads the renderer
 * while the core opens its store, so a cold start pays for both only once. Calls sent
 * before `ready` wait in the core process (it serves its tunnel as soon as it is open).
 */
export function startCoreProcess(options: StartCoreProcessOptions): RemoteCore {
  const forked = options.forked ?? forkCoreProcess(options.entry, options.dataDir);
  const { child } = forked;
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()));
  const ready = waitForReady(child, forked.takeEarlyMessages(), options.readyTimeoutMs ?? 60_000).catch(
    (err: unknown) => {
      child.kill('SIGKILL');
      throw err;
    },
  );

  const port = tunnelPort(child);
  const client = createChannelClient(port, {
    // Calls the browser makes without a time limit in-process (backup, export) still end.
    timeoutMs: 120_000,
    setTimer: (cb, ms) => setTimeout(cb, ms),
    clearTimer: handle => clearTimeout(handle as NodeJS.Timeout),
  });
  const listeners = new Set<AnyEventListener>();
  port.onMessage(raw => {
    const msg = parseFromCore(raw);
    if (msg?.t !== 'event') return;
    for (const listener of listeners) {
      try {
        (listener as (name: string, payload: unknown) => void)(msg.name, msg.payload);
      } catch (err) {
        options.log.warn('host: an event listener failed', { err: String(err) });
      }
    }
  });
  child.on('message', (raw: unknown) => {
    const msg = parseCoreToHost(raw);
    if (opened && msg?.t === 'failed') {
      options.log.error('the core failed after its first answers', { message: msg.message });
      options.onLateFailure?.(msg.message);
    }
  });
  child.once('exit', (code, signal) => {
    client.close();
    if (!closing) options.log.error('the core process stopped', { code, signal });
  });

  let closing = false;
  let opened = false;
  void ready.then(
    () => (opened = true),
    () => undefined,
  );
  const dispatch: Dispatch = async (name, args): Promise<Reply<unknown>> => {
    if (typeof name !== 'string' || name.length > MAX_NAME) {
      return fail('unknown_command', `Unknown command: ${String(name).slice(0, 80)}`);
    }
    // Before the core is open the call waits here, not in the pipe: the child reads its IPC
    // lane only once its entry has loaded.
    if (
      !opened &&
      !(await ready.then(
        () => true,
        () => false,
      ))
    )
      return fail('unavailable', 'The core is not running');
    return client.invoke(name, args);
  };

  return {
    dispatch,
    events: {
      subscribe(listener) {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
    },
    pid: child.pid,
    ready,
    async close() {
      closing = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (child.connected) child.send({ t: 'shutdown' } as never, ignoreSendError);
      const timer = setTimeout(() => child.kill('SIGKILL'), options.closeTimeoutMs ?? 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
