/**
 * The repository shape that every request relayed to a number's host shares
 * (reaction_requests 0024, message_changes 0038): the row is inserted before anything is
 * relayed, keyed by the client's id, so a retry finds it and nothing reaches WhatsApp twice;
 * it waits as `queued` until the host reports, is offered to the host again while it
 * waits, and its state moves from queued to sent or failed once. The tables differ only by
 * their id column and their payload columns, so one set of queries serves both; each
 * domain's file keeps what is its own (its wire shape, its checks).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { MySqlColumn, MySqlTable } from 'drizzle-orm/mysql-core';
import type { Exec } from '../index';
import { isDuplicateKey } from './chats';

/** The columns the shared queries read and write. */
type RelayedTable = MySqlTable & {
  readonly accountId: MySqlColumn;
  readonly state: MySqlColumn;
  readonly error: MySqlColumn;
  readonly updatedAt: MySqlColumn;
};

/** The outcome a host reports. */
export type RelayedOutcome = { state: 'sent' | 'failed'; error: string | null };

/** A host asks for at most this many waiting requests at once when it reconnects. */
const QUEUED_LIMIT = 500;

/** The stored state as the wire carries it: anything not settled is still queued. */
export const wireRelayedState = (state: string): 'queued' | 'sent' | 'failed' =>
  state === 'sent' || state === 'failed' ? state : 'queued';

export type RelayedRequests<Row> = {
  byId(db: Exec, id: string): Promise<Row | undefined>;
  /** False when the id is already taken (a retry, or a race with one). */
  insert(db: Exec, row: Row): Promise<boolean>;
  /** Settles a queued request; false when it was settled already (the first outcome wins). */
  settle(db: Exec, id: string, outcome: RelayedOutcome, now: number): Promise<boolean>;
  /** The requests still waiting for a report from the host of these numbers. */
  queued(db: Exec, accountIds: readonly string[]): Promise<Row[]>;
};

export function relayedRequests<T extends RelayedTable>(
  table: T,
  idColumn: MySqlColumn,
): RelayedRequests<T['$inferSelect']> {
  return {
    async byId(db, id) {
      const [row] = await db.select().from(table).where(eq(idColumn, id)).limit(1);
      return row;
    },
    async insert(db, row) {
      try {
        await db.insert(table).values(row);
        return true;
      } catch (err) {
        // drizzle wraps the driver's error: the duplicate key is found on its cause.
        if (isDuplicateKey(err)) return false;
        throw err;
      }
    },
    async settle(db, id, outcome, now) {
      // Written out: drizzle's .set() cannot name the columns of a table only known by its shape.
      const [r] = await db.execute(
        sql`update ${table} set ${table.state} = ${outcome.state}, ${table.error} = ${outcome.error},
              ${table.updatedAt} = ${now} where ${and(eq(idColumn, id), eq(table.state, 'queued'))}`,
      );
      return r.affectedRows > 0;
    },
    async queued(db, accountIds) {
      if (accountIds.length === 0) return [];
      return db
        .select()
        .from(table)
        .where(and(inArray(table.accountId, [...accountIds]), eq(table.state, 'queued')))
        .limit(QUEUED_LIMIT);
    },
  };
}
