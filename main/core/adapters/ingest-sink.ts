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
  const floors = catchUpFloorKeeper(store);
  return {
    ingest(batch: IngestBatchInput, origin = 'history') {
      if (origin === 'live' && batch.messages?.length) floors.beforeLive(batch.messages);
      // The facts come with the report: the rows the batch just wrote are not read back.
      const { report, facts } = store.ingestWithFacts(batch);
      if (report.rejectedCount > 0) {
        log.warn('ingest rejected items', { count: report.rejectedCount, first: report.rejected.slice(0, 3) });
      }
      if (report.newMessageIds.length > 0) events.emit('messages:received', { messages: facts.received });
      if (report.updatedMessageIds.length > 0) events.emit('messages:updated', { messages: facts.updated });
      if (report.chatIds.length > 0) events.emit('chats:changed', { chats: facts.chats });
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
    beginCatchUp: accountId => floors.begin(accountId),
    endCatchUp: accountId => floors.end(accountId),
  };
}

/**
 * The store's catch-up floors (store/repositories/catch-up.ts) with, in memory, the chats that
 * already have one: a live message costs a map lookup, and only the first of each chat during
 * a catch-up touches the database.
 */
function catchUpFloorKeeper(store: Store) {
  const running = new Map<string, Set<string>>();
  return {
    begin(accountId: string): ReadonlyMap<string, number> {
      const marks = store.beginCatchUp(accountId);
      running.set(accountId, new Set(Object.keys(store.catchUpFloors(accountId) ?? {})));
      return marks;
    },
    end(accountId: string): void {
      running.delete(accountId);
      store.endCatchUp(accountId);
    },
    beforeLive(messages: NonNullable<IngestBatchInput['messages']>): void {
      const fresh = new Map<string, string[]>();
      for (const m of messages) {
        const known = running.get(m.accountId);
        if (!known || known.has(m.chatJid)) continue;
        known.add(m.chatJid);
        fresh.set(m.accountId, [...(fresh.get(m.accountId) ?? []), m.chatJid]);
      }
      for (const [accountId, jids] of fresh) store.recordCatchUpFloors(accountId, jids);
    },
  };
}
