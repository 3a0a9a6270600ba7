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
 *    current transaction and holds the next one back while it copies what the PASSIVE left,
 *    then the WAL starts over. What the writer waits for is that copy and its fsyncs, and the
 *    fsync of the file covered every page copied since the last RESTART (a PASSIVE behind the
 *    writer leaves the file unsynced). So, for a writer that announces its transactions
 *    (`yieldForRestart`, the store's `inTransaction`), the thread fsyncs the file itself after
 *    each PASSIVE, off the writer's path, through the descriptor SQLite opened for the thread's
 *    own connection (found in /proc/self/fd; none found, e.g. off Linux: no such fsync). Never
 *    a descriptor of its own: closing any descriptor on a file drops every POSIX lock the
 *    process holds on it, SQLite's included, and SQLite's connections share one record of
 *    those locks only among themselves. Before a RESTART it catches up (PASSIVE and fsync
 *    back to back, the writer going on, until one finds little new: the writer wrote ~100 MB/s
 *    of WAL in the benchmark); then it asks the writer to stop between two transactions and
 *    RESTARTs the moment it has, instead of its busy handler polling for the lock (1, 2, 5,
 *    10 ms…). For any other writer (the benchmark's raw baseline) the thread does as before;
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
  /** PASSIVEs run back to back before a RESTART (catch-up), not counted in `passive`. */
  readonly catchUp: number;
  /** fsyncs of the database file after a PASSIVE (0 where the thread found no descriptor of its own). */
  readonly fileSyncs: number;
};

export type Checkpointer = {
  /** Asks the thread to stop, waits (synchronously, at most `timeoutMs`) until its connection is closed. */
  stop(timeoutMs?: number): void;
  /** Resolves when the thread has exited. */
  readonly exited: Promise<void>;
  counts(): CheckpointerCounts;
  /**
   * Called by the writer before each transaction: while the thread asks for a RESTART, says
   * it is between transactions and waits (at most 2 s) until the RESTART is done. Back-to-back
   * batches otherwise take the write lock again microseconds after each commit, and the
   * RESTART's busy handler never finds it free.
   */
  yieldForRestart(): void;
};

// Slots of the shared flags: stop request, connection closed, PASSIVE runs, TRUNCATE runs, WAL
// frames at the last run, RESTART runs, a RESTART asked for, the writer announces its
// transactions, the writer is waiting between two of them, catch-up PASSIVEs, file fsyncs.
const STOP = 0;
const CLOSED = 1;
const PASSIVE = 2;
const TRUNCATE = 3;
const FRAMES = 4;
const RESTART = 5;
const WANT_RESTART = 6;
const ANNOUNCES = 7;
const WAITING = 8;
const CATCH_UP = 9;
const SYNCS = 10;
const SLOTS = 11;

/**
 * The thread's code. Plain CommonJS evaluated by the worker (no file to bundle beside the
 * core's entry); it loads better-sqlite3 from the path the core itself resolved.
 */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { fsyncSync, readdirSync, readlinkSync, realpathSync } = require('node:fs');
const Database = require(workerData.modulePath);
const flags = new Int32Array(workerData.shared);
// The descriptors of this process open on the database file (Linux's /proc), or null.
const fdsOnFile = path => {
  try {
    return new Set(readdirSync('/proc/self/fd').filter(n => {
      try { return readlinkSync('/proc/self/fd/' + n) === path; } catch { return false; }
    }).map(Number));
  } catch {
    return null;
  }
};
let db = null;
try {
  let real = null;
  try { real = realpathSync(workerData.file); } catch {}
  const before = real ? fdsOnFile(real) : null;
  db = new Database(workerData.file, workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {});
  // The descriptor SQLite opened for this connection, to fsync the file through it: the one new
  // on the file. Never one of our own: closing any descriptor on the file would drop every POSIX
  // lock this process holds on it, SQLite's included. Not found (no /proc, another connection
  // opened meanwhile, SQLite reused a descriptor it kept): no fsync, RESTARTs sync as before.
  const after = before ? fdsOnFile(real) : null;
  const fresh = after ? [...after].filter(fd => !before.has(fd)) : [];
  const syncFd = fresh.length === 1 ? fresh[0] : -1;
  // Never wait for the writer: a busy TRUNCATE is simply tried again at the next quiet spell.
  db.pragma('busy_timeout = 0');
  const version = db.prepare('PRAGMA data_version').pluck();
  const run = mode => {
    const row = db.pragma('wal_checkpoint(' + mode + ')')[0];
    if (row) Atomics.store(flags, ${FRAMES}, row.log > 0 ? row.log : 0);
    return row;
  };
  // A PASSIVE that ends behind the writer leaves the file unsynced (SQLite syncs it only when
  // it copied up to the newest frame, which back-to-back commits never let it), so every page
  // copied since the last RESTART waited in the OS cache for the RESTART's fsync, with the
  // writer waiting too (tens of MB). For a writer that announces itself, each PASSIVE is
  // followed by an fsync of the file, off the writer's path.
  const passive = announced => {
    const row = run('PASSIVE');
    try {
      if (announced && syncFd >= 0) {
        fsyncSync(syncFd);
        Atomics.add(flags, ${SYNCS}, 1);
      }
    } catch {
      // The RESTART still syncs the file itself: only its wait gets longer. (Only ever this
      // connection's own descriptor, open until db.close() below.)
    }
    return row;
  };
  // PASSIVEs back to back, the writer writing meanwhile, until one finds at most catchUpFrames
  // new frames: what the RESTART copies and syncs while the writer waits is then about that much.
  // False when the WAL no longer needs a RESTART (a PASSIVE copied it all between two
  // transactions, and the writer started it over).
  const catchUp = log => {
    for (let i = 0; i < workerData.catchUpRounds; i++) {
      const row = passive(true);
      Atomics.add(flags, ${CATCH_UP}, 1);
      if (!row || row.log <= workerData.restartFrames) return false;
      const fresh = row.log - log;
      log = row.log;
      // Caught up, or the WAL has grown a quarter past its bound meanwhile: RESTART now.
      if (fresh <= workerData.catchUpFrames || log > workerData.restartFrames * 1.25) break;
    }
    return true;
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
      const announced = Atomics.load(flags, ${ANNOUNCES}) === 1;
      const row = passive(announced);
      Atomics.add(flags, ${PASSIVE}, 1);
      if (row && row.log > workerData.restartFrames && (!announced || catchUp(row.log))) {
        // Wait for the writer's open transaction (it commits in milliseconds), then restart.
        Atomics.store(flags, ${WAITING}, 0);
        Atomics.store(flags, ${WANT_RESTART}, 1);
        // A writer that announces its transactions says when it is between two: RESTART then.
        if (announced) Atomics.wait(flags, ${WAITING}, 0, workerData.handshakeMs);
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
/**
 * Catch-up ends when a PASSIVE finds at most this many new frames (about three live batches),
 * or after this many PASSIVEs (a thread that cannot keep up RESTARTs as it did before).
 */
const CATCH_UP_FRAMES = 1000;
const CATCH_UP_ROUNDS = 4;
/** How long the thread waits for the writer to reach the end of its transaction (tens of ms at most). */
const HANDSHAKE_MS = 200;

export function startCheckpointer(opts: CheckpointerOptions): Checkpointer {
  const shared = new SharedArrayBuffer(SLOTS * Int32Array.BYTES_PER_ELEMENT);
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
      catchUpFrames: CATCH_UP_FRAMES,
      catchUpRounds: CATCH_UP_ROUNDS,
      handshakeMs: HANDSHAKE_MS,
    },
  });
  // The thread never keeps the process alive: quitting is the store's close(), not its exit.
  worker.unref();
  let failed = false;
  let announces = false;
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
      if (failed) return;
      if (!announces) {
        announces = true;
        Atomics.store(flags, ANNOUNCES, 1);
      }
      if (Atomics.load(flags, WANT_RESTART) !== 1) return;
      Atomics.store(flags, WAITING, 1);
      Atomics.notify(flags, WAITING);
      Atomics.wait(flags, WANT_RESTART, 1, RESTART_WAIT_MS);
    },
    counts: () => ({
      passive: Atomics.load(flags, PASSIVE),
      restart: Atomics.load(flags, RESTART),
      truncate: Atomics.load(flags, TRUNCATE),
      walFrames: Atomics.load(flags, FRAMES),
      catchUp: Atomics.load(flags, CATCH_UP),
      fileSyncs: Atomics.load(flags, SYNCS),
    }),
  };
}
