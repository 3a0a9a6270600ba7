/**
 * Opening the database: pragmas, migrations, a statement cache (checkpoints: checkpointer.ts).
 * Repositories receive a `StoreDb` first, Signal-Desktop style, and never open anything.
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../platform/log';
import { silentLogger } from '../platform/log';
import * as schema from './schema';

export type Sqlite = Database.Database;
export type Statement = Database.Statement<unknown[], unknown>;
export type Orm = BetterSQLite3Database<typeof schema>;

/** The handle every repository function takes first. */
export type StoreDb = {
  readonly sqlite: Sqlite;
  readonly orm: Orm;
  readonly log: Logger;
  /** Prepared once per SQL text and reused: the hot paths never re-parse SQL. */
  prepare(sqlText: string): Statement;
  /** Runs before each write transaction: the checkpoint thread's RESTART gets its gap here. */
  beforeWrite?: () => void;
};

export type OpenDatabaseOptions = {
  readonly file: string;
  readonly migrationsDir?: string;
  readonly log?: Logger;
  /**
   * Path of a better_sqlite3.node built for the running runtime. Electron passes its own
   * build (scripts/electron-native.mjs) so node_modules keeps the Node build that `npm test`
   * loads: switching between the two never needs a rebuild.
   */
  readonly nativeBinding?: string;
};

const BUSY_TIMEOUT_MS = 5000;

/** Resolved lazily: bundles have no usable import.meta.url and pass migrationsDir instead. */
function defaultMigrationsDir(): string {
  return fileURLToPath(new URL('./migrations/', import.meta.url));
}

/** How many migrations this build carries: a database that applied more was made by a newer app. */
export function knownMigrationCount(migrationsDir?: string): number {
  const journal = JSON.parse(
    readFileSync(join(migrationsDir ?? defaultMigrationsDir(), 'meta', '_journal.json'), 'utf8'),
  ) as { entries?: unknown[] };
  return Array.isArray(journal.entries) ? journal.entries.length : 0;
}

export function openDatabase(opts: OpenDatabaseOptions): StoreDb {
  const log = opts.log ?? silentLogger;
  const sqlite = new Database(opts.file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Bigger page cache and memory temp store: inbox and search touch the same pages again and again.
    sqlite.pragma('cache_size = -65536');
    sqlite.pragma('temp_store = MEMORY');
    // Reads of a large file straight from the OS page cache, without a copy per page.
    sqlite.pragma('mmap_size = 268435456');
    // When the writer restarts a fully checkpointed WAL, it cuts a file left larger back to 64 MB.
    sqlite.pragma('journal_size_limit = 67108864');
    const orm = drizzle(sqlite, { schema });
    // drizzle's migrator runs every pending migration inside one BEGIN…COMMIT.
    migrate(orm, { migrationsFolder: opts.migrationsDir ?? defaultMigrationsDir() });
    // This connection's view of the search index's terms (repositories/search.ts spells long
    // prefixes out with it); temp: nothing is written to the file.
    sqlite.exec(
      "CREATE VIRTUAL TABLE IF NOT EXISTS temp.messages_fts_terms USING fts5vocab(main, 'messages_fts', 'instance')",
    );
    const cache = new Map<string, Statement>();
    return {
      sqlite,
      orm,
      log,
      prepare(sqlText) {
        let stmt = cache.get(sqlText);
        if (!stmt) {
          stmt = sqlite.prepare(sqlText);
          cache.set(sqlText, stmt);
        }
        return stmt;
      },
    };
  } catch (err) {
    sqlite.close();
    throw err;
  }
}

/**
 * SQLite's own checkpoint, every 1,000 WAL pages inside the committing transaction: what a
 * store without a checkpoint thread (tests, in-memory) keeps.
 */
export const SQLITE_AUTOCHECKPOINT_PAGES = 1000;

/** Checkpoints leave the writer's commits (startCheckpointer does them); or come back to them. */
export function setAutoCheckpoint(db: StoreDb, on: boolean): void {
  if (db.sqlite.open) db.sqlite.pragma(`wal_autocheckpoint = ${on ? SQLITE_AUTOCHECKPOINT_PAGES : 0}`);
}

/** Runs `fn` in one write transaction (BEGIN IMMEDIATE, so a busy writer waits instead of failing mid-way). */
export function inTransaction<T>(db: StoreDb, fn: () => T): T {
  db.beforeWrite?.();
  return db.sqlite.transaction(fn).immediate();
}
