/**
 * Live delivery of committed events. Each delivery fills message references in and reads
 * the current assignee of chats whose writer did not (one batched query each), then emits
 * every fact to the rooms allowed to see it. Deliveries are prepared concurrently but
 * emitted in the order they were queued, so a node never sends a later commit's facts
 * before an earlier one's.
 */
import type { SyncEvent } from '../../../common/protocol';
import type { Database } from '../db/index';
import type { StoredEvent } from '../db/repositories/events';
import { assigneesOf, fillBodies } from '../db/repositories/fill';
import type { CreatedMessages } from '../db/repositories/push';
import type { ServerLog } from '../log';
import type { SyncServer } from './context';
import type { Delivery } from './rooms';
import { publishEvents } from './rooms';

export type Publisher = {
  /** Queues the events; resolves once they were emitted (or dropped after a logged failure). */
  publish(events: readonly StoredEvent[]): Promise<void>;
  /** Resolves when everything queued so far was emitted. */
  drain(): Promise<void>;
};

/** The messages these events' pushes inserted (usually one push: its own record, not a copy). */
function createdBy(events: readonly StoredEvent[]): CreatedMessages | undefined {
  const all = new Set<CreatedMessages>();
  for (const e of events) if (e.created) all.add(e.created);
  if (all.size <= 1) return [...all][0];
  const merged: CreatedMessages = { messages: new Map(), rowRanges: [] };
  for (const c of all) {
    for (const [k, v] of c.messages) merged.messages.set(k, v);
    merged.rowRanges.push(...c.rowRanges);
  }
  return merged;
}

export function createPublisher(database: Database, io: SyncServer, log: ServerLog): Publisher {
  let tail: Promise<void> = Promise.resolve();

  async function prepare(events: readonly StoredEvent[]) {
    // Every chat's assignee now, not only those the writer left out: a fact written for one
    // assignee and delivered after the chat moved on must not reach them (assigneeMoved).
    const chatEvents = events.filter(e => e.audience === 'chat' && e.chatId);
    const [bodies, assignees] = await Promise.all([
      fillBodies(
        database.raw,
        events.map(e => e.body),
        createdBy(events),
      ),
      chatEvents.length
        ? assigneesOf(
            database.raw,
            chatEvents.map(e => e.chatId!),
          )
        : new Map<string, string | null>(),
    ]);
    const deliveries: Delivery[] = events.map((e, i) => {
      const now = assignees.get(e.chatId ?? '') ?? null;
      return {
        event: { ...bodies[i]!, seq: e.seq } as SyncEvent,
        audience: e.audience,
        accountId: e.accountId ?? null,
        memberId: e.memberId ?? null,
        assigneeId: now,
        assigneeMoved: e.assigneeId !== undefined && e.assigneeId !== now,
        originDevice: e.originDevice ?? null,
      };
    });
    return deliveries;
  }

  return {
    publish(events) {
      if (events.length === 0) return tail;
      // Prepared on the next turn of the event loop: the committing command's continuation (its
      // ack, and a host's next push starting its transaction) runs first, so filling 1,000
      // messages in overlaps MariaDB's work on that push instead of delaying its first statement.
      const ready = new Promise<void>(resolve => setImmediate(resolve)).then(() => prepare(events));
      // Keep the chain alive whatever happens to this delivery; devices catch up by pulling.
      ready.catch(() => undefined);
      const done = tail.then(async () => {
        try {
          publishEvents(io, await ready);
        } catch (err) {
          log.error({ err, events: events.length }, 'live delivery failed; devices will pull');
        }
      });
      tail = done;
      return done;
    },
    drain: () => tail,
  };
}
