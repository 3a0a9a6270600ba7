/**
 * Opening the database with drizzle: the connection (connection.ts: pragmas, a statement
 * cache, transactions), migrations and the ORM (checkpoints: checkpointer.ts). Repositories
 * receive a `StoreDb` first, Signal-Desktop style, and never open anything.
 */
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { Logger } from '../platform/log';
import { silentLogger } from '../platform/log';
import type { OpenConnectionOptions, Sqlite, SqlDb } from './connection';
import { defaultMigrationsDir, openSqlite, sqlDbOver } from './connection';
import * as schema from './schema';

export type { Sqlite, SqlDb, Statement } from './connection';
export {
  SQLITE_AUTOCHECKPOINT_PAGES,
  inTransaction,
  knownMigrationCount,
  migrationsPending,
  setAutoCheckpoint,
} from './connection';
export type Orm = BetterSQLite3Database<typeof schema>;

/** The handle every repository function takes first. */
export type StoreDb = SqlDb & { readonly orm: Orm };

export type OpenDatabaseOptions = OpenConnectionOptions & {
  readonly migrationsDir?: string;
  readonly log?: Logger;
};

/** Applies every migration this build carries that the file lacks (drizzle's migrator). */
export function migrateSqlite(sqlite: Sqlite, migrationsDir?: string): void {
  // drizzle's migrator runs every pending migration inside one BEGIN…COMMIT.
  migrate(drizzle(sqlite, { schema }), { migrationsFolder: migrationsDir ?? defaultMigrationsDir() });
}

/** The ORM over a connection already open and migrated (the core process's second step). */
export function withOrm(db: SqlDb): StoreDb {
  return {
    sqlite: db.sqlite,
    log: db.log,
    prepare: sqlText => db.prepare(sqlText),
    orm: drizzle(db.sqlite, { schema }),
  };
}

export function openDatabase(opts: OpenDatabaseOptions): StoreDb {
  const sqlite = openSqlite(opts);
  try {
    const orm = drizzle(sqlite, { schema });
    migrate(orm, { migrationsFolder: opts.migrationsDir ?? defaultMigrationsDir() });
    return { ...sqlDbOver(sqlite, opts.log ?? silentLogger), orm };
  } catch (err) {
    sqlite.close();
    throw err;
  }
}
