/**
 * How a push is stored, below the protocol.
 *
 * Live delivery of a push takes the row ids of the messages it inserted from the insert's
 * own result where the database numbers a statement's rows consecutively (InnoDB lock modes
 * 0 and 1, MariaDB's default), and reads them back otherwise (mode 2, MySQL 8's default).
 * Both must give exactly what a reader of the stored rows gets, with statements of several
 * hosts running at once.
 *
 * A push waiting for its turn may open its transaction early, but only a quarter of the
 * pool may wait like that, and what it reads is what was committed when its turn came.
 */
import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageInputSchema } from '../../../common/ingest';
import { insertsGetConsecutiveIds, migrateDatabase, openDatabase } from '../../../sync-server/src/db/index';
import type { Database } from '../../../sync-server/src/db/index';
import type { MessagesRef } from '../../../sync-server/src/db/repositories/fill';
import { fillBodies } from '../../../sync-server/src/db/repositories/fill';
import { upsertMessages } from '../../../sync-server/src/db/repositories/push';
import { startMariaDb } from '../../helpers/mariadb';
import type { MariaDb } from '../../helpers/mariadb';

const servers: MariaDb[] = [];
const databases: Database[] = [];

async function open(args: string[] = []): Promise<Database> {
  const mariadb = await startMariaDb({ args });
  servers.push(mariadb);
  const database = openDatabase(mariadb.url, { poolSize: 8 });
  databases.push(database);
  await migrateDatabase(database);
  return database;
}

let consecutive: Database;
let interleaved: Database;
beforeAll(async () => {
  [consecutive, interleaved] = await Promise.all([open(), open(['--innodb-autoinc-lock-mode=2'])]);
});
afterAll(async () => {
  for (const d of databases) await d.close();
  for (const s of servers) await s.stop();
});

const messages = (host: number, count: number) =>
  Array.from({ length: count }, (_, i) =>
    messageInputSchema.parse({
      accountId: `acct-${host}`,
      chatJid: `62${i % 7}@c.us`,
      providerMessageId: `h${host}-m${i}`,
      fromMe: i % 3 === 0,
      type: 'text',
      body: `message ${i} of host ${host}`,
      timestamp: 1_700_000_000_000 + i,
    }),
  );

/** Pushes from several hosts at once; each push's live messages against the stored rows. */
async function pushAtOnce(database: Database, consecutiveIds: boolean, round: number) {
  const hosts = [0, 1, 2, 3].map(h => h + round * 10);
  return Promise.all(
    hosts.map(async host => {
      // Two statements per push (1,000 rows each), so ids of one push can interleave with another's.
      const list = messages(host, 1500);
      const { created } = await database.rawTransaction(tx => upsertMessages(tx, list, { consecutiveIds }));
      const ref: MessagesRef = {
        type: 'messages:upserted',
        chatId: 'any',
        accountId: `acct-${host}`,
        ids: list.map(m => m.providerMessageId),
      };
      const [live] = await fillBodies(database.raw, [ref], created);
      const [stored] = await fillBodies(database.raw, [ref]);
      return { live, stored, fromInsert: [...created.messages.values()].filter(c => c.rowId !== null).length };
    }),
  );
}

describe('row ids of pushed messages', () => {
  it('knows which databases number a statement consecutively', async () => {
    expect(await insertsGetConsecutiveIds(consecutive.raw)).toBe(true);
    expect(await insertsGetConsecutiveIds(interleaved.raw)).toBe(false);
  });

  it('takes them from the insert where ids are consecutive, and they match the stored rows', async () => {
    for (const result of await pushAtOnce(consecutive, true, 1)) {
      expect(result.fromInsert).toBe(1500);
      expect(result.live).toEqual(result.stored);
    }
  });

  it('reads them back where ids may interleave, and they match the stored rows', async () => {
    for (const result of await pushAtOnce(interleaved, false, 2)) {
      expect(result.fromInsert).toBe(0);
      expect(result.live).toEqual(result.stored);
    }
  });
});

describe('transactions opened ahead of their turn', () => {
  /** A gate that opens when told to, and says when the work behind it started. */
  function manualGate() {
    let open!: () => void;
    const opened = new Promise<void>(resolve => (open = resolve));
    let started = false;
    return {
      gate: async <T>(work: () => Promise<T>) => {
        await opened;
        started = true;
        return work();
      },
      open,
      started: () => started,
    };
  }

  it('holds at most a quarter of the pool waiting, and reads what was committed when the turn came', async () => {
    const mariadb = await startMariaDb();
    servers.push(mariadb);
    const database = openDatabase(mariadb.url, { poolSize: 4 });
    databases.push(database);
    await migrateDatabase(database);
    const connections = async () => {
      const [rows] = await database.raw.query<RowDataPacket[]>(
        "select count(*) as n from information_schema.processlist where db = 'blazz' and command <> 'Daemon'",
      );
      return Number(rows[0]?.['n']);
    };
    const before = await connections();
    // Three transactions opened at once would need every connection of the pool, and the count below would be 4.
    expect(before).toBeLessThan(4);
    const gates = [manualGate(), manualGate(), manualGate()];
    const reads = gates.map(g =>
      database.rawTransaction(
        async tx => {
          const [rows] = await tx.query<RowDataPacket[]>('select writes from event_sequencer where id = 1');
          return Number(rows[0]?.['writes']);
        },
        { gate: g.gate },
      ),
    );
    await new Promise(resolve => setTimeout(resolve, 200));
    // One transaction waits open (a quarter of 4); the others wait without a connection.
    expect(await connections()).toBe(Math.max(before, 2));
    // Committed after the early transaction began, before its turn: its read sees it.
    await database.raw.query('update event_sequencer set writes = writes + 41 where id = 1');
    for (const g of gates) g.open();
    expect(await Promise.all(reads)).toEqual([41, 41, 41]);
    expect(gates.every(g => g.started())).toBe(true);
  });
});
