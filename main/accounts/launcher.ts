/**
 * How the core starts one account's process. Injectable: both shells' core processes use
 * node:child_process.fork (forkLauncher, below normal priority), fast unit tests an
 * in-process channel; the supervisor cannot tell them apart.
 */
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants, setPriority } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MainToChild } from './protocol';

export type ExitInfo = { readonly code: number | null; readonly signal: string | null };

export type ChildHandle = {
  /** OS process id, or null when the runtime is not a separate process. */
  readonly pid: number | null;
  send(msg: MainToChild): void;
  /** Raw messages from the child: untrusted until the supervisor parses them. */
  onMessage(cb: (raw: unknown) => void): void;
  onExit(cb: (info: ExitInfo) => void): void;
  kill(signal?: NodeJS.Signals): void;
};

export type ProcessLauncher = {
  launch(accountId: string, env: Readonly<Record<string, string>>): ChildHandle;
};

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The runtime entry: dist/accounts/child.mjs beside a bundled host or app
 * (scripts/build.mjs), else the TypeScript source next to this file (tsx in dev and tests).
 */
export function defaultChildEntry(): string {
  const candidates = [join(here, '..', 'accounts', 'child.mjs'), join(here, 'runtime', 'child.mjs')];
  return candidates.find(p => existsSync(p)) ?? join(here, 'runtime', 'child.ts');
}

export type ForkLauncherOptions = {
  /** Path of the runtime entry; a .ts entry is run through tsx (tests, `npm run serve`). */
  readonly entry?: string;
  /** Extra node flags, e.g. a heap cap for accounts that must stay small. */
  readonly execArgv?: readonly string[];
  /**
   * OS priority of account processes (higher = nicer). Below normal by default: when the
   * machine is busy, main (the UI and the store) must win over background account work.
   */
  readonly priority?: number;
  /** The child's stdout/stderr: stderr only by default, so crashes still reach a log. */
  readonly stdio?: 'inherit' | 'stderr' | 'ignore';
  /** Added to every account's environment (the desktop's core process sets ELECTRON_RUN_AS_NODE). */
  readonly env?: Readonly<Record<string, string>>;
};

export function forkLauncher(options: ForkLauncherOptions = {}): ProcessLauncher {
  const entry = options.entry ?? defaultChildEntry();
  const tsFlags = entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
  return {
    launch(accountId, env) {
      const child = fork(entry, ['--account', accountId], {
        execArgv: [...tsFlags, ...(options.execArgv ?? [])],
        env: { ...process.env, ...options.env, ...env },
        stdio:
          options.stdio === 'inherit'
            ? 'inherit'
            : ['ignore', 'ignore', options.stdio === 'ignore' ? 'ignore' : 'inherit', 'ipc'],
        serialization: 'json',
      });
      if (child.pid !== undefined) {
        try {
          setPriority(child.pid, options.priority ?? constants.priority.PRIORITY_BELOW_NORMAL);
        } catch {
          // not permitted on this system: run at normal priority
        }
      }
      const exitCallbacks: Array<(info: ExitInfo) => void> = [];
      let exited: ExitInfo | null = null;
      child.on('exit', (code, signal) => {
        exited = { code, signal };
        for (const cb of exitCallbacks) cb(exited);
      });
      // A failed spawn (missing entry, EAGAIN) surfaces as 'error' and, for spawn failures,
      // no 'exit'; report it as an exit so the supervisor's backoff handles it.
      child.on('error', () => {
        if (exited === null && child.exitCode === null && child.pid === undefined) {
          exited = { code: -1, signal: null };
          for (const cb of exitCallbacks) cb(exited);
        }
      });
      return {
        pid: child.pid ?? null,
        send(msg) {
          // After the child died the channel is closed; the exit handler deals with it.
          if (child.connected) child.send(msg, err => void err);
        },
        onMessage(cb) {
          child.on('message', cb);
        },
        onExit(cb) {
          if (exited) cb(exited);
          else exitCallbacks.push(cb);
        },
        kill(signal = 'SIGTERM') {
          if (exited === null) child.kill(signal);
        },
      };
    },
  };
}
