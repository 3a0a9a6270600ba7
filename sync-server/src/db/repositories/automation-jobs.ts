/**
 * Automation's jobs (automation_jobs, 0033): work a commit leaves for after it, inserted in
 * that commit so a server stopped in between still finds it. A node takes a job with a
 * conditional update of its lease; a job is finished in the transaction that did its work,
 * and that update must touch the row, so two nodes never both commit a job.
 */
import type { ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import type { Exec, RawExec, RawTx } from '../index';
import { automationJobs } from '../schema';

export type JobKind = 'status' | 'sentiment';

export type NewJob = {
  readonly kind: JobKind;
  /** Names the occasion: a second insert with the same key adds nothing. At most 300 characters. */
  readonly key: string;
  readonly chatId: string;
  readonly payload: unknown;
  readonly at: number;
};

export type StoredJob = {
  readonly id: number;
  readonly kind: string;
  readonly chatId: string;
  /** As stored; the runner checks it with its schema. */
  readonly payload: string;
  readonly attempts: number;
};

/** In a drizzle transaction (a member's command). */
export async function enqueueJob(tx: Exec, job: NewJob): Promise<void> {
  await tx
    .insert(automationJobs)
    .ignore()
    .values({
      kind: job.kind,
      jobKey: job.key,
      chatId: job.chatId,
      payload: JSON.stringify(job.payload),
      createdAt: job.at,
    });
}

/** In a raw transaction (the push path). */
export async function enqueueJobRaw(tx: RawTx, job: NewJob): Promise<void> {
  await tx.query(
    'insert ignore into automation_jobs (kind, job_key, chat_id, payload, created_at) values (?, ?, ?, ?, ?)',
    [job.kind, job.key, job.chatId, JSON.stringify(job.payload), job.at],
  );
}

const toJob = (r: RowDataPacket): StoredJob => ({
  id: Number(r['id']),
  kind: String(r['kind']),
  chatId: String(r['chat_id']),
  payload: String(r['payload']),
  attempts: Number(r['attempts']),
});

/** The job of this occasion when it is not done yet. */
export async function pendingJob(db: RawExec, kind: JobKind, key: string): Promise<StoredJob | null> {
  const [rows] = await db.query<RowDataPacket[]>(
    'select id, kind, chat_id, payload, attempts from automation_jobs where kind = ? and job_key = ? and done_at is null',
    [kind, key],
  );
  return rows[0] ? toJob(rows[0]) : null;
}

/** Jobs not done whose lease (if any) has ended, oldest first. */
export async function dueJobs(db: RawExec, now: number, limit: number): Promise<StoredJob[]> {
  const [rows] = await db.query<RowDataPacket[]>(
    `select id, kind, chat_id, payload, attempts from automation_jobs
     where done_at is null and lease_until <= ? order by id limit ?`,
    [now, limit],
  );
  return rows.map(toJob);
}

/** Takes the job until `until`; false when another node has it or it is done. */
export async function leaseJob(db: RawExec, id: number, now: number, until: number): Promise<boolean> {
  const [res] = await db.query<ResultSetHeader>(
    `update automation_jobs set lease_until = ?, attempts = attempts + 1
     where id = ? and done_at is null and lease_until <= ?`,
    [until, id, now],
  );
  return res.affectedRows === 1;
}

/** In the job's own transaction: false when it was already done (the caller rolls back). */
export async function finishJob(tx: RawExec, id: number, now: number): Promise<boolean> {
  const [res] = await tx.query<ResultSetHeader>(
    'update automation_jobs set done_at = ? where id = ? and done_at is null',
    [now, id],
  );
  return res.affectedRows === 1;
}

/** Done jobs older than `before` are of no further use (the rule runs keep what happened). */
export async function pruneJobs(db: RawExec, before: number, limit: number): Promise<number> {
  const [res] = await db.query<ResultSetHeader>(
    'delete from automation_jobs where done_at is not null and done_at < ? limit ?',
    [before, limit],
  );
  return res.affectedRows;
}
