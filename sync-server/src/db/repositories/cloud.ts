/**
 * Cloud API numbers (cloud_numbers), the verified webhook bodies waiting to be stored
 * (cloud_webhook_inbox) and the sends the server performs for those numbers. The inbox is
 * claimed row by row with a lease on `next_attempt_at`, so two nodes never work one body
 * at once and a node that dies mid-way leaves it for the next.
 */
import type { ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { and, asc, eq, inArray, lt } from 'drizzle-orm';
import { CLOUD_PROVIDER } from '../../../../common/cloud/ids';
import { randomInt } from 'node:crypto';
import type { Database, Exec, RawExec, RawTx } from '../index';
import { accounts, cloudNumbers, sends } from '../schema';

export type CloudNumberRow = typeof cloudNumbers.$inferSelect;

export async function insertCloudNumber(db: Exec, row: typeof cloudNumbers.$inferInsert): Promise<void> {
  await db.insert(cloudNumbers).values(row);
}

export async function listCloudNumbers(db: Exec): Promise<CloudNumberRow[]> {
  return db.select().from(cloudNumbers).orderBy(asc(cloudNumbers.createdAt));
}

export async function cloudNumberOf(db: Exec, accountId: string): Promise<CloudNumberRow | undefined> {
  const [row] = await db.select().from(cloudNumbers).where(eq(cloudNumbers.accountId, accountId)).limit(1);
  return row;
}

export async function cloudNumberByPhoneId(db: Exec, phoneNumberId: string): Promise<CloudNumberRow | undefined> {
  const [row] = await db.select().from(cloudNumbers).where(eq(cloudNumbers.phoneNumberId, phoneNumberId)).limit(1);
  return row;
}

export async function deleteCloudNumber(db: Exec, accountId: string): Promise<void> {
  await db.delete(cloudNumbers).where(eq(cloudNumbers.accountId, accountId));
}

/** Cloud accounts among these ids (a send to one is the server's to perform). */
export async function isCloudAccount(db: Exec, accountId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.id, accountId), eq(accounts.provider, CLOUD_PROVIDER)))
    .limit(1);
  return row !== undefined;
}

// ---- the webhook inbox ----

/** Several bodies in one statement (the webhook's writer groups concurrent POSTs). */
export async function insertInboxMany(db: RawExec, bodies: readonly string[], now: number): Promise<void> {
  if (bodies.length === 0) return;
  await db.query(`insert into cloud_webhook_inbox (received_at, body, status, attempts, next_attempt_at) values ?`, [
    bodies.map(body => [now, body, 'pending', 0, now]),
  ]);
}

export type InboxRow = { id: number; body: string; attempts: number };

/**
 * Due pending bodies, oldest first, each claimed until about `leaseUntil` (rows another node
 * took are skipped). One UPDATE claims them all (one commit, one log flush, rather than one
 * per body: those flushes queued in front of the webhook's own insert and delayed its 200).
 * The lease carries a random millisecond offset so that this claim's rows are the ones
 * holding its value; two nodes claiming the same body in the same instant with the same
 * offset would both store it, which changes nothing the second time (the path is idempotent).
 */
export async function claimInbox(db: RawExec, now: number, leaseUntil: number, limit: number): Promise<InboxRow[]> {
  const [due] = await db.query<RowDataPacket[]>(
    `select id from cloud_webhook_inbox where status = 'pending' and next_attempt_at <= ? order by id limit ?`,
    [now, limit],
  );
  if (due.length === 0) return [];
  const ids = due.map(r => Number(r['id']));
  const lease = leaseUntil + randomInt(1000);
  await db.query(
    `update cloud_webhook_inbox set next_attempt_at = ?, attempts = attempts + 1
     where id in (?) and status = 'pending' and next_attempt_at <= ?`,
    [lease, ids, now],
  );
  const [rows] = await db.query<RowDataPacket[]>(
    'select id, body, attempts from cloud_webhook_inbox where id in (?) and next_attempt_at = ? order by id',
    [ids, lease],
  );
  return rows.map(r => ({ id: Number(r['id']), body: String(r['body']), attempts: Number(r['attempts']) }));
}

export type InboxOutcome = {
  readonly id: number;
  readonly status: 'done' | 'failed' | 'pending';
  readonly error: string | null;
  readonly nextAttemptAt: number;
};

/** The outcomes of one round in one transaction (one log flush), a statement per distinct outcome. */
export async function finishInbox(
  db: Pick<Database, 'rawTransaction'>,
  outcomes: readonly InboxOutcome[],
): Promise<void> {
  const groups = new Map<string, { o: InboxOutcome; ids: number[] }>();
  for (const o of outcomes) {
    const error = o.error?.slice(0, 200) ?? null;
    const key = JSON.stringify([o.status, error, o.nextAttemptAt]);
    const g = groups.get(key) ?? { o: { ...o, error }, ids: [] };
    g.ids.push(o.id);
    groups.set(key, g);
  }
  if (groups.size === 0) return;
  await db.rawTransaction(async tx => {
    for (const { o, ids } of groups.values())
      await tx.query('update cloud_webhook_inbox set status = ?, error = ?, next_attempt_at = ? where id in (?)', [
        o.status,
        o.error,
        o.nextAttemptAt,
        ids,
      ]);
  });
}

/** Which of these provider message ids the account has stored (statuses wait for their message). */
export async function storedMessageIds(db: RawExec, accountId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const [rows] = await db.query<RowDataPacket[]>(
    'select provider_message_id from messages where account_id = ? and provider_message_id in (?)',
    [accountId, [...ids]],
  );
  return new Set(rows.map(r => String(r['provider_message_id'])));
}

