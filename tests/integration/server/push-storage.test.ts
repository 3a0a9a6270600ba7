/**
 * Live delivery of a push takes the row ids of the messages it inserted from the insert's
 * own result where the database numbers a statement's rows consecutively (InnoDB lock modes
 * 0 and 1, MariaDB's default), and reads them back otherwise (mode 2, MySQL 8's default).
 * Both must give exactly what a reader of the stored rows gets, with statements of several
 * hosts running at once.
 */
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
