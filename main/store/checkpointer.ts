/**
 * WAL checkpoints off the writer's path. SQLite's automatic checkpoint runs inside the COMMIT
 * that crosses 1,000 WAL pages, with its fsyncs, so one ingest batch in a dozen paid for
 * copying every page back into the database file. The core's connection turns that off
 * (`wal_autocheckpoint=0`) and a worker thread with its OWN connection (better-sqlite3
 * connections belong to the thread that opened them) checkpoints instead:
 *  - PASSIVE whenever something was committed since it last looked (`data_version`): it never
 *    takes the write lock, so the writer is never blocked; once the WAL is fully copied the
 *    writer starts it again from the beginning, so it cannot grow without bound;
 *  - RESTART when a PASSIVE leaves more than `restartFrames` frames in the WAL: back-to-back
 *    batches never leave a PASSIVE the WAL fully copied, so the writer never restarts it and
 *    it grew without bound (374 MB after 100k messages). RESTART waits for the writer's
 *    current transaction and holds the next one back (the core's busy_timeout makes it wait)
 *    while it copies what the PASSIVE left, which is short, then the WAL starts over;
 *  - TRUNCATE after `idleMs` without commits, so an idle desktop keeps a zero-length WAL.
 * A crash mid-checkpoint loses nothing: the WAL still holds every frame until a later
 * checkpoint completes (tests/unit/store/checkpointer.test.ts kills one).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../platform/log';

export type CheckpointerOptions = {
  readonly file: string;
  readonly nativeBinding?: string;
  /** How often the thread looks for new commits, ms. */
  readonly pollMs: number;
  /** Quiet time after which the WAL is truncated to zero bytes, ms. */
  readonly idleMs?: number;
  /** WAL frames left after a PASSIVE above which the thread RESTARTs the WAL. */
  readonly restartFrames?: number;
  readonly log: Logger;
  /** Called when the thread could not run: the caller turns SQLite's own checkpoints back on. */
  readonly onFailure: () => void;
};

export type CheckpointerCounts = {
  readonly passive: number;
  readonly restart: number;
  readonly truncate: number;
  readonly walFrames: number;
};

export type Checkpointer = {
  /** Asks the thread to stop, waits (synchronously, at most `timeoutMs`) until its connection is closed. */
  stop(timeoutMs?: number): void;
  /** Resolves when the thread has exited. */
  readonly exited: Promise<void>;
  counts(): CheckpointerCounts;
  /**
   * Called by the writer before each transaction: while the thread asks for a RESTART, waits
   * (at most 2 s) until it is done. Back-to-back batches otherwise take the write lock again
   * microseconds after each commit, and the RESTART's busy handler never finds it free.
   */
  yieldForRestart(): void;
};

// Slots of the shared flags: stop request, connection closed, PASSIVE runs, TRUNCATE runs, WAL frames at the last run, RESTART runs.
const STOP = 0;
const CLOSED = 1;
const PASSIVE = 2;
const TRUNCATE = 3;
const FRAMES = 4;
const RESTART = 5;
const WANT_RESTART = 6;

/**
 * The thread's code. Plain CommonJS evaluated by the worker (no file to bundle beside the
 * core's entry); it loads better-sqlite3 from the path the core itself resolved.
 */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