/** When the customer last wrote in this chat (the 24-hour window runs from it), or null. */
export async function lastInboundAt(db: RawExec, chatId: string): Promise<number | null> {
  const [rows] = await db.query<RowDataPacket[]>(
    // Walks the chat's time index from the newest row and stops at the first inbound one.
    'select ts from messages where chat_id = ? and from_me = false order by ts desc limit 1',
    [chatId],
  );
  const at = rows[0]?.['ts'];
  return at === null || at === undefined ? null : Number(at);
}

// ---- sends the server performs ----

/** Queued sends of Cloud numbers, oldest first. */
export async function queuedCloudSends(db: Exec, limit: number): Promise<Array<typeof sends.$inferSelect>> {
  return db
    .select({ s: sends })
    .from(sends)
    .innerJoin(accounts, eq(accounts.id, sends.accountId))
    .where(and(eq(accounts.provider, CLOUD_PROVIDER), eq(sends.state, 'queued')))
    .orderBy(asc(sends.rowId))
    .limit(limit)
    .then(rows => rows.map(r => r.s));
}

/** Takes a queued send for this node: false when another node (or a retry) took it first. */
export async function claimSend(db: Exec, clientMessageId: string, now: number): Promise<boolean> {
  const [res] = await db
    .update(sends)
    .set({ state: 'forwarded', updatedAt: now })
    .where(and(eq(sends.clientMessageId, clientMessageId), eq(sends.state, 'queued')));
  return res.affectedRows === 1;
}

/**
 * Sends a node took and never reported (it stopped mid-request): Graph may or may not have
 * delivered them, so they fail as `unconfirmed` for a person to check rather than go twice.
 */
export async function staleCloudSends(db: Exec, before: number): Promise<string[]> {
  const rows = await db
    .select({ id: sends.clientMessageId })
    .from(sends)
    .innerJoin(accounts, eq(accounts.id, sends.accountId))
    .where(and(eq(accounts.provider, CLOUD_PROVIDER), eq(sends.state, 'forwarded'), lt(sends.updatedAt, before)))
    .limit(100);
  return rows.map(r => r.id);
}

export async function sendsByIds(db: Exec, ids: readonly string[]): Promise<Array<typeof sends.$inferSelect>> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(sends)
    .where(inArray(sends.clientMessageId, [...ids]));
}

/** The number's account row: hosted by the server, so no host device and always online. */
export async function upsertCloudAccount(
  db: Exec,
  a: { id: string; name: string; phone: string | null; now: number },
): Promise<void> {
  await db
    .insert(accounts)
    .values({
      id: a.id,
      name: a.name,
      phone: a.phone,
      provider: CLOUD_PROVIDER,
      hostDeviceId: null,
      hostMemberId: null,
      hostOnline: true,
      state: 'ready',
      createdAt: a.now,
    })
    .onDuplicateKeyUpdate({ set: { name: a.name, phone: a.phone, hostOnline: true, state: 'ready' } });
}

/** A removed number keeps its chats for reading; it stops receiving and sending. */
export async function stopCloudAccount(db: Exec, id: string): Promise<void> {
  await db.update(accounts).set({ hostOnline: false, state: 'removed' }).where(eq(accounts.id, id));
}

/** The outcome of a send the server performed; false when it was settled already (first one wins). */
export async function settleSend(
  tx: RawTx,
  clientMessageId: string,
  r: { state: 'sent'; providerMessageId: string } | { state: 'failed'; error: string },
  now: number,
): Promise<boolean> {
  const [res] = await tx.query<ResultSetHeader>(
    `update sends set state = ?, provider_message_id = ?, error = ?, updated_at = ?
     where client_message_id = ? and state in ('queued', 'forwarded')`,
    [
      r.state,
      r.state === 'sent' ? r.providerMessageId : null,
      r.state === 'failed' ? r.error : null,
      now,
      clientMessageId,
    ],
  );
  return res.affectedRows === 1;
}

export async function assigneeOf(tx: RawExec, chatId: string): Promise<string | null> {
  const [rows] = await tx.query<RowDataPacket[]>('select assignee_id from chats where id = ?', [chatId]);
  const id: unknown = rows[0]?.['assignee_id'];
  return typeof id === 'string' ? id : null;
}

/** The media hash of a message already stored (a redelivered webhook need not fetch its bytes again). */
export async function storedMediaSha(
  db: RawExec,
  accountId: string,
  providerMessageId: string,
): Promise<string | null> {
  const [rows] = await db.query<RowDataPacket[]>(
    'select media_sha256 from messages where account_id = ? and provider_message_id = ?',
    [accountId, providerMessageId],
  );
  const sha: unknown = rows[0]?.['media_sha256'];
  return typeof sha === 'string' ? sha : null;
}

/** What Meta last said about a number's standing; a field left out keeps its value. */
export async function setCloudQuality(
  db: Exec,
  accountId: string,
  q: { qualityRating?: string; messagingLimit?: string; qualityEvent?: string; at: number },
): Promise<void> {
  await db
    .update(cloudNumbers)
    .set({
      ...(q.qualityRating !== undefined ? { qualityRating: q.qualityRating } : {}),
      ...(q.messagingLimit !== undefined ? { messagingLimit: q.messagingLimit } : {}),
      ...(q.qualityEvent !== undefined ? { qualityEvent: q.qualityEvent } : {}),
      qualityAt: q.at,
    })
    .where(eq(cloudNumbers.accountId, accountId));
}
