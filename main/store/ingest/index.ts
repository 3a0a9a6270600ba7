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
  isCheckedBatch,
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
import type { IngestContext, IngestKind, IngestReport, WrittenRows } from './context';
import { accountExists, describeIssues, emptyReport, reject } from './context';
import type { IngestFacts } from './facts';
import { factsOf } from './facts';
import { upsertMessage } from './messages';
import { upsertChat, upsertContact } from './people';
import { indexPending } from './search-index';
import { refreshChatSummary } from './summary';
import { applyAck, applyEdit, applyEdits, applyReaction, applyRevoke, applyRevokes, applyVote } from './updates';

export type { IngestRejection, IngestReport } from './context';
export type { IngestFacts } from './facts';
export { emptyReport } from './context';

type Step<T> = {
  readonly kind: IngestKind;
  readonly key: keyof IngestBatchInput;
  readonly schema: ZodType<T>;
  readonly apply: (ctx: IngestContext, item: T) => void;
  /**
   * Up to GROUP items in one statement, with the outcome of `apply` on each in turn. If it
   * throws (its statement rolled back whole), they are applied one by one, so only a failing
   * item is rejected.
   */
  readonly applyAll?: (ctx: IngestContext, items: readonly T[]) => void;
};

/** A step with its item type closed over, so steps of different types sit in one list. */
type Collector = {
  readonly key: keyof IngestBatchInput;
  /** `trusted`: the items were validated already (a CheckedBatch), so the schema is not run again. */
  collect(raw: unknown, report: IngestReport, out: Validated[], trusted: boolean): void;
};

const step = <T extends { accountId: string }>(s: Step<T>): Collector => ({
  key: s.key,
  collect: (raw, report, out, trusted) => validate(s, raw, report, out, trusted),
});

// Order matters: people and chats first so messages find their names; updates last so
// they see the messages of the same batch.
const STEPS = [
  step({ kind: 'contact', key: 'contacts', schema: contactInputSchema, apply: upsertContact }),
  step({ kind: 'chat', key: 'chats', schema: chatInputSchema, apply: upsertChat }),
  step({ kind: 'message', key: 'messages', schema: messageInputSchema, apply: upsertMessage }),
  step({ kind: 'reaction', key: 'reactions', schema: reactionInputSchema, apply: applyReaction }),
  step({ kind: 'ack', key: 'acks', schema: ackUpdateSchema, apply: applyAck }),
  step({ kind: 'edit', key: 'edits', schema: editUpdateSchema, apply: applyEdit, applyAll: applyEdits }),
  step({ kind: 'revoke', key: 'revokes', schema: revokeUpdateSchema, apply: applyRevoke, applyAll: applyRevokes }),
  step({ kind: 'vote', key: 'votes', schema: pollVoteSchema, apply: applyVote }),
] as const;

/** Work for the transaction: one item, or a step's items applied together (`items` of them). */
type Validated = { readonly run: (ctx: IngestContext) => void; readonly items: number };

function validate<T extends { accountId: string }>(
  s: Step<T>,
  raw: unknown,
  report: IngestReport,
  out: Validated[],
  trusted: boolean,
): void {
  if (raw === undefined) return;
  if (!Array.isArray(raw)) {
    reject({ report }, 'batch', 0, `${s.key} must be an array`);
    return;
  }
  const valid: Item<T>[] = [];
  raw.forEach((item: unknown, index) => {
    const value = trusted ? (item as T) : parsed(s, item, report, index);
    if (value !== undefined) valid.push({ value, index });
  });
  const { applyAll } = s;
  if (!applyAll) {
    for (const item of valid) out.push({ run: ctx => runOne(ctx, s, item), items: 1 });
    return;
  }
  // Groups of at most GROUP items, each one statement that applies or fails whole.
  for (let i = 0; i < valid.length; i += GROUP) {
    const group = valid.slice(i, i + GROUP);
    out.push({ run: ctx => runAll(ctx, s, applyAll, group), items: group.length });
  }
}

/**
 * Items per `applyAll` call: one statement each, and the statement cache keeps one statement
 * per group size (their SQL lists the group's values), so the sizes stay few.
 */
const GROUP = 100;

type Item<T> = { readonly value: T; readonly index: number };

function known<T extends { accountId: string }>(ctx: IngestContext, s: Step<T>, { value, index }: Item<T>): boolean {
  if (accountExists(ctx, value.accountId)) return true;
  reject(ctx, s.kind, index, `unknown account ${value.accountId.slice(0, 80)}`);
  return false;
}

