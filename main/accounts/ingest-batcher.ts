/**
 * Collects provider data events from every account and hands them to the store in
 * batches: one transaction per turn of the event loop instead of one per event, which is
 * what keeps a burst of thousands of messages from stalling main.
 */
import type { IngestBatchInput } from '../../common/ingest';
import type { IngestSink } from './ports';
import type { DataEvent } from './supervisor';

export type IngestBatcher = {
  add(event: DataEvent): void;
  /** Bulk data already batched by the child (catch-up): ingested in order, at once. */
  addBatch(batch: IngestBatchInput): void;
  flush(): void;
};

type Pending = {
  contacts: NonNullable<IngestBatchInput['contacts']>;
  chats: NonNullable<IngestBatchInput['chats']>;
  messages: NonNullable<IngestBatchInput['messages']>;
  acks: NonNullable<IngestBatchInput['acks']>;
  revokes: NonNullable<IngestBatchInput['revokes']>;
  edits: NonNullable<IngestBatchInput['edits']>;
  reactions: NonNullable<IngestBatchInput['reactions']>;
};

const empty = (): Pending => ({
  contacts: [],
  chats: [],
  messages: [],
  acks: [],
  revokes: [],
  edits: [],
  reactions: [],
});

export function createIngestBatcher(sink: IngestSink, onError: (err: unknown) => void, maxItems = 500): IngestBatcher {
  let pending = empty();
  let size = 0;
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    if (size === 0) return;
    const batch = pending;
    pending = empty();
    size = 0;
    try {
      sink.ingest(batch);
    } catch (err) {
      onError(err);
    }
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
        case 'chat':
          pending.chats.push(e.chat);
          break;
        case 'contact':
          pending.contacts.push(e.contact);
          break;
      }
      size++;
      if (size >= maxItems) flush();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    addBatch(batch) {
      flush(); // keep order: live events that came first are stored first
      try {
        sink.ingest(batch);
      } catch (err) {
        onError(err);
      }
    },
    flush,
  };
}
