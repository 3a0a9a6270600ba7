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
import type { PoolConnection } from 'mysql2/promise';

export type Db = MySql2Database;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the pool or an open transaction: repositories accept both. */
export type Exec = Db | Tx;

/** A plain mysql2 connection inside a transaction, for hot paths where drizzle's builder costs more than the write. */
export type RawTx = PoolConnection;

export type Database = {
  readonly db: Db;
  /** Runs fn in a transaction on a raw connection: commit on success, rollback on error. */
  rawTransaction<T>(fn: (tx: RawTx) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
};

export function openDatabase(url: string, opts: { poolSize?: number } = {}): Database {
  const pool = createPool({
    uri: url,
    connectionLimit: opts.poolSize ?? 20,
    // BIGINT ids and timestamps fit in a double for centuries; return numbers, not strings.
    supportBigNumbers: true,
    bigNumberStrings: false,
    charset: 'utf8mb4_bin',
    multipleStatements: false,
  });
  const db = drizzle({ client: pool });
  const promisePool = pool.promise();
  return {
    db,
    async rawTransaction(fn) {
      const conn = await promisePool.getConnection();
      try {
        await conn.beginTransaction();
        const value = await fn(conn);
        await conn.commit();
        return value;
      } catch (err) {
        await conn.rollback().catch(() => undefined);
        throw err;
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
  const candidates = [join(here, 'migrations'), join(here, 'db', 'migrations'), join(process.cwd(), 'sync-server/src/db/migrations')];
  return candidates.find(p => existsSync(join(p, 'meta', '_journal.json'))) ?? candidates[0]!;
}

export async function migrateDatabase(db: Db, migrationsFolder = defaultMigrationsDir()): Promise<void> {
  await migrate(db, { migrationsFolder });
  await db.execute(sql`insert ignore into workspace_settings (id, agents_see_unassigned) values (1, true)`);
  await db.execute(sql`insert ignore into event_sequencer (id, writes) values (1, 0)`);
}
