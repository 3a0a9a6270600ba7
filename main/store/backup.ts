/**
 * Backups of the local database. A backup is SQLite's online backup of the open database
 * (consistent while accounts keep writing), written under a temporary name and renamed
 * only once it passed `PRAGMA integrity_check`, so a half-written copy is never listed.
 * A restore never swaps the file under a running app: it is checked, staged next to the
 * database, and applied by `applyStagedRestore` at the next start, before the store opens;
 * the database it replaces is kept beside it.
 */
import Database from 'better-sqlite3';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo, BackupList, BackupProblem } from '../../common/api/backup';
import { BACKUPS_KEPT, BACKUP_NAME } from '../../common/api/backup';
import type { Logger } from '../platform/log';
import type { StoreDb } from './db';
import { stagedRestoreFile } from './restore-file';

export type BackupPaths = {
  /** The live database file. */
  readonly dbFile: string;
  /** Where backups are written. */
  readonly dir: string;
  readonly nativeBinding?: string;
};

export type Checked = { ok: true; messages: number; chats: number } | { ok: false; problem: BackupProblem };

const staged = (p: BackupPaths) => stagedRestoreFile(p.dbFile);
const stagedNote = (p: BackupPaths) => `${p.dbFile}.restore.json`;
const previousOf = (p: BackupPaths) => `${p.dbFile}.before-restore`;
const restoreNote = (p: BackupPaths) => join(p.dir, 'last-restore.json');
const MIGRATIONS_TABLE = '__drizzle_migrations';

/**
 * Opens the file read-only and checks it is whole and ours. `knownMigrations` is how many
 * migrations this app has: a backup made by a newer app cannot be opened by this one.
 */
