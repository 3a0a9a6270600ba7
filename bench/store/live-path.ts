/**
 * The path live traffic and catch-up take into the store, as the desktop runs it: the
 * supervisor's check of each child message (`childToMainSchema`: a catch-up batch's shape) and
 * the batcher's validation of its items (`parseItems`), then the core's ingest sink
 * (`storeIngestSink`: store.ingestWithFacts, one transaction and the facts' messages and chats
 * — built from what the batch wrote or read back — then the `messages:received` /
 * `messages:updated` / `chats:changed` facts to a subscriber).
 * Batches are the account runtime's size (100 items) and carry what real catch-up carries
 * besides new messages: repeats of messages already stored (history re-delivered after a
 * reconnect) and updates (acks and edits of earlier messages).
 */
import type { IngestBatchInput, MessageInput } from '../../common/ingest';
import { parseItems } from '../../common/ingest';
import { childToMainSchema } from '../../main/accounts/protocol';
import { storeIngestSink } from '../../main/core/adapters/ingest-sink';
import { createEventBus } from '../../main/platform/event-bus';
import { silentLogger } from '../../main/platform/log';
import type { Store } from '../../main/store';

/** Shares of each 100-item batch: 80 new messages, 10 repeats, 10 updates (acks and edits). */
export const LIVE_MIX = { fresh: 80, repeats: 10, updates: 10 } as const;

/** Cuts the history into live-shaped batches; every message of the history is sent once as new. */
export function* liveBatches(chunks: Iterable<MessageInput[]>): Generator<IngestBatchInput> {
  let previous: MessageInput[] = [];
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i += LIVE_MIX.fresh) {
      const fresh = chunk.slice(i, i + LIVE_MIX.fresh);
      const older = previous.slice(-LIVE_MIX.fresh);
      const repeats = older.slice(0, LIVE_MIX.repeats);
      const updated = older.slice(LIVE_MIX.repeats, LIVE_MIX.repeats + LIVE_MIX.updates);
      yield {
        messages: [...fresh, ...repeats],
        acks: updated
          .filter((_, k) => k % 2 === 0)
          .map(m => ({ accountId: m.accountId, providerMessageId: m.providerMessageId, ack: 'read' as const })),
        edits: updated
          .filter((_, k) => k % 2 === 1)
          .map(m => ({
            accountId: m.accountId,
            providerMessageId: m.providerMessageId,
            body: `${m.body ?? m.caption ?? ''} (edited)`,
            editedAt: m.timestamp + 60_000,
          })),
      };
      previous = fresh;
    }
  }
}

/** Milliseconds spent in each part of the path, summed over a run. */
export type LivePathParts = {
  /** The supervisor's check of each child message and the batcher's validation of its items. */
  boundary: number;
  /** store.ingest as a whole; the four parts below are its share (from its report's timing). */
  store: number;
  /** Waiting for the checkpoint thread's RESTART, and BEGIN IMMEDIATE. */
  begin: number;
  validate: number;
  apply: number;
  summary: number;
  commit: number;
  readBack: number;
  events: number;
};

export type LivePathRun = {
  readonly ms: number;
  readonly stored: number;
  readonly updated: number;
  parts: LivePathParts;
};

/**
 * Feeds `batches` through the real sink. The store handed to the sink is wrapped only to time
 * its calls; the sink's own code decides what it reads back and emits.
 */
export function runLivePath(store: Store, batches: Iterable<IngestBatchInput>): LivePathRun {
  const parts: LivePathParts = {
    boundary: 0,
    store: 0,
    begin: 0,
    validate: 0,
    apply: 0,
    summary: 0,
    commit: 0,
    readBack: 0,
    events: 0,
  };
  const timed =
    <A extends unknown[], R>(key: keyof LivePathParts, fn: (...a: A) => R) =>
    (...a: A): R => {
      const t = performance.now();
      try {
        return fn(...a);
      } finally {
        parts[key] += performance.now() - t;
      }
    };
  const events = createEventBus();
  let delivered = 0;
  // The renderer bridge's subscriber: it receives every fact the sink emits.
  events.subscribe(() => void (delivered += 1));
  const emit = timed('events', events.emit.bind(events) as (...a: unknown[]) => void);
  const measured = {
    ...store,
    ingestWithFacts: timed('store', (batch: IngestBatchInput) => {
      const done = store.ingestWithFacts(batch);
      const t = done.report.timing;
      parts.begin += t.beginMs;
      parts.validate += t.validateMs;
      parts.apply += t.applyMs;
      parts.summary += t.summaryMs;
      parts.commit += t.commitMs;
      // The facts' messages and chats: built from what the batch wrote, the rest read back.
      parts.readBack += t.factsMs;
      return done;
    }),
    // Any read the sink makes besides (none since the facts come with the report).
    getMessages: timed('readBack', store.getMessages.bind(store)),
    getChats: timed('readBack', store.getChats.bind(store)),
  } as Store;
  const sink = storeIngestSink(measured, { emit: emit as typeof events.emit }, silentLogger);
  let stored = 0;
  let updated = 0;
  let seq = 0;
  let ms = 0;
  for (const batch of batches) {
    const t = performance.now();
    const checked = timed('boundary', () => {
      const parsed = childToMainSchema.safeParse({ t: 'batch', seq: seq++, batch });
      if (!parsed.success || parsed.data.t !== 'batch') throw new Error('bench batch failed the boundary check');
      return parseItems(parsed.data.batch);
    })();
    if (checked.refused > 0) throw new Error('bench batch items failed validation');
    const r = sink.ingest(checked.batch);
    ms += performance.now() - t;
    if (!r) throw new Error('the store sink reports what it changed');
    stored += r.inserted;
    updated += r.updated;
  }
  if (delivered === 0) throw new Error('the sink emitted no facts');
  return { ms, stored, updated, parts };
}
