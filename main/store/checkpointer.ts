/**
 * WAL checkpoints on a thread of their own. SQLite's automatic checkpoint runs inside the
 * COMMIT that pushes the WAL past 1,000 pages: that commit copies the pages into the
 * database and waits for the disk (fsync) on the core's only thread. During a history
 * import this happened every few dozen slices and held every live message and renderer call
 * waiting behind it (docs/accounts.md, "Where a live message's time goes"). Here the app's
 * connection stops checkpointing itself and a worker thread, with its own connection to the
 * same file, runs PASSIVE checkpoints every `everyMs`: PASSIVE never takes the write lock,
 * so the core's writes go on meanwhile (SQLite's WAL documentation suggests exactly this).
 * Durability is unchanged: the checkpoint still syncs, only on another thread.
 *
 * If the worker cannot start or dies, the connection checkpoints itself again as before.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { StoreDb } from './db';

/** SQLite's default: the app's connection goes back to it when the worker is gone. */
const AUTO_CHECKPOINT_PAGES = 1000;

// CommonJS run by the worker (eval): no bundle or packaged path to find at run time.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const options = workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {};
const db = new Database(workerData.file, options);
db.pragma('busy_timeout = 0');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: the next tick tries again */ }
}, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
parentPort.postMessage('ready');
`;

export type BackgroundCheckpoints = {
  /**
   * The connection checkpoints itself again and the worker closes its own. Synchronous, for
   * the store's close: a checkpoint the worker is in the middle of ends first (busy timeout).
   */
  stop(): void;
};

export function startBackgroundCheckpoints(
  db: StoreDb,
  file: string,
  everyMs: number,
  nativeBinding?: string,
): BackgroundCheckpoints {
  let worker: Worker | null = null;
  const fallBack = (why: string) => {
    if (!worker) return;
    worker = null;
    if (db.sqlite.open) db.sqlite.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
    db.log.warn('store: background checkpoints stopped; checkpointing on commit again', { why });
  };
  try {
    const module = createRequire(import.meta.url).resolve('better-sqlite3');
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { module, file, everyMs, nativeBinding } });
    // Until the worker has its connection, commits keep checkpointing as before.
    worker.once('message', () => {
      if (worker && db.sqlite.open) db.sqlite.pragma('wal_autocheckpoint = 0');
    });
    worker.on('error', err => fallBack(String(err)));
    worker.on('exit', code => fallBack(`exit ${code}`));
    worker.unref();
  } catch (err) {
    db.log.warn('store: no background checkpoints', { err: String(err) });
    worker = null;
  }
  return {
    stop() {
      const w = worker;
      worker = null;
      if (!w) return;
      if (db.sqlite.open) db.sqlite.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
      w.postMessage('stop');
    },
  };
}
