/**
 * Ingest: what providers report, validated item by item and written in one transaction.
 * Invalid items are counted with a reason and skipped; the rest of the batch still lands.
 * Keep batches small (a few hundred messages ≈ a few ms) so the main loop never stalls;
 * `importMessages` splits large history imports into such batches.
 */
import type { ZodType } from 'zod';
import type { ChatId, MessageId } from '../../../common/domain';
import type { IngestBatchInput, MessageInput } from '../../../common/ingest';
import {
  ackUpdateSchema,
  chatInputSchema,
  contactInputSchema,
  editUpdateSchema,
  messageInputSchema,
  pollVoteSchema,
  reactionInputSchema,
  revokeUpdateSchema,
} from '../../../common/ingest';
import type { StoreDb } from '../db';
import { inTransaction } from '../db';
import type { IngestContext, IngestKind, IngestReport } from './context';
import { accountExists, describeIssues, emptyReport, reject } from './context';
import { upsertMessage } from './messages';
import { upsertChat, upsertContact } from './people';
import { indexPending } from './search-index';
import { refreshChatSummary } from './summary';
import { applyAck, applyEdit, applyReaction, applyRevoke, applyVote } from './updates';

export type { IngestRejection, IngestReport } from './context';
export { emptyReport } from './context';

type Step<T> = {
  readonly kind: IngestKind;
  readonly key: keyof IngestBatchInput;
  readonly schema: ZodType<T>;
  readonly apply: (ctx: IngestContext, item: T) => void;
};

/** A step with its item type closed over, so steps of different types sit in one list. */
type Collector = {
  readonly key: keyof IngestBatchInput;
  collect(raw: unknown, report: IngestReport, out: Validated[]): void;
};

const step = <T extends { accountId: string }>(s: Step<T>): Collector => ({
  key: s.key,
  collect: (raw, report, out) => validate(s, raw, report, out),
});

// Order matters: people and chats first so messages find their names; updates last so
// they see the messages of the same batch.
const STEPS = [
  step({ kind: 'contact', key: 'contacts', schema: contactInputSchema, apply: upsertContact }),
  step({ kind: 'chat', key: 'chats', schema: chatInputSchema, apply: upsertChat }),
  step({ kind: 'message', key: 'messages', schema: messageInputSchema, apply: upsertMessage }),
  step({ kind: 'reaction', key: 'reactions', schema: reactionInputSchema, apply: applyReaction }),
  step({ kind: 'ack', key: 'acks', schema: ackUpdateSchema, apply: applyAck }),
  step({ kind: 'edit', key: 'edits', schema: editUpdateSchema, apply: applyEdit }),
  step({ kind: 'revoke', key: 'revokes', schema: revokeUpdateSchema, apply: applyRevoke }),
  step({ kind: 'vote', key: 'votes', schema: pollVoteSchema, apply: applyVote }),
] as const;

type Validated = { readonly run: (ctx: IngestContext) => void };

function validate<T extends { accountId: string }>(
  s: Step<T>,
  raw: unknown,
  report: IngestReport,
  out: Validated[],
): void {
  if (raw === undefined) return;
  if (!Array.isArray(raw)) {
    reject({ report }, 'batch', 0, `${s.key} must be an array`);
    return;
  }
  raw.forEach((item: unknown, index) => {
    const parsed = s.schema.safeParse(item);
    if (!parsed.success) {
      reject({ report }, s.kind, index, describeIssues(parsed.error.issues));
      return;
    }
    const value = parsed.data;
    out.push({
      run: ctx => {
        if (!accountExists(ctx, value.accountId)) {
          reject(ctx, s.kind, index, `unknown account ${value.accountId.slice(0, 80)}`);
          return;
        }
        try {
          s.apply(ctx, value);
        } catch (err) {
          // One statement (with its FTS trigger) is atomic: a failure leaves nothing half-written.
          reject(ctx, s.kind, index, err instanceof Error ? err.message : String(err));
        }
      },
    });
  });
}

