/**
 * The local store: one SQLite file holding everything the inbox shows, online or offline.
 * Repositories are plain functions taking the db first (Signal-Desktop style); `openStore`
 * bundles them bound to one database. Only main/store imports drizzle.
 */
import type { Logger } from '../platform/log';
import type { SqlDb, StoreDb } from './db';
import type { Checkpointer } from './checkpointer';
import { startCheckpointer } from './checkpointer';
import { inTransaction, openDatabase, setAutoCheckpoint, withOrm } from './db';
import { importMessages, ingest, ingestWithFacts } from './ingest';
import * as accountsRepo from './repositories/accounts';
import * as aiFeedRepo from './repositories/ai-feed';
import * as automationRepo from './repositories/automation';
import * as automationTriggersRepo from './repositories/automation-triggers';
import * as chatChangeQueueRepo from './repositories/chat-change-queue';
import * as chatsRepo from './repositories/chats';
import * as contactsRepo from './repositories/contacts';
import * as customerRepo from './repositories/customer';
import * as customerEditRepo from './repositories/customer-edit';
import * as insightsRepo from './repositories/insights';
import * as catchUpRepo from './repositories/catch-up';
import * as kvRepo from './repositories/kv';
import * as messagesRepo from './repositories/messages';
import * as notesRepo from './repositories/notes';
import * as noteQueueRepo from './repositories/note-queue';
import * as outboxRepo from './repositories/outbox';
import * as searchRepo from './repositories/search';
import * as syncRepo from './repositories/sync';
import type { SearchMaintenance, SearchMaintenanceOptions } from './search-maintenance';
import { startSearchMaintenance } from './search-maintenance';

export type { SqlDb, StoreDb } from './db';
export { openDatabase } from './db';
export type { Checkpointer, CheckpointerCounts } from './checkpointer';
export type { SearchMaintenance, SearchMaintenanceCounts, SearchMaintenanceOptions } from './search-maintenance';
export { startSearchMaintenance } from './search-maintenance';
export type { FtsTable, MergeRun, MergeSlice } from './search-merge';
export { createMergeSlicer, mergeDue, mergeSearchIndex, searchIndexSegments, segmentPages } from './search-merge';
export type { IngestFacts, IngestRejection, IngestReport } from './ingest';
export { ingest, ingestWithFacts, importMessages, IMPORT_BATCH_SIZE } from './ingest';
export * from './repositories/accounts';
export * from './repositories/ai-feed';
export * from './repositories/automation';
export * from './repositories/automation-triggers';
export * from './repositories/chat-change-queue';
export * from './repositories/chats';
export * from './repositories/contacts';
export * from './repositories/customer';
export * from './repositories/customer-edit';
export * from './repositories/insights';
export * from './repositories/catch-up';
export * from './repositories/kv';
export * from './repositories/messages';
export * from './repositories/notes';
export * from './repositories/note-queue';
export * from './repositories/outbox';
export * from './repositories/search';
export * from './repositories/sync';

const repository = {
  ...accountsRepo,
  ...aiFeedRepo,
  ...automationRepo,
  ...automationTriggersRepo,
  ...catchUpRepo,
  ...chatChangeQueueRepo,
  ...chatsRepo,
  ...contactsRepo,
  ...customerRepo,
  ...customerEditRepo,
  ...insightsRepo,
  ...kvRepo,
  ...messagesRepo,
  ...notesRepo,
  ...noteQueueRepo,
  ...outboxRepo,
  ...searchRepo,
  ...syncRepo,
  ingest,
  ingestWithFacts,
  importMessages,
};

type Repository = typeof repository;
type DbFunctionKeys = {
  [K in keyof Repository]: Repository[K] extends (db: StoreDb, ...args: never[]) => unknown ? K : never;
}[keyof Repository];
type Bound<F> = F extends (db: StoreDb, ...args: infer A) => infer R ? (...args: A) => R : never;

/** Every db-first repository function, bound to one database. */
export type StoreApi = { readonly [K in DbFunctionKeys]: Bound<Repository[K]> };