const flags = new Int32Array(workerData.shared);
let db = null;
try {
  db = new Database(workerData.file, workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {});
  // Never wait for the writer: a busy TRUNCATE is simply tried again at the next quiet spell.
  db.pragma('busy_timeout = 0');
  const version = db.prepare('PRAGMA data_version').pluck();
  const run = mode => {
    const row = db.pragma('wal_checkpoint(' + mode + ')')[0];
    if (row) Atomics.store(flags, ${FRAMES}, row.log > 0 ? row.log : 0);
    return row;
  };
  let seen = -1;
  let quietSince = Date.now();
  let truncated = false;
  while (Atomics.wait(flags, ${STOP}, 0, workerData.pollMs) !== 'ok' && Atomics.load(flags, ${STOP}) === 0) {
    const v = version.get();
    if (v !== seen) {
      seen = v;
      quietSince = Date.now();
      truncated = false;
      const row = run('PASSIVE');
      Atomics.add(flags, ${PASSIVE}, 1);
      if (row && row.log > workerData.restartFrames) {
        // Wait for the writer's open transaction (it commits in milliseconds), then restart.
        Atomics.store(flags, ${WANT_RESTART}, 1);
        db.pragma('busy_timeout = ' + workerData.restartWaitMs);
        let restarted = null;
        try {
          restarted = run('RESTART');
        } finally {
          db.pragma('busy_timeout = 0');
          Atomics.store(flags, ${WANT_RESTART}, 0);
          Atomics.notify(flags, ${WANT_RESTART});
        }
        if (restarted && restarted.busy === 0) Atomics.add(flags, ${RESTART}, 1);
      }
    } else if (!truncated && Date.now() - quietSince >= workerData.idleMs) {
      const row = run('TRUNCATE');
      if (row && row.busy === 0) {
        truncated = true;
        Atomics.add(flags, ${TRUNCATE}, 1);
      }
    }
  }
} finally {
  if (db) db.close();
  Atomics.store(flags, ${CLOSED}, 1);
  Atomics.notify(flags, ${CLOSED});
}
`;

const DEFAULT_IDLE_MS = 5000;
/**
 * 16,000 pages of 4 kB: 64 MB of WAL, the size journal_size_limit cuts it back to. Each RESTART
 * holds the writer back for its copy and fsync (tens of ms): at 4,000 frames that waiting was
 * about 39 ms per 1,000 live messages, a sixth of the ingest path (bench: checkpoint_wait).
 */
const DEFAULT_RESTART_FRAMES = 16_000;
const RESTART_WAIT_MS = 2000;

export function startCheckpointer(opts: CheckpointerOptions): Checkpointer {
  const shared = new SharedArrayBuffer(7 * Int32Array.BYTES_PER_ELEMENT);
  const flags = new Int32Array(shared);
  const modulePath = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      shared,
      modulePath,
      file: opts.file,
      nativeBinding: opts.nativeBinding ?? null,
      pollMs: opts.pollMs,
      idleMs: opts.idleMs ?? DEFAULT_IDLE_MS,
      restartFrames: opts.restartFrames ?? DEFAULT_RESTART_FRAMES,
      restartWaitMs: RESTART_WAIT_MS,
    },
  });
  // The thread never keeps the process alive: quitting is the store's close(), not its exit.
  worker.unref();
  let failed = false;
  worker.on('error', err => {
    if (failed) return;
    failed = true;
    opts.log.warn('store: checkpoint thread failed; SQLite checkpoints on commit again', { err: String(err) });
    opts.onFailure();
  });
  const exited = new Promise<void>(resolve => worker.once('exit', () => resolve()));
  return {
    exited,
    stop(timeoutMs = 5000) {
      // Held until its exit is delivered, so `exited` settles even when nothing else runs.
      worker.ref();
      Atomics.store(flags, STOP, 1);
      Atomics.notify(flags, STOP);
      // Synchronous on purpose: close() checkpoints and closes right after, with no second connection left.
      if (!failed) Atomics.wait(flags, CLOSED, 0, timeoutMs);
    },
    yieldForRestart() {
      if (!failed && Atomics.load(flags, WANT_RESTART) === 1) Atomics.wait(flags, WANT_RESTART, 1, RESTART_WAIT_MS);
    },
    counts: () => ({
      passive: Atomics.load(flags, PASSIVE),
      restart: Atomics.load(flags, RESTART),
      truncate: Atomics.load(flags, TRUNCATE),
      walFrames: Atomics.load(flags, FRAMES),
    }),
  };
}
