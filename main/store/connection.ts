/**
 * The database connection without drizzle: the pragmas, a statement cache, transactions,
 * and whether the file still lacks a migration this build carries. The core process's
 * first step (#23) opens the store with this alone and answers the first screen's reads
 * while drizzle (its ORM and migrator, ~300 kB to evaluate) loads with the rest of the core;
 * db.ts adds drizzle on top for everything else.
 */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../platform/log';
import { silentLogger } from '../platform/log';

export type Sqlite = Database.Database;
export type Statement = Database.Statement<unknown[], unknown>;

/** What the raw-SQL repositories take first: the connection, its log, cached statements. */
export type SqlDb = {
  readonly sqlite: Sqlite;
  readonly log: Logger;
  /** Prepared once per SQL text and reused: the hot paths never re-parse SQL. */
  prepare(sqlText: string): Statement;
  /** Runs before each write transaction: the checkpoint thread's RESTART gets its gap here. */
  beforeWrite?: () => void;
};

export type OpenConnectionOptions = {
  readonly file: string;
  /**
   * Path of a better_sqlite3.node built for the running runtime. Electron passes its own
   * build (scripts/electron-native.mjs) so node_modules keeps the Node build that `npm test`
   * loads: switching between the two never needs a rebuild.
   */
  readonly nativeBinding?: string;
};

const BUSY_TIMEOUT_MS = 5000;

/** drizzle's table of applied migrations (its default name, which db.ts's migrate uses). */
const MIGRATIONS_TABLE = '__drizzle_migrations';

/** Resolved lazily: bundles have no usable import.meta.url and pass migrationsDir instead. */
export function defaultMigrationsDir(): string {
  return fileURLToPath(new URL('./migrations/', import.meta.url));
}

/** The `when` (ms) of each migration this build carries, from drizzle's journal. */
function journalTimes(migrationsDir?: string): number[] {
  const journal = JSON.parse(
    readFileSync(join(migrationsDir ?? defaultMigrationsDir(), 'meta', '_journal.json'), 'utf8'),
  ) as { entries?: unknown };
  if (!Array.isArray(journal.entries)) return [];
  return journal.entries.map(e => Number((e as { when?: unknown } | null)?.when));
}

/** How many migrations this build carries: a database that applied more was made by a newer app. */
export function knownMigrationCount(migrationsDir?: string): number {
  return journalTimes(migrationsDir).length;
}

/** Opens the file with the app's pragmas; nothing is created or migrated yet. */
export function openSqlite(opts: OpenConnectionOptions): Sqlite {
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
    return sqlite;
  } catch (err) {
    sqlite.close();
    throw err;
  }
}

/**
 * True when drizzle's migrator would apply something: its rule, read without loading it
 * (a migration runs when the newest applied one is older than it, or nothing was applied).
 */
export function migrationsPending(sqlite: Sqlite, migrationsDir?: string): boolean {
  const times = journalTimes(migrationsDir);
  if (times.length === 0) return false;
  const table = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
    .get(MIGRATIONS_TABLE) as unknown;
  if (table === undefined) return true;
  const last = sqlite.prepare(`SELECT created_at FROM "${MIGRATIONS_TABLE}" ORDER BY created_at DESC LIMIT 1`).get() as
    { created_at: unknown } | undefined;
  if (last === undefined) return true;
  const applied = Number(last.created_at);
  return times.some(when => applied < when);
}

/** The connection once migrated: this connection's search vocabulary and the statement cache. */
export function sqlDbOver(sqlite: Sqlite, log: Logger = silentLogger): SqlDb {
  // This connection's view of the search index's terms (repositories/search.ts spells long
  // prefixes out with it); temp: nothing is written to the file.
  sqlite.exec(
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.messages_fts_terms USING fts5vocab(main, 'messages_fts', 'instance')",
  );
  const cache = new Map<string, Statement>();
  return {
    sqlite,
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
}

/**
 * SQLite's own checkpoint, every 1,000 WAL pages inside the committing transaction: what a
 * store without a checkpoint thread (tests, in-memory) keeps.
 */
export const SQLITE_AUTOCHECKPOINT_PAGES = 1000;

/** Checkpoints leave the writer's commits (startCheckpointer does them); or come back to them. */
export function setAutoCheckpoint(db: SqlDb, on: boolean): void {
  if (db.sqlite.open) db.sqlite.pragma(`wal_autocheckpoint = ${on ? SQLITE_AUTOCHECKPOINT_PAGES : 0}`);
}

/** Runs `fn` in one write transaction (BEGIN IMMEDIATE, so a busy writer waits instead of failing mid-way). */
export function inTransaction<T>(db: SqlDb, fn: () => T): T {
  db.beforeWrite?.();
  return db.sqlite.transaction(fn).immediate();
}