export type Store = StoreApi & {
  readonly db: StoreDb;
  /**
   * Runs `fn` as one write transaction (a savepoint when already inside one): many small
   * writes, e.g. a page of workspace events, commit once instead of once each.
   */
  transaction<T>(fn: () => T): T;
  /** The checkpoint thread, null when SQLite checkpoints on commit (in-memory, or turned off). */
  readonly checkpointer: Checkpointer | null;
  /** The search index's idle-time merging (search-maintenance.ts), null when turned off. */
  readonly searchMaintenance: SearchMaintenance | null;
  /** Stops the search maintenance and the checkpoint thread, truncates the WAL into the main file and closes the database. */
  close(): void;
};

export type OpenStoreOptions = {
  /** Path of the database file, or ':memory:'. */
  readonly file: string;
  /** Folder of the drizzle migrations; defaults to ./migrations next to this source. */
  readonly migrationsDir?: string;
  readonly log?: Logger;
  /** A better_sqlite3.node for the running runtime (Electron); see OpenDatabaseOptions. */
  readonly nativeBinding?: string;
  /**
   * How often the checkpoint thread looks for new commits (default 250 ms). 0: no thread,
   * SQLite checkpoints inside the commit that crosses 1,000 WAL pages (tests).
   */
  readonly checkpointEveryMs?: number;
  /** Quiet time after which the thread truncates the WAL (default 5 s). */
  readonly checkpointIdleMs?: number;
  /** WAL frames left after a PASSIVE above which the thread RESTARTs the WAL (default 16,000: 64 MB). */
  readonly checkpointRestartFrames?: number;
  /**
   * The search index's idle-time merging: on by default for a file (false: off, e.g. the
   * benchmark, which runs it itself at a point it chooses); never for ':memory:'.
   */
  readonly searchMaintenance?: SearchMaintenanceOptions | false;
};

function isDbFunction(key: string, fn: unknown): fn is (db: StoreDb, ...args: unknown[]) => unknown {
  return typeof fn === 'function' && key !== 'toFtsQuery' && key !== 'localProviderId';
}

const DEFAULT_CHECKPOINT_POLL_MS = 250;

function checkpointerFor(db: StoreDb, opts: OpenStoreOptions): Checkpointer | null {
  if (opts.checkpointEveryMs === 0 || opts.file === ':memory:' || opts.file === '') return null;
  setAutoCheckpoint(db, false);
  const checkpointer = startCheckpointer({
    file: opts.file,
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    pollMs: opts.checkpointEveryMs ?? DEFAULT_CHECKPOINT_POLL_MS,
    ...(opts.checkpointIdleMs !== undefined ? { idleMs: opts.checkpointIdleMs } : {}),
    ...(opts.checkpointRestartFrames !== undefined ? { restartFrames: opts.checkpointRestartFrames } : {}),
    log: db.log,
    onFailure: () => setAutoCheckpoint(db, true),
  });
  db.beforeWrite = () => checkpointer.yieldForRestart();
  return checkpointer;
}

function searchMaintenanceFor(db: StoreDb, opts: OpenStoreOptions): SearchMaintenance | null {
  if (opts.searchMaintenance === false || opts.file === ':memory:' || opts.file === '') return null;
  return startSearchMaintenance(db, { log: db.log, ...opts.searchMaintenance });
}

export function openStore(opts: OpenStoreOptions): Store {
  return storeOver(openDatabase(opts), opts);
}

/**
 * The whole store over the connection the core process's first step opened and migrated
 * (first-step.ts, #23): the ORM, the checkpoint thread and every repository, on the same
 * connection and statement cache.
 */
export function completeStore(first: SqlDb, opts: OpenStoreOptions): Store {
  return storeOver(withOrm(first), opts);
}

function storeOver(db: StoreDb, opts: OpenStoreOptions): Store {
  const checkpointer = checkpointerFor(db, opts);
  const searchMaintenance = searchMaintenanceFor(db, opts);
  const bound: Record<string, unknown> = {};
  for (const [key, fn] of Object.entries(repository)) {
    if (isDbFunction(key, fn)) bound[key] = (...args: unknown[]) => fn(db, ...args);
  }
  db.log.info('store: opened', { file: opts.file });
  return {
    ...(bound as StoreApi),
    db,
    checkpointer,
    searchMaintenance,
    transaction: fn => inTransaction(db, fn),
    close() {
      searchMaintenance?.stop();
      checkpointer?.stop();
      if (!db.sqlite.open) return;
      db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      db.sqlite.close();
    },
  };
}

export type { BackupPaths } from './backup';
export { applyStagedRestore, cancelRestore, createBackup, listBackups, stageRestore } from './backup';
export { knownMigrationCount } from './db';
