/**
 * Collects provider data events from every account and hands them to the store in
 * batches: one transaction per turn of the event loop instead of one per event, which is
 * what keeps a burst of thousands of messages from stalling the core.
 *
 * Catch-up batches from the children are queued and stored a slice per turn: several can
 * arrive in one read of the IPC pipe (two in flight per account), and storing them whole in
 * one turn kept renderer commands waiting for hundreds of milliseconds
 * (renderer.ipc_roundtrip_p99_ms). A slice holds as many messages as fit a CPU budget
 * (slice-sizer.ts), so a slow or busy machine takes shorter turns.
 *
 * Live messages go before queued catch-up: a customer writing now must not wait behind a
 * night of history (accounts.ingest_to_event.p95_ms). That reordering is safe because a
 * message upsert is idempotent and keeps the newest content and the highest ack whatever
 * the order. Everything that refers to a message (acks, edits, revokes, reactions) and the
 * chats and contacts keep their place in one FIFO, so an ack that arrived after a batch is
 * never applied before the message it acknowledges.
 *
 * Catch-up items arrive unvalidated (the supervisor checks only a batch's shape) and are
 * validated here, a slice at a time, inside the slice's CPU budget: parsing a whole batch on
 * arrival held the core's thread while a live message waited on the pipe behind it. An item
 * the schemas refuse is left out (and logged); the rest of its batch is still stored and
 * acknowledged, so one bad item can no longer stall an account's catch-up.
 */
import type { IngestBatchInput, UncheckedBatch } from '../../common/ingest';
import { parseItems } from '../../common/ingest';
import type { LiveTrace } from './live-trace';
import type { IngestOrigin, IngestSink } from './ports';
import { createSliceSizer } from './slice-sizer';
import type { DataEvent } from './supervisor';

export type IngestBatcher = {
  add(event: DataEvent): void;
  /**
   * Bulk data already batched by the child (catch-up), its items not validated yet: validated
   * and stored in order, a slice per turn, on later turns; `done` after the last slice.
   */
  queueBatch(batch: UncheckedBatch, done: () => void): void;
  /** Bulk data a caller reads back right away (older history it asked for): stored now, in order. */
  addBatch(batch: IngestBatchInput): void;
  /** Stores everything pending and queued, now. */
  flush(): void;
};

/** Live events (validated on arrival) or a catch-up batch (validated slice by slice). */
type Queued =
  | { readonly kind: 'live'; readonly batch: IngestBatchInput }
  | { readonly kind: 'catch_up'; readonly batch: UncheckedBatch; readonly done?: () => void };
type CatchUp = Extract<Queued, { kind: 'catch_up' }>;

type Pending = {
  contacts: NonNullable<IngestBatchInput['contacts']>;
  chats: NonNullable<IngestBatchInput['chats']>;
  messages: NonNullable<IngestBatchInput['messages']>;
  acks: NonNullable<IngestBatchInput['acks']>;
  revokes: NonNullable<IngestBatchInput['revokes']>;
  edits: NonNullable<IngestBatchInput['edits']>;
  reactions: NonNullable<IngestBatchInput['reactions']>;
  votes: NonNullable<IngestBatchInput['votes']>;
};

const empty = (): Pending => ({
  contacts: [],
  chats: [],
  messages: [],
  acks: [],
  revokes: [],
  edits: [],
  reactions: [],
  votes: [],
});

/** At most this many messages of a queued batch per turn (the account runtime's batch size). */
const SLICE_MESSAGES = 100;
/** Fewer make the commit's fixed cost dominate (see slice-sizer.ts). */
const SLICE_MIN_MESSAGES = 20;
/**
 * A turn's target CPU time: a live message or renderer call that arrives during a slice
 * waits about this long (longer on a busy machine). Slices of 100 took 15 ms of CPU
 * (median) on the shared 2-core machine; about 50 messages fit 12 ms there.
 */
const SLICE_BUDGET_MS = 12;

/**
 * The first slice of a queued batch and what is left of it. People and chats go with the
 * first slice (messages find their names); updates and `done` stay with the last one,
 * since they may refer to any message of the batch.
 */
function sliceOf(item: CatchUp, size: number): [CatchUp, CatchUp | null] {
  const messages = item.batch.messages ?? [];
  if (messages.length <= size) return [item, null];
  const { contacts, chats, ...later } = item.batch;
  const first: UncheckedBatch = { contacts, chats, messages: messages.slice(0, size) };
  return [
    { kind: 'catch_up', batch: first },
    { kind: 'catch_up', batch: { ...later, messages: messages.slice(size) }, done: item.done },
  ];
}

