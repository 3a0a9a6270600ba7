/**
 * The store as the core process's first step opens it (#23): the connection and the first
 * screen's four reads, with neither drizzle nor any command schema loaded. A staged restore
 * or a migration the file lacks still runs first, through the modules that do it, loaded
 * only then (after an update or a restore, not on a daily start). The rest of the store
 * (the ORM, the checkpoint thread, every other repository) is added by `completeStore`
 * (index.ts) once the whole core loads.
 */
import { existsSync } from 'node:fs';
import type { Chat, ChatId } from '../../common/domain';
import type { Logger } from '../platform/log';
import type { OpenConnectionOptions, SqlDb } from './connection';
import { knownMigrationCount, migrationsPending, openSqlite, sqlDbOver } from './connection';
import type { AccountUnread, InboxPageRequest, Page } from './repositories/chats';
import { getChat, inboxPage, unreadCounts } from './repositories/chats';
import type { ChatPage, ChatPageRequest } from './repositories/messages';
import { chatPage } from './repositories/messages';
import { stagedRestoreFile } from './restore-file';

export type FirstStepOptions = OpenConnectionOptions & {
  readonly log: Logger;
  readonly now: () => number;
  /** Folder of the store's migrations (bundles pass dist/migrations/store). */
  readonly migrationsDir?: string;
  /** Where backups live (a staged restore keeps the database it replaces there). */
  readonly backupsDir: string;
};

/** The first screen's reads, as the whole Store names them (handlers/inbox.ts serves both). */
export type FirstScreenStore = {
  inboxPage(req: InboxPageRequest): Page<Chat>;
  getChat(id: ChatId): Chat | null;
  unreadCounts(): AccountUnread[];
  chatPage(req: ChatPageRequest): ChatPage;
};

export type FirstStepStore = FirstScreenStore & {
  readonly db: SqlDb;
  /** Truncates the WAL into the file and closes (a stop before the whole store existed). */
  close(): void;
};

export async function openFirstStep(opts: FirstStepOptions): Promise<FirstStepStore> {
  // A restore chosen in Settings is applied here, before anything opens the database.
  if (existsSync(stagedRestoreFile(opts.file))) {
    const { applyStagedRestore } = await import('./backup');
    applyStagedRestore(
      { dbFile: opts.file, dir: opts.backupsDir, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) },
      knownMigrationCount(opts.migrationsDir),
      opts.now(),
      opts.log,
    );
  }
  const sqlite = openSqlite(opts);
  let db: SqlDb;
  try {
    if (migrationsPending(sqlite, opts.migrationsDir)) {
      const { migrateSqlite } = await import('./db');
      migrateSqlite(sqlite, opts.migrationsDir);
    }
    db = sqlDbOver(sqlite, opts.log);
  } catch (err) {
    sqlite.close();
    throw err;
  }
  opts.log.info('store: opened for the first screen', { file: opts.file });
  return {
    db,
    inboxPage: req => inboxPage(db, req),
    getChat: id => getChat(db, id),
    unreadCounts: () => unreadCounts(db),
    chatPage: req => chatPage(db, req),
    close() {
      if (!sqlite.open) return;
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      sqlite.close();
    },
  };
}
