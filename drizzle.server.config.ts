import { defineConfig } from 'drizzle-kit';

// The workspace server's database; the desktop store has its own config and migrations.
export default defineConfig({
  dialect: 'mysql',
  schema: './sync-server/src/db/schema.ts',
  out: './sync-server/src/db/migrations',
});
