/**
 * The core process's first step (#23): the data folder, a staged restore, the store open
 * for the first screen's reads, without drizzle or any command schema. `completeOpened`
 * (open-store.ts) turns it into the whole store once the rest of the core loads.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupPaths } from '../store/backup';
import type { FirstStepStore } from '../store/first-step';
import { openFirstStep } from '../store/first-step';
import type { OpenStoreOptions } from './open-store';

export type FirstStep = {
  readonly store: FirstStepStore;
  readonly backupPaths: BackupPaths;
  /** When the core's start began (the app's "started at"). */
  readonly startedAt: number;
  /** The migrations folder the store was opened with (the whole store keeps it). */
  readonly migrationsDir: string | undefined;
};

export async function openCoreFirstStep(options: OpenStoreOptions): Promise<FirstStep> {
  mkdirSync(options.dataDir, { recursive: true });
  const startedAt = options.now();
  const migrationsDir = options.migrationsDir && existsSync(options.migrationsDir) ? options.migrationsDir : undefined;
  const backupPaths: BackupPaths = {
    dbFile: join(options.dataDir, 'blazz.sqlite'),
    dir: join(options.dataDir, 'backups'),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  };
  const store = await openFirstStep({
    file: backupPaths.dbFile,
    backupsDir: backupPaths.dir,
    log: options.log,
    now: options.now,
    ...(migrationsDir ? { migrationsDir } : {}),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  return { store, backupPaths, startedAt, migrationsDir };
}
