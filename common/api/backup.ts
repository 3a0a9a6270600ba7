/**
 * Back up and restore this desktop's database from Settings. A backup is a consistent copy
 * taken while the app runs (SQLite's online backup), checked before it is listed; a restore
 * is checked again, then applied when the app next starts, before anything opens the file.
 */
import { z } from 'zod';
import { command } from './define';

/** `blazz-20261204-221530.sqlite`: names the core made; anything else is refused. */
export const BACKUP_NAME = /^blazz-\d{8}-\d{6}(-\d{1,3})?\.sqlite$/;
/** Older backups beyond this many are removed when a new one is made. */
export const BACKUPS_KEPT = 5;

export type BackupInfo = {
  readonly name: string;
  readonly bytes: number;
  readonly createdAt: number;
  /** Counted when the backup was checked. */
  readonly messages: number;
  readonly chats: number;
};

export type BackupList = {
  /** Newest first. */
  readonly backups: readonly BackupInfo[];
  /** The folder they are in, so a user can copy them elsewhere. */
  readonly folder: string;
  /** A restore waiting for the next start. */
  readonly pendingRestore: string | null;
  /** The last restore applied at start, and what was kept of the database it replaced. */
  readonly lastRestore: { readonly name: string; readonly at: number; readonly previous: string } | null;
};

/** Why a backup cannot be used: codes the renderer words. */
export type BackupProblem = 'not_found' | 'corrupt' | 'newer_version' | 'not_a_backup';

const nameSchema = z.string().max(60).regex(BACKUP_NAME);

export const backupCommands = {
  'backup:list': command<BackupList>()(z.strictObject({})),
  'backup:create': command<BackupInfo>()(z.strictObject({})),
  /** Checks the backup and schedules it for the next start; `details.problem` says why not. */
  'backup:restore': command<{ readonly pendingRestore: string }>()(z.strictObject({ name: nameSchema })),
  'backup:cancel-restore': command<{ readonly pendingRestore: null }>()(z.strictObject({})),
} as const;
