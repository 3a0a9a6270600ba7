/** Timestamps are milliseconds since the epoch in BIGINT columns, read as numbers. */
import { bigint } from 'drizzle-orm/mysql-core';

export const ms = (name: string) => bigint(name, { mode: 'number' });
