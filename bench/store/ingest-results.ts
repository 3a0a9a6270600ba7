/**
 * The ingest figures of the store benchmark: the live path's rate against raw inserts into
 * the same schema (with and without the FTS triggers), and where the live path's time goes.
 */
import type { Store } from '../../main/store';
import { openStore } from '../../main/store';
import type { BenchResult } from '../types';
import type { Sizes, Workspace } from './data';
import type { LivePathRun } from './live-path';
import { LIVE_MIX } from './live-path';
import { rawWriter } from './raw';

const RAW_CHUNK = 1000;

/** messages_fts_ai as migration 0001 created it (0018 dropped it): the baseline keeps measuring what it always did. */
const PER_ROW_FTS_TRIGGER = `CREATE TRIGGER messages_fts_ai AFTER INSERT ON messages
  WHEN new.body IS NOT NULL OR new.caption IS NOT NULL
  BEGIN
    INSERT INTO messages_fts(rowid, body, caption) VALUES (new.seq, new.body, new.caption);
  END`;

export function setUpAccounts(store: Store, ws: Workspace): void {
  ws.accountIds.forEach((id, i) =>
    store.upsertAccount({
      id,
      provider: 'simulator',
      name: `Support ${i}`,
      phone: null,
      color: '#25d366',
      muted: false,
      createdAt: 0,
      lastState: 'ready',
      config: {},
    }),
  );
  for (let i = 0; i < ws.chats.length; i += 1000) store.ingest({ chats: ws.chats.slice(i, i + 1000) });
}

/**
 * How the raw baseline feeds the search index: `per-row` by the insert trigger every store had
 * until migration 0018 (the headline's baseline, unchanged), `batched` by one INSERT … SELECT
 * per transaction as the store's ingest now does, `none` without it (what the index costs).
 */
export type RawFts = 'per-row' | 'batched' | 'none';

/** Plain prepared INSERTs of the same rows, in transactions of 1,000, into a fresh copy of the schema. */
export function rawInsertRate(file: string, ws: Workspace, sizes: Sizes, fts: RawFts): number {
  // Opened like the live path's store (same pragmas, same checkpoint thread), so the ratio compares writes only.
  const store = openStore({ file });
  setUpAccounts(store, ws);
  if (fts === 'per-row') store.db.sqlite.exec(PER_ROW_FTS_TRIGGER);
  if (fts === 'none') for (const t of ['au', 'ad']) store.db.sqlite.exec(`DROP TRIGGER messages_fts_${t}`);
  const raw = rawWriter(store.db, fts === 'batched');
  let ms = 0;
  for (const chunk of ws.messageChunks(RAW_CHUNK)) {
    const t = performance.now();
    raw.write(chunk);
    ms += performance.now() - t;
  }
  store.close();
  return sizes.messages / (ms / 1000);
}

type Unscaled = Omit<BenchResult, 'scale'>;

/** The live path's parts, in the order a batch meets them (ms per 1,000 new messages). */
const PARTS: readonly (readonly [keyof LivePathRun['parts'], string, string])[] = [
  [
    'boundary',
    'boundary_check',
    "the supervisor's check of each child message (childToMainSchema) and the batcher's zod validation of its items (parseItems)",
  ],
  ['validate', 'item_validation', "store.ingest's per-item zod check"],
  [
    'begin',
    'checkpoint_wait',
    'before the transaction: waiting while the checkpoint thread RESTARTs the WAL, and BEGIN IMMEDIATE',
  ],
  [
    'apply',
    'row_writes',
    'lookups, inserts and updates of message rows, the search index included (batch insert, edit triggers)',
  ],
  ['summary', 'chat_summaries', 'the last message, unread count and order of every touched chat'],
  ['commit', 'commit', 'COMMIT: WAL writes of every dirtied page, FTS segments included'],
  [
    'readBack',
    'read_back',
    "the facts' messages and chats (ingestWithFacts): new rows built from what the batch wrote, changed ones and chats read back",
  ],
  ['events', 'events', "emitting the facts to the renderer bridge's subscriber"],
];

export function ingestResults(
  live: LivePathRun,
  rate: number,
  rawRate: number,
  rawNoFtsRate: number,
  rawBatchedRate: number,
  sizes: Sizes,
): BenchResult[] {
  const per1k = (ms: number) => (ms / live.stored) * 1000;
  const share = (ms: number) => `${Math.round((ms / live.ms) * 100)} % of the path`;
  const { parts } = live;
  const rows: Unscaled[] = [
    {
      id: 'store.ingest.msgs_per_s',
      value: rate,
      unit: 'msg/s',
      baseline: rawRate,
      ratio: rate / rawRate,
      target: '>= 50000; ratio >= 0.5',
      note:
        `new messages per second through the live path (supervisor check, ingest sink, read-back, facts) in batches ` +
        `of ${LIVE_MIX.fresh} new + ${LIVE_MIX.repeats} repeats + ${LIVE_MIX.updates} acks/edits; ` +
        `baseline: raw INSERTs into the same schema with its FTS triggers`,
    },
    {
      id: 'store.ingest.raw_without_fts_msgs_per_s',
      value: rawNoFtsRate,
      unit: 'msg/s',
      baseline: rawRate,
      ratio: rawNoFtsRate / rawRate,
      note: 'the raw baseline with the FTS triggers dropped: what the search index costs every insert',
    },
    {
      id: 'store.ingest.raw_batched_fts_msgs_per_s',
      value: rawBatchedRate,
      unit: 'msg/s',
      baseline: rawRate,
      ratio: rawBatchedRate / rawRate,
      note:
        `the raw baseline writing the search index as the store's ingest now does (one INSERT … SELECT per ` +
        `transaction, no per-row trigger); the live path against it: ${(rate / rawBatchedRate).toFixed(2)}`,
    },
    ...PARTS.map(([key, id, what]) => ({
      id: `store.ingest.part.${id}_ms_per_1k`,
      value: per1k(parts[key]),
      unit: 'ms',
      note: `${what}; ${share(parts[key])}`,
    })),
  ];
  return rows.map(r => ({ ...r, scale: { ...sizes } }));
}