export function checkBackup(file: string, knownMigrations: number, nativeBinding?: string): Checked {
  if (!existsSync(file)) return { ok: false, problem: 'not_found' };
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return { ok: false, problem: 'corrupt' };
    const tables = new Set(
      (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map(r => r.name),
    );
    if (!tables.has('messages') || !tables.has('chats') || !tables.has(MIGRATIONS_TABLE))
      return { ok: false, problem: 'not_a_backup' };
    const applied = (db.prepare(`SELECT count(*) AS n FROM ${MIGRATIONS_TABLE}`).get() as { n: number }).n;
    if (applied > knownMigrations) return { ok: false, problem: 'newer_version' };
    const count = (table: string) => (db!.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { ok: true, messages: count('messages'), chats: count('chats') };
  } catch {
    // Not a database at all ("file is not a database"), or unreadable.
    return { ok: false, problem: 'corrupt' };
  } finally {
    db?.close();
  }
}

/** How many migrations the open database has applied: what this app knows. */
export function appliedMigrations(db: StoreDb): number {
  return (db.sqlite.prepare(`SELECT count(*) AS n FROM ${MIGRATIONS_TABLE}`).get() as { n: number }).n;
}

const pad = (n: number) => String(n).padStart(2, '0');
function nameAt(ms: number): string {
  const d = new Date(ms);
  const day = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
  return `blazz-${day}-${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

function freeName(dir: string, ms: number): string {
  const base = nameAt(ms);
  if (!existsSync(join(dir, `${base}.sqlite`))) return `${base}.sqlite`;
  for (let i = 2; i < 1000; i++) if (!existsSync(join(dir, `${base}-${i}.sqlite`))) return `${base}-${i}.sqlite`;
  throw new Error('too many backups in the same second');
}

type Meta = { createdAt: number; messages: number; chats: number };
const metaFile = (dir: string, name: string) => join(dir, `${name}.json`);

function readMeta(dir: string, name: string): Meta | null {
  try {
    const v = JSON.parse(readFileSync(metaFile(dir, name), 'utf8')) as Partial<Meta>;
    return typeof v.createdAt === 'number' && typeof v.messages === 'number' && typeof v.chats === 'number'
      ? { createdAt: v.createdAt, messages: v.messages, chats: v.chats }
      : null;
  } catch {
    return null;
  }
}

function infoOf(dir: string, name: string): BackupInfo | null {
  try {
    const stat = statSync(join(dir, name));
    const meta = readMeta(dir, name);
    return {
      name,
      bytes: stat.size,
      createdAt: meta?.createdAt ?? stat.mtimeMs,
      messages: meta?.messages ?? 0,
      chats: meta?.chats ?? 0,
    };
  } catch {
    return null;
  }
}

/** `…-221530.sqlite` is the first made in that second, `…-221530-2.sqlite` the second. */
const copyNumber = (name: string) => Number(/^blazz-\d{8}-\d{6}-(\d+)\.sqlite$/.exec(name)?.[1] ?? 1);

function backupsIn(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter(n => BACKUP_NAME.test(n))
    .map(n => infoOf(dir, n))
    .filter((b): b is BackupInfo => b !== null)
    .sort((a, b) => b.createdAt - a.createdAt || copyNumber(b.name) - copyNumber(a.name));
}

function removeBackup(dir: string, name: string): void {
  rmSync(join(dir, name), { force: true });
  rmSync(metaFile(dir, name), { force: true });
}

export async function createBackup(
  db: StoreDb,
  paths: BackupPaths,
  now: number,
): Promise<{ ok: true; value: BackupInfo } | { ok: false; problem: BackupProblem }> {
  mkdirSync(paths.dir, { recursive: true });
  const name = freeName(paths.dir, now);
  const partial = join(paths.dir, `${name}.partial`);
  try {
    await db.sqlite.backup(partial);
    const checked = checkBackup(partial, appliedMigrations(db), paths.nativeBinding);
    if (!checked.ok) return { ok: false, problem: checked.problem };
    writeFileSync(
      metaFile(paths.dir, name),
      JSON.stringify({ createdAt: now, messages: checked.messages, chats: checked.chats }),
    );
    renameSync(partial, join(paths.dir, name));
  } finally {
    rmSync(partial, { force: true });
  }
  for (const old of backupsIn(paths.dir).slice(BACKUPS_KEPT)) removeBackup(paths.dir, old.name);
  const info = infoOf(paths.dir, name);
  return info ? { ok: true, value: info } : { ok: false, problem: 'not_found' };
}

type StagedNote = { name: string };
type RestoreNote = { name: string; at: number; previous: string };

function readJson<T>(file: string, valid: (v: Record<string, unknown>) => boolean): T | null {
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return typeof v === 'object' && v !== null && valid(v as Record<string, unknown>) ? (v as T) : null;
  } catch {
    return null;
  }
}

export function listBackups(paths: BackupPaths): BackupList {
  const pending = existsSync(staged(paths))
    ? (readJson<StagedNote>(stagedNote(paths), v => typeof v['name'] === 'string')?.name ?? 'backup')
    : null;
  return {
    backups: backupsIn(paths.dir),
    folder: paths.dir,
    pendingRestore: pending,
    lastRestore: readJson<RestoreNote>(
      restoreNote(paths),
      v => typeof v['name'] === 'string' && typeof v['at'] === 'number' && typeof v['previous'] === 'string',
    ),
  };
}

/** Checks the backup against this app and stages a copy for the next start. */
export function stageRestore(
  db: StoreDb,
  paths: BackupPaths,
  name: string,
): { ok: true } | { ok: false; problem: BackupProblem } {
  if (!BACKUP_NAME.test(name)) return { ok: false, problem: 'not_found' };
  const file = join(paths.dir, name);
  const checked = checkBackup(file, appliedMigrations(db), paths.nativeBinding);
  if (!checked.ok) return checked;
  const partial = `${staged(paths)}.partial`;
  copyFileSync(file, partial);
  renameSync(partial, staged(paths));
  writeFileSync(stagedNote(paths), JSON.stringify({ name } satisfies StagedNote));
  return { ok: true };
}

export function cancelRestore(paths: BackupPaths): void {
  rmSync(staged(paths), { force: true });
  rmSync(stagedNote(paths), { force: true });
}

/**
 * At start, before the store opens: puts a staged backup in place of the database and
 * keeps the replaced one as `<db>.before-restore`. A staged file that no longer checks
 * out is set aside (`.restore-failed`) and the database is left as it was.
 */
export function applyStagedRestore(
  paths: BackupPaths,
  knownMigrations: number,
  now: number,
  log: Logger,
): 'none' | 'restored' | 'failed' {
  const file = staged(paths);
  if (!existsSync(file)) return 'none';
  const name = readJson<StagedNote>(stagedNote(paths), v => typeof v['name'] === 'string')?.name ?? 'backup';
  const checked = checkBackup(file, knownMigrations, paths.nativeBinding);
  if (!checked.ok) {
    renameSync(file, `${file}-failed`);
    rmSync(stagedNote(paths), { force: true });
    log.error('store: staged restore refused, database left as it was', { problem: checked.problem });
    return 'failed';
  }
  if (existsSync(paths.dbFile)) {
    // Fold the write-ahead log into the file, so what is kept is the whole database.
    const current = new Database(paths.dbFile, paths.nativeBinding ? { nativeBinding: paths.nativeBinding } : {});
    try {
      current.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      current.close();
    }
    renameSync(paths.dbFile, previousOf(paths));
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${paths.dbFile}${suffix}`, { force: true });
  renameSync(file, paths.dbFile);
  rmSync(stagedNote(paths), { force: true });
  mkdirSync(paths.dir, { recursive: true });
  writeFileSync(
    restoreNote(paths),
    JSON.stringify({ name, at: now, previous: previousOf(paths) } satisfies RestoreNote),
  );
  log.info('store: restored from a backup', { name, messages: checked.messages });
  return 'restored';
}
