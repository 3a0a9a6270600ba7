/** Stores at an older schema, for the tests of the migration that follows it. */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIGRATIONS = fileURLToPath(new URL('../../../main/store/migrations/', import.meta.url));
export type Journal = { entries: { idx: number; tag: string; when: number }[] };
export const journal = (): Journal =>
  JSON.parse(readFileSync(join(MIGRATIONS, 'meta/_journal.json'), 'utf8')) as Journal;

/**
 * A copy (in `dir`) of the migrations folder that stops after the first `n` migrations, with
 * `extra` appended as migration n when given.
 */
export function migrationsUpTo(dir: string, n: number, extra?: { tag: string; sql: string }): string {
  const out = join(dir, `migrations-${n}${extra ? '-x' : ''}`);
  cpSync(MIGRATIONS, out, { recursive: true });
  const j = journal();
  j.entries = j.entries.slice(0, n);
  if (extra) {
    j.entries.push({
      idx: n,
      tag: extra.tag,
      when: (j.entries[n - 1]?.when ?? 0) + 1,
      ...{ version: '6', breakpoints: true },
    });
    writeFileSync(join(out, `${extra.tag}.sql`), extra.sql);
  }
  writeFileSync(join(out, 'meta/_journal.json'), JSON.stringify(j));
  return out;
}
