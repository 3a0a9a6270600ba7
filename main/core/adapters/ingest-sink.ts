import type { IngestBatchInput } from '../../../common/ingest';
import { acceptedItems } from '../../../common/ingest';
import type { IngestSink } from '../../accounts/ports';
import type { Store } from '../../store';
import type { EventBus } from '../../platform/event-bus';
import type { Logger } from '../../platform/log';

export type IngestListener = (report: ReturnType<Store['ingest']>) => void;

/**
 * Provider data → store (one transaction per batch) → facts for the renderer. The store's
 * report names exactly what changed, so pages refresh only those chats and messages.
 */
export type IngestSinkHooks = {
  /** After each stored batch (badges, AI sentiment). */
  readonly onIngested?: IngestListener;
  /** Hosted accounts' batches continue to the workspace server. */
  readonly forward?: (batch: IngestBatchInput) => void;
};

export function storeIngestSink(
  store: Store,
  events: Pick<EventBus, 'emit'>,
  log: Logger,
  hooks: IngestSinkHooks = {},
): IngestSink {
  return {
    ingest(batch: IngestBatchInput) {
      const report = store.ingest(batch);
      if (report.rejectedCount > 0) {
        log.warn('ingest rejected items', { count: report.rejectedCount, first: report.rejected.slice(0, 3) });
      }
      if (report.newMessageIds.length > 0) {
        events.emit('messages:received', { messages: store.getMessages(report.newMessageIds) });
      }
      if (report.updatedMessageIds.length > 0) {
        events.emit('messages:updated', { messages: store.getMessages(report.updatedMessageIds) });
      }
      if (report.chatIds.length > 0) events.emit('chats:changed', { chats: store.getChats(report.chatIds) });
      hooks.onIngested?.(report);
      // Rare: only when the store refused something is the batch filtered again, item by item.
      hooks.forward?.(report.rejectedCount > 0 ? acceptedItems(batch) : batch);
      const t = report.timing;
      return {
        inserted: report.messagesInserted,
        updated: report.updatedMessageIds.length,
        transactionMs: t.applyMs + t.summaryMs + t.commitMs,
      };
    },
    watermarks(accountId) {
      return store.chatWatermarks(accountId as Parameters<Store['chatWatermarks']>[0]);
    },
  };
}