export function ingest(db: StoreDb, batch: IngestBatchInput, now: number = Date.now()): IngestReport {
  const report = emptyReport();
  if (typeof batch !== 'object' || batch === null) {
    reject({ report }, 'batch', 0, 'the batch must be an object');
    return report;
  }
  const work: Validated[] = [];
  const rawBatch = batch as Record<string, unknown>;
  const validating = performance.now();
  for (const s of STEPS) s.collect(rawBatch[s.key], report, work);
  report.timing.validateMs = performance.now() - validating;
  if (work.length === 0) return report;

  const started = performance.now();
  withIngestContext(db, now, report, ctx => {
    for (const w of work) w.run(ctx);
  });
  const ms = performance.now() - started;
  if (ms > 50) {
    const t = report.timing;
    db.log.warn('store: slow ingest batch', {
      ms: Math.round(ms),
      items: work.length,
      applyMs: Math.round(t.applyMs),
      summaryMs: Math.round(t.summaryMs),
      commitMs: Math.round(t.commitMs),
    });
  }
  if (report.rejectedCount > 0) {
    db.log.warn('store: rejected ingest items', { count: report.rejectedCount, first: report.rejected[0] });
  }
  return report;
}

/**
 * Runs `fn` with a fresh ingest context inside one transaction, then refreshes the summaries
 * of every chat it touched and fills the report's id lists. The outbox uses it too, so an
 * optimistic message row is written exactly like a received one.
 */
export function withIngestContext<T>(db: StoreDb, now: number, report: IngestReport, fn: (ctx: IngestContext) => T): T {
  const ctx: IngestContext = {
    db,
    now,
    report,
    touched: new Map(),
    knownAccounts: new Map(),
    chatRefs: new Map(),
    updatedIds: new Set(),
    unindexed: new Set(),
  };
  const { timing } = report;
  let committing = 0;
  const entering = performance.now();
  const result = inTransaction(db, () => {
    const applying = performance.now();
    timing.beginMs += applying - entering;
    const r = fn(ctx);
    indexPending(ctx);
    const summarising = performance.now();
    timing.applyMs += summarising - applying;
    for (const [chatId, t] of ctx.touched) refreshChatSummary(db, chatId, t);
    committing = performance.now();
    timing.summaryMs += committing - summarising;
    return r;
  });
  // Inside an outer transaction this is a savepoint release, and nearly free.
  timing.commitMs += performance.now() - committing;
  const newIds = new Set<MessageId>(report.newMessageIds);
  report.updatedMessageIds = [...ctx.updatedIds].filter(id => !newIds.has(id));
  report.chatIds = [...ctx.touched.keys()];
  return result;
}

/** Default history-import batch: ~5 ms of work per transaction on a slow laptop. */
export const IMPORT_BATCH_SIZE = 500;

/** A large history import, cut into small transactions; reports are merged. */
export function importMessages(
  db: StoreDb,
  messages: readonly MessageInput[],
  batchSize: number = IMPORT_BATCH_SIZE,
): IngestReport {
  const total = emptyReport();
  const chatIds = new Set<ChatId>();
  for (let i = 0; i < messages.length; i += batchSize) {
    const r = ingest(db, { messages: messages.slice(i, i + batchSize) });
    mergeReports(total, r, i);
    for (const id of r.chatIds) chatIds.add(id);
  }
  total.chatIds = [...chatIds];
  return total;
}

function mergeReports(into: IngestReport, r: IngestReport, offset: number): void {
  into.contacts += r.contacts;
  into.chats += r.chats;
  into.messagesInserted += r.messagesInserted;
  into.messagesUpdated += r.messagesUpdated;
  into.updatesApplied += r.updatesApplied;
  into.updatesIgnored += r.updatesIgnored;
  into.rejectedCount += r.rejectedCount;
  for (const k of ['beginMs', 'validateMs', 'applyMs', 'summaryMs', 'commitMs'] as const) into.timing[k] += r.timing[k];
  for (const x of r.rejected) if (into.rejected.length < 100) into.rejected.push({ ...x, index: x.index + offset });
  into.newMessageIds.push(...r.newMessageIds);
  into.updatedMessageIds.push(...r.updatedMessageIds);
}
