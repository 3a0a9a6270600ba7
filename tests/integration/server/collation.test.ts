/**
 * Keys compare byte for byte even in a database created with a case-insensitive default
 * collation (MySQL 8's utf8mb4_0900_ai_ci, MariaDB's utf8mb4_general_ci): the migrations
 * convert every table to utf8mb4_bin.
 */
import { is } from 'drizzle-orm';
import { MySqlTable, getTableConfig } from 'drizzle-orm/mysql-core';
import { createConnection } from 'mysql2/promise';
import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase } from '../../../sync-server/src/db/index';
import type { Database } from '../../../sync-server/src/db/index';
import * as schema from '../../../sync-server/src/db/schema';
import { startMariaDb } from '../../helpers/mariadb';
import type { MariaDb } from '../../helpers/mariadb';

let mariadb: MariaDb;
let database: Database;
let url: string;

beforeAll(async () => {
  mariadb = await startMariaDb();
  url = mariadb.url.replace(/\/[^/]+$/, '/ci_workspace');
  const root = await createConnection(mariadb.url);
  await root.query('create database ci_workspace character set utf8mb4 collate utf8mb4_general_ci');
  await root.end();
  database = openDatabase(url, { poolSize: 2 });
  await migrateDatabase(database);
});
afterAll(async () => {
  await database?.close();
  await mariadb?.stop();
});

describe('collation', () => {
  it('converts every table to utf8mb4_bin', async () => {
    const [rows] = await database.raw.query<RowDataPacket[]>(
      `select table_name as t, table_collation as c from information_schema.tables
       where table_schema = 'ci_workspace' and table_name <> '__drizzle_migrations'`,
    );
    // Every table the schema declares, so a table added by a later migration is checked too.
    const values: unknown[] = Object.values(schema);
    const declared = values
      .filter((v): v is MySqlTable => is(v, MySqlTable))
      .map(t => getTableConfig(t).name)
      .sort();
    expect(rows.map(r => String(r['t'])).sort()).toEqual(declared);
    for (const r of rows) expect(`${String(r['t'])} ${String(r['c'])}`).toBe(`${String(r['t'])} utf8mb4_bin`);
  });

  it('keeps provider message ids that differ only in case apart', async () => {
    const row = (id: string) => ['acct', id, 'acct:62@c.us', false, 'text', id, 1, 'sent'];
    await database.raw.query(
      'insert into messages (account_id, provider_message_id, chat_id, from_me, type, body, ts, ack) values ?',
      [[row('3EB0ABC'), row('3eb0abc')]],
    );
    const [rows] = await database.raw.query<RowDataPacket[]>(
      "select provider_message_id as id from messages where account_id = 'acct' and provider_message_id = '3EB0ABC'",
    );
    expect(rows.map(r => String(r['id']))).toEqual(['3EB0ABC']);
  });
});
