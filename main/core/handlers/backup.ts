import type { backupCommands } from '../../../common/api/backup';
import { CommandError } from '../../../common/result';
import type { BackupPaths, Store } from '../../store';
import { cancelRestore, createBackup, listBackups, stageRestore } from '../../store';
import type { HandlerTable } from '../router';

type BackupHandlers = Pick<HandlerTable, keyof typeof backupCommands>;

/** Settings → Backup: copies of the local database, and a restore applied at the next start. */
export function backupHandlers(store: Pick<Store, 'db'>, paths: BackupPaths, now: () => number): BackupHandlers {
  // One backup at a time: a second click while one is written would only make a duplicate.
  let running: Promise<unknown> | null = null;
  return {
    'backup:list': () => listBackups(paths),
    'backup:create': async () => {
      if (running) throw new CommandError('conflict', 'a backup is already being made');
      const task = createBackup(store.db, paths, now());
      running = task;
      try {
        const made = await task;
        if (!made.ok) throw new CommandError('internal', `backup failed: ${made.problem}`, { problem: made.problem });
        return made.value;
      } finally {
        running = null;
      }
    },
    'backup:restore': ({ name }) => {
      const staged = stageRestore(store.db, paths, name);
      if (!staged.ok) {
        const code = staged.problem === 'not_found' ? 'not_found' : 'invalid_args';
        throw new CommandError(code, `this backup cannot be restored: ${staged.problem}`, { problem: staged.problem });
      }
      return { pendingRestore: name };
    },
    'backup:cancel-restore': () => {
      cancelRestore(paths);
      return { pendingRestore: null };
    },
  };
}
