import { defineConfig } from 'drizzle-kit';

// The desktop's local SQLite store. FTS5 tables and their triggers are hand-written
// `--custom` migrations in the same folder, since drizzle-kit does not model them.
export const storeDrizzleConfig = defineConfig({
  dialect: 'sqlite',
  schema: './main/store/schema/index.ts',
  out: './main/store/migrations',
});

export default storeDrizzleConfig;
