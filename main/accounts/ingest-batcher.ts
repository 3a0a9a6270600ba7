/**
 * Collects provider data events from every account and hands them to the store in
 * batches: one transaction per turn of the event loop instead of one per event, which is
 * what keeps a burst of thousands of messages from stalling the core.
 *
 * Catch-up batches from the children are queued and stored one per turn as well: several
 * can arrive in one read of the IPC pipe (two in flight per account), and storing them all
 * in that one turn kept renderer commands waiting for hundreds of milliseconds
 * (renderer.ipc_roundtrip_p99_ms). One FIFO holds both kinds, so an ack that arrived after
 * a batch is never applied before the message it acknowledges.
 */
import type { IngestBatchInput } from '../../common/ingest';
import type { IngestSink } from './ports';
import type { DataEvent } from './supervisor';

export type IngestBatcher = {
  add(event: DataEvent): void;
  /** Bulk data already batched by the child (catch-up): stored in order on a later turn; `done` after. */
  queueBatch(batch: IngestBatchInput, done: () => void): void;
  /** Bulk data a caller reads back right away (older history it asked for): stored now, in order. */
  addBatch(batch: IngestBatchInput): void;
  /** Stores everything pending and queued, now. */
  flush(): void;
};

type Queued = { readonly batch: IngestBatchInput; readonly done?: () => void };

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

export function createIngestBatcher(sink: IngestSink, onError: (err: unknown) => void, maxItems = 500): IngestBatcher {
  let pending = empty();
  let size = 0;
  const queue: Queued[] = [];
  let scheduled = false;

  const store = (item: Queued) => {
    try {
      sink.ingest(item.batch);
    } catch (err) {
      onError(err);
    }
    item.done?.();
  };
  /** Live events gathered so far join the queue behind what came before them. */
  const enqueuePending = () => {
    if (size === 0) return;
    queue.push({ batch: pending });
    pending = empty();
    size = 0;
  };
  const turn = () => {
    scheduled = false;
    // Pending live events arrived after everything queued, so they join at the end.
    enqueuePending();
    const item = queue.shift();
    if (item) store(item);
    if (queue.length > 0 || size > 0) schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(turn);
  };
  const flush = () => {
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
      enqueuePending(); // keep order: live events that came first are stored first
      queue.push({ batch, done });
      schedule();
    },
    addBatch(batch) {
      flush();
      store({ batch });
    },
    flush,
  };
}
