/** The benchmark's live-message trace: marks from the supervisor and batcher, one line per message. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createIngestBatcher } from '../../../main/accounts/ingest-batcher';
import type { LiveTraceLine } from '../../../main/core-process/live-trace-file';
import { fileLiveTrace } from '../../../main/core-process/live-trace-file';
import { MemoryStore } from '../../helpers/accounts/memory-store';

const message = (n: number) => ({
  accountId: 'acc_1',
  chatJid: '628111@c.us',
  providerMessageId: `m${n}`,
  fromMe: false,
  type: 'text' as const,
  body: `hello ${n}`,
  timestamp: Date.UTC(2026, 10, 1) + n,
});

describe('live trace', () => {
  it('writes one line per received live message once stored, with the sink’s transaction time', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'blazz-trace-')), 'trace.jsonl');
    const trace = fileLiveTrace(path);
    const store = new MemoryStore();
    const sink = store.spiedSink(() => undefined, { transactionMs: 3 });
    const batcher = createIngestBatcher(
      sink,
      err => {
        throw err;
      },
      { trace },
    );
    const before = Date.now();
    trace.received('acc_1', 'm1', before - 5, before);
    batcher.add({ kind: 'message', message: message(1) });
    // History the core never saw as a live event leaves no line.
    batcher.queueBatch({ messages: [message(2)] }, () => undefined);
    for (let i = 0; i < 3; i++) await new Promise(r => setImmediate(r));
    trace.close();
    const lines = readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map(l => JSON.parse(l) as LiveTraceLine);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      accountId: 'acc_1',
      id: 'm1',
      sent: before - 5,
      received: before,
      transactionMs: 3,
    });
    expect(lines[0]?.storeStart).toBeGreaterThanOrEqual(before);
    expect(lines[0]?.storeEnd).toBeGreaterThanOrEqual(lines[0]?.storeStart ?? Infinity);
  });
});
