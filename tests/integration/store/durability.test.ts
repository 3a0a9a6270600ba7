import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/store';

const CHILD = fileURLToPath(new URL('./ingest-child.ts', import.meta.url));
const PER_BATCH = 2000;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'blazz-durability-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Starts the child, waits for `batches` commits, kills it with SIGKILL; returns the last reported commit. */
function ingestThenKill(file: string, batches: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, String(PER_BATCH)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let last = -1;
    let stderr = '';
    let buffered = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^committed (\d+)$/.exec(line);
        if (m) last = Number(m[1]);
      }
      // Kill at once, while the next batch's transaction is being written.
      if (last + 1 >= batches && !child.killed) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(last);
      else reject(new Error(`child exited with ${code}: ${stderr.slice(0, 2000)}`));
    });
  });
}

describe('durability', () => {
  it('survives SIGKILL in the middle of a large ingest: intact file, whole batches only', async () => {
    const file = join(dir, 'store.sqlite');
    const lastReported = await ingestThenKill(file, 6);
    expect(lastReported).toBeGreaterThanOrEqual(5);

    const store = openStore({ file, checkpointEveryMs: 0 });
    const db = store.db.sqlite;
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(() => db.exec("INSERT INTO messages_fts(messages_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();

    const perBatch = db
      .prepare(
        `SELECT CAST(substr(provider_message_id, 2, instr(provider_message_id, '-') - 2) AS INTEGER) AS batch, count(*) AS n
         FROM messages GROUP BY batch ORDER BY batch`,
      )
      .all() as { batch: number; n: number }[];
    // Every reported batch is there in full; at most one more (committed, not yet reported).
    expect(perBatch.every(b => b.n === PER_BATCH)).toBe(true);
    const batches = perBatch.map(b => b.batch);
    expect(batches.slice(0, lastReported + 1)).toEqual(Array.from({ length: lastReported + 1 }, (_, i) => i));
    expect(batches.length - (lastReported + 1)).toBeLessThanOrEqual(1);
    // Chat summaries were written in the same transactions as their messages.
    const unread = db.prepare('SELECT sum(unread_count) FROM chats').pluck().get();
    expect(unread).toBe(batches.length * PER_BATCH);
    expect(store.searchMessages({ query: 'pesanan', limit: 1 }).hits).toHaveLength(1);
    store.close();
  });
});