const messagesOf = (batch: IngestBatchInput) => batch.messages ?? [];

export type IngestBatcherOptions = {
  /** Live events gathered before they close a batch of their own. */
  readonly maxItems?: number;
  readonly sliceMessages?: number;
  readonly sliceBudgetMs?: number;
  readonly trace?: LiveTrace;
};

export function createIngestBatcher(
  sink: IngestSink,
  onError: (err: unknown) => void,
  options: IngestBatcherOptions = {},
): IngestBatcher {
  const { maxItems = 500, sliceMessages = SLICE_MESSAGES, sliceBudgetMs = SLICE_BUDGET_MS, trace } = options;
  const sizer = createSliceSizer({ max: sliceMessages, min: SLICE_MIN_MESSAGES, budgetMs: sliceBudgetMs });
  let pending = empty();
  let size = 0;
  const queue: Queued[] = [];
  let scheduled = false;

  const ingest = (batch: IngestBatchInput, origin: IngestOrigin) => {
    const startedAt = trace ? Date.now() : 0;
    try {
      const report = sink.ingest(batch, origin);
      trace?.stored(messagesOf(batch), startedAt, Date.now(), report?.transactionMs ?? null);
    } catch (err) {
      onError(err);
    }
  };
  const store = (item: Queued) => {
    if (item.kind === 'live') return ingest(item.batch, 'live');
    const { batch, refused } = parseItems(item.batch);
    if (refused > 0) onError(new Error(`left out ${refused} invalid items of a catch-up batch`));
    ingest(batch, 'history');
    item.done?.();
  };
  /**
   * Live events gathered so far join the queue behind what came before them. With
   * `keepMessages` the live messages stay behind to jump the queue on the next turn: a
   * catch-up batch arriving in the same read of the pipe must not push them behind every
   * batch already queued.
   */
  const enqueuePending = (keepMessages = false) => {
    const kept = keepMessages ? pending.messages : [];
    if (size === kept.length) return;
    queue.push({ kind: 'live', batch: { ...pending, messages: keepMessages ? [] : pending.messages } });
    pending = { ...empty(), messages: kept };
    size = kept.length;
  };
  /** Live messages, stored ahead of the queue (see the header for why that is safe). */
  const storeLiveMessages = () => {
    const { messages } = pending;
    if (messages.length === 0) return;
    pending.messages = [];
    size -= messages.length;
    ingest({ messages }, 'live');
  };
  const turn = () => {
    scheduled = false;
    // With nothing queued the live events are one batch; only a queue is worth jumping.
    if (queue.length > 0) storeLiveMessages();
    // The other live events arrived after everything queued, so they join at the end.
    enqueuePending();
    const item = queue.shift();
    if (item?.kind === 'live') store(item);
    else if (item) {
      const [now, rest] = sliceOf(item, sizer.size());
      if (rest) queue.unshift(rest);
      // CPU time, not wall time: on a busy machine the wall clock also counts the time other
      // processes held the CPU, which a smaller slice would not give back. Validation counts.
      const started = process.cpuUsage();
      store(now);
      const used = process.cpuUsage(started);
      const ms = (used.user + used.system) / 1000;
      sizer.record(now.batch.messages?.length ?? 0, ms);
    }
    if (queue.length > 0 || size > 0) schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(turn);
  };
  const flush = () => {
    storeLiveMessages();
    enqueuePending();
    for (let item = queue.shift(); item; item = queue.shift()) store(item);
  };

  return {
    add(e) {
      switch (e.kind) {
        case 'message':
          pending.messages.push(e.message);
          break;
        case 'ack':
          pending.acks.push(e.ack);
          break;
        case 'revoke':
          pending.revokes.push(e.revoke);
          break;
        case 'edit':
          pending.edits.push(e.edit);
          break;
        case 'reaction':
          pending.reactions.push(e.reaction);
          break;
        case 'vote':
          pending.votes.push(e.vote);
          break;
        case 'chat':
          pending.chats.push(e.chat);
          break;
        case 'contact':
          pending.contacts.push(e.contact);
          break;
      }
      size++;
      if (size >= maxItems) enqueuePending();
      schedule();
    },
    queueBatch(batch, done) {
      // Keep order: live updates that came first are stored first (live messages go ahead anyway).
      enqueuePending(true);
      queue.push({ kind: 'catch_up', batch, done });
      schedule();
    },
    addBatch(batch) {
      flush();
      ingest(batch, 'history');
    },
    flush,
  };
}