function runOne<T extends { accountId: string }>(ctx: IngestContext, s: Step<T>, item: Item<T>): void {
  if (!known(ctx, s, item)) return;
  try {
    s.apply(ctx, item.value);
  } catch (err) {
    // One statement (with its FTS trigger) is atomic: a failure leaves nothing half-written.
    reject(ctx, s.kind, item.index, err instanceof Error ? err.message : String(err));
  }
}

function runAll<T extends { accountId: string }>(
  ctx: IngestContext,
  s: Step<T>,
  applyAll: (ctx: IngestContext, items: readonly T[]) => void,
  items: readonly Item<T>[],
): void {
  const ok = items.filter(item => known(ctx, s, item));
  if (ok.length === 0) return;
  if (ok.length === 1) return runOne(ctx, s, ok[0] as Item<T>);
  try {
    applyAll(
      ctx,
      ok.map(i => i.value),
    );
  } catch {
    // Its statement rolled back whole: one by one, so only the item that fails is rejected.
    for (const item of ok) runOne(ctx, s, item);
  }
}

/** The item as its schema parses it, or undefined (rejected with the schema's reasons). */
function parsed<T>(s: Step<T>, item: unknown, report: IngestReport, index: number): T | undefined {
  const r = s.schema.safeParse(item);
  if (r.success) return r.data;
  reject({ report }, s.kind, index, describeIssues(r.error.issues));
  return undefined;
}

/**
 * Validates every item (except those of a CheckedBatch, which `parseItems` validated) and
 * writes the valid ones in one transaction. Any other caller's batch is checked here.
 */
export function ingest(db: StoreDb, batch: IngestBatchInput, now: number = Date.now()): IngestReport {
  return ingestBatch(db, batch, now, null);
}

/**
 * `ingest`, and the facts for the renderer (what `getMessages` and `getChats` would read
 * after it): the ingest sink's path. Rows the batch wrote are not read back (facts.ts).
 */
export function ingestWithFacts(db: StoreDb, batch: IngestBatchInput): { report: IngestReport; facts: IngestFacts } {
  const written: WrittenRows = { messages: new Map(), chats: new Map() };
  const report = ingestBatch(db, batch, Date.now(), written);
  const started = performance.now();
  const facts = factsOf(db, report, written);
  report.timing.factsMs = performance.now() - started;
  return { report, facts };
}

function ingestBatch(db: StoreDb, batch: IngestBatchInput, now: number, written: WrittenRows | null): IngestReport {
  const report = emptyReport();
  if (typeof batch !== 'object' || batch === null) {
    reject({ report }, 'batch', 0, 'the batch must be an object');
    return report;
  }
  const work: Validated[] = [];
  const rawBatch = batch as Record<string, unknown>;
  const validating = performance.now();
  const trusted = isCheckedBatch(batch);
  for (const s of STEPS) s.collect(rawBatch[s.key], report, work, trusted);
  report.timing.validateMs = performance.now() - validating;
  if (work.length === 0) return report;

  const started = performance.now();
  withIngestContext(
    db,
    now,
    report,
    ctx => {
      for (const w of work) w.run(ctx);
    },
    written,
  );
  const ms = performance.now() - started;
  if (ms > 50) {
    const t = report.timing;
    db.log.warn('store: slow ingest batch', {
      ms: Math.round(ms),
      items: work.reduce((n, w) => n + w.items, 0),
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
export function withIngestContext<T>(
  db: StoreDb,
  now: number,
  report: IngestReport,
  fn: (ctx: IngestContext) => T,
  written: WrittenRows | null = null,
): T {
  const ctx: IngestContext = {
    db,
    now,
    report,
    touched: new Map(),
    knownAccounts: new Map(),
    chatRefs: new Map(),
    updatedIds: new Set(),
    unindexed: new Set(),
    built: written ? written.messages : null,
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
    for (const [chatId, t] of ctx.touched) {
      const row = refreshChatSummary(db, chatId, t, written !== null);
      if (row) written?.chats.set(chatId, row);
    }
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
  for (const k of ['beginMs', 'validateMs', 'applyMs', 'summaryMs', 'commitMs', 'factsMs'] as const) {
    into.timing[k] += r.timing[k];
  }
  for (const x of r.rejected) if (into.rejected.length < 100) into.rejected.push({ ...x, index: x.index + offset });
  into.newMessageIds.push(...r.newMessageIds);
  into.updatedMessageIds.push(...r.updatedMessageIds);
}
