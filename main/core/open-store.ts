/**
 * The core's first step: apply a staged restore, then open (and migrate) the store. Split
 * from createCore so the core process can answer the first screen from the store while the
 * rest of the core loads (#23); createCore does it itself when given nothing.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../platform/log';
import type { BackupPaths, Store } from '../store';
import { applyStagedRestore, completeStore, knownMigrationCount, openStore } from '../store';
import type { FirstStep } from './open-first-step';

export type OpenStoreOptions = {
  readonly dataDir: string;
  readonly log: Logger;
  readonly now: () => number;
  /** Folder of the store's migrations (bundles pass dist/migrations/store). */
  readonly migrationsDir?: string | undefined;
  /** better_sqlite3.node built for Electron; the headless host and tests use node_modules' own. */
  readonly nativeBinding?: string | undefined;
};

export type OpenedStore = {
  readonly store: Store;
  readonly backupPaths: BackupPaths;
  /** When the core's start began (the app's "started at"). */
  readonly startedAt: number;
};

export function openCoreStore(options: OpenStoreOptions): OpenedStore {
  const { log, now } = options;
  mkdirSync(options.dataDir, { recursive: true });
  const startedAt = now();
  const migrationsDir = options.migrationsDir && existsSync(options.migrationsDir) ? options.migrationsDir : undefined;
  const backupPaths: BackupPaths = {
    dbFile: join(options.dataDir, 'blazz.sqlite'),
    dir: join(options.dataDir, 'backups'),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  };
  // A restore chosen in Settings is applied here, before anything opens the database.
  applyStagedRestore(backupPaths, knownMigrationCount(migrationsDir), now(), log);
  const store = openStore({
    file: backupPaths.dbFile,
    log,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(migrationsDir ? { migrationsDir } : {}),
  });
  return { store, backupPaths, startedAt };
}

/** The whole store on the connection the first step opened (open-first-step.ts, #23). */
export function completeOpened(first: FirstStep): OpenedStore {
  const store = completeStore(first.store.db, {
    file: first.backupPaths.dbFile,
    log: first.store.db.log,
    ...(first.migrationsDir ? { migrationsDir: first.migrationsDir } : {}),
    ...(first.backupPaths.nativeBinding ? { nativeBinding: first.backupPaths.nativeBinding } : {}),
  });
  return { store, backupPaths: first.backupPaths, startedAt: first.startedAt };
}
