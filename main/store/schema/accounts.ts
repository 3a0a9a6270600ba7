import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** The WhatsApp accounts this desktop hosts; `last_state` lets the app restart the ones that were ready. */
export const accounts = sqliteTable('accounts', {
  id: text('id').primaryKey(),
  provider: text('provider').notNull(),
  name: text('name').notNull(),
  phone: text('phone'),
  color: text('color').notNull(),
  muted: integer('muted', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at').notNull(),
  lastState: text('last_state').notNull().default('stopped'),
  /** Provider options (browser path, simulator seed…) as JSON. */
  config: text('config')
    .notNull()
    .default(sql`'{}'`),
});
