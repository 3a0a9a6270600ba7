/**
 * The database handle: a mysql2 pool wrapped by drizzle (no relational query API: it
 * emits LATERAL joins MariaDB lacks), migrations applied at start-up, and the two
 * single-row tables seeded.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/mysql2';
import type { MySql2Database } from 'drizzle-orm/mysql2';
import { migrate } from 'drizzle-orm/mysql2/migrator';
import { createPool } from 'mysql2';
import type { Pool, PoolConnection, RowDataPacket } from 'mysql2/promise';

export type Db = MySql2Database;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the pool or an open transaction: repositories accept both. */
export type Exec = Db | Tx;

/** A plain mysql2 connection inside a transaction, for hot paths where drizzle's builder costs more than the write. */
export type RawTx = PoolConnection;
/** The raw pool or a raw transaction: hot-path reads accept both. */
export type RawExec = Pool | PoolConnection;

export type Database = {
  readonly db: Db;
  /** The same pool without drizzle, for hot-path reads (filling event references). */
  readonly raw: Pool;
  /**
   * Runs fn in a transaction on a raw connection: commit on success, rollback on error.
   * With a gate, fn and the commit run inside it (a push waits there for its turn), and the
   * transaction is opened before the gate while few others are: see openAhead. `ahead` runs
   * on the opened transaction before the gate (a push's early INSERT, handlers/push-order.ts);
   * when the transaction is opened inside the gate, so does `ahead`.
   */
  rawTransaction<T>(
    fn: (tx: RawTx) => Promise<T>,
    opts?: {
      readonly gate?: Gate;
      readonly ahead?: (tx: RawTx) => Promise<void>;
      /** A transaction openEarly began: used instead of opening one now. */
      readonly opened?: EarlyTx;
    },
  ): Promise<T>;
  /**
   * Begins a transaction for a rawTransaction that will come (a push's, while its caller is
   * still being checked), or undefined when too many wait open already (see openAhead).
   * Whoever got it must pass it on or drop it.
   */
  openEarly(): EarlyTx | undefined;
  /** Transactions begun and waiting for their work or their gate (for tests: each is a pooled connection). */
  readonly waitingOpen: () => number;
  /** Holds a MySQL named lock (GET_LOCK) while fn runs: serialises work across nodes. */
  withNamedLock<T>(name: string, timeoutS: number, fn: () => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
};

const POOL_SIZE = 20;

/** Runs work when its turn comes (the push order, handlers/push-order.ts). */
export type Gate = <T>(work: () => Promise<T>) => Promise<T>;

/** A transaction begun before its work is known (Database.openEarly). */
export type EarlyTx = {
  /** The open transaction, once: undefined if taken or dropped already. */
  take(): Promise<RawTx> | undefined;
  /** Rolls it back and releases its connection, unless it was taken. */
  drop(): void;
};

/**
 * A push waiting for its turn may open its transaction meanwhile, so that when the turn
 * comes its first statement goes out at once rather than after a START TRANSACTION round
 * trip, which the event loop (busy delivering the previous batch and parsing the next one)
 * answered 4 to 5 ms late. START TRANSACTION takes no locks and reads nothing: InnoDB makes
 * the snapshot at the first read, which comes after the turn, once the earlier push
 * committed. A push's transaction is begun as soon as the push arrives (openEarly), beside
 * the reads that check its caller, so that round trip is off its path too. Each such
 * transaction holds a pooled connection idle while it waits, so only a quarter of the pool
 * may wait like this; beyond that a push opens its transaction in turn.
 */
const openAhead = (poolSize: number) => Math.max(1, Math.floor(poolSize / 4));

export function openDatabase(url: string, opts: { poolSize?: number } = {}): Database {
  const pool = createPool({
    uri: url,
    connectionLimit: opts.poolSize ?? POOL_SIZE,
    // BIGINT ids and timestamps fit in a double for centuries; return numbers, not strings.
    supportBigNumbers: true,
    bigNumberStrings: false,
    charset: 'utf8mb4_bin',
    multipleStatements: false,
    // No stack captured at every query's call site ("long stack traces"): a push's few
    // statements paid ~0.7 ms for it per batch, and a failed query's error already names
    // its SQL and code, which is what the log needs.
    trace: false,
  });
  const db = drizzle({ client: pool });
  const promisePool = pool.promise();
  const openAheadLimit = openAhead(opts.poolSize ?? POOL_SIZE);
  let waitingOpen = 0;

  async function begin(): Promise<RawTx> {
    const conn = await promisePool.getConnection();
    try {
      await conn.beginTransaction();
      return conn;
    } catch (err) {
      conn.release();
      throw err;
    }
  }

  /** Begins a transaction (or takes one begun early), then runs fn and commits inside `around` (the whole body by default). */
  async function transact<T>(
    fn: (tx: RawTx) => Promise<T>,
    around: (body: () => Promise<T>) => Promise<T> = body => body(),
    ahead?: (tx: RawTx) => Promise<void>,
    opened?: Promise<RawTx>,
  ): Promise<T> {
    const conn = await (opened ?? begin());
    try {
      if (ahead) await ahead(conn);
      return await around(async () => {
        const value = await fn(conn);
        await conn.commit();
        return value;
      });
    } catch (err) {
      await conn.rollback().catch(() => undefined);
      throw err;
    } finally {
      conn.release();
    }
  }
  /**
   * A transaction counted in waitingOpen (the caller counted it) runs: it stops counting once
   * its gate lets it in (at once without a gate), or when it ends.
   */
  async function waitOpen<T>(
    fn: (tx: RawTx) => Promise<T>,
    gate: Gate | undefined,
    ahead: ((tx: RawTx) => Promise<void>) | undefined,
    opened?: Promise<RawTx>,
  ): Promise<T> {
    let waiting = true;
    const stopWaiting = () => {
      if (waiting) waitingOpen--;
      waiting = false;
    };
    const enter = gate ?? (<U>(work: () => Promise<U>) => work());
    try {
      return await transact(
        fn,
        body =>
          enter(() => {
            stopWaiting();
            return body();
          }),
        ahead,
        opened,
      );
    } finally {
      stopWaiting();
    }
  }
  return {
    db,
    raw: promisePool,
    async rawTransaction(fn, { gate, ahead, opened } = {}) {
      const early = opened?.take();
      // Begun early: counted among the transactions waiting open since openEarly.
      if (early) return waitOpen(fn, gate, ahead, early);
      if (gate && waitingOpen >= openAheadLimit) return gate(() => transact(fn, undefined, ahead));
      if (!gate) return transact(fn, undefined, ahead);
      waitingOpen++;
      return waitOpen(fn, gate, ahead);
    },
    openEarly() {
      if (waitingOpen >= openAheadLimit) return undefined;
      waitingOpen++;
      let state: 'open' | 'taken' | 'dropped' = 'open';
      const conn = begin();
      conn.catch(() => undefined);
      return {
        take() {
          if (state !== 'open') return undefined;
          state = 'taken';
          return conn;
        },
        drop() {
          if (state !== 'open') return;
          state = 'dropped';
          waitingOpen--;
          void conn.then(
            c =>
              c.rollback().then(
                () => c.release(),
                () => c.destroy(),
              ),
            () => undefined,
          );
        },
      };
    },
    waitingOpen: () => waitingOpen,
    async withNamedLock(name, timeoutS, fn) {
      const conn = await promisePool.getConnection();
      try {
        const [rows] = await conn.query<RowDataPacket[]>('select get_lock(?, ?) as got', [name, timeoutS]);
        if (Number(rows[0]?.['got']) !== 1) throw new Error(`could not take the lock '${name}' within ${timeoutS} s`);
        try {
          return await fn();
        } finally {
          await conn.query('select release_lock(?)', [name]);
        }
      } finally {
        conn.release();
      }
    },
    async ping() {
      await db.execute(sql`select 1`);
    },
    close: () => new Promise<void>((resolve, reject) => pool.end(err => (err ? reject(err) : resolve()))),
  };
}

/** Where the committed migrations live: next to this file in the source tree, or MIGRATIONS_DIR. */
export function defaultMigrationsDir(): string {
  const fromEnv = process.env['MIGRATIONS_DIR'];
  if (fromEnv) return fromEnv;
  const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
  const candidates = [
    join(here, 'migrations'), // source tree: sync-server/src/db/
    join(here, '..', 'migrations', 'server'), // bundle: dist/server/index.mjs, migrations copied to dist/migrations/server
    join(process.cwd(), 'sync-server/src/db/migrations'),
  ];
  return candidates.find(p => existsSync(join(p, 'meta', '_journal.json'))) ?? candidates[0]!;
}

/**
 * Whether the rows one multi-row INSERT adds get consecutive ids in row order (insertId,
 * insertId + 1, ...): InnoDB's 'traditional' and 'consecutive' auto-increment lock modes (0
 * and 1, MariaDB's default) reserve one interval per statement. The 'interleaved' mode (2,
 * MySQL 8's default) may hand out ids to concurrent statements in turn: then the ids must
 * be read back. (An increment other than 1 is refused at start-up anyway.)
 */
export async function insertsGetConsecutiveIds(raw: Pool): Promise<boolean> {
  const [rows] = await raw.query<RowDataPacket[]>(
    'select @@innodb_autoinc_lock_mode as mode, @@auto_increment_increment as step',
  );
  return Number(rows[0]?.['mode']) <= 1 && Number(rows[0]?.['step']) === 1;
}

/** Nodes starting together take turns: the first applies the migrations, the others find them applied. */
export async function migrateDatabase(database: Database, migrationsFolder = defaultMigrationsDir()): Promise<void> {
  const { db } = database;
  await database.withNamedLock('blazz_sync_migrations', 120, () => migrate(db, { migrationsFolder }));
  await db.execute(sql`insert ignore into workspace_settings (id, agents_see_unassigned) values (1, true)`);
  await db.execute(sql`insert ignore into event_sequencer (id, writes) values (1, 0)`);
  // Event sequence numbers of one insert are computed as insertId + i: that needs a step of 1
  // (Galera and multi-primary group replication change it; neither is a supported set-up).
  const [rows] = (await db.execute(sql`select @@auto_increment_increment as inc`)) as unknown as [
    Array<{ inc: number | string }>,
  ];
  const step = Number(rows[0]?.inc ?? 1);
  if (step !== 1) throw new Error(`auto_increment_increment is ${step}; the workspace server needs 1`);
}
