/**
 * Sends a durable queue to the server one item at a time, oldest first: notes and chat
 * changes an agent made offline (note-sender.ts, chat-change-sender.ts). Concurrent flushes
 * share one pass, and a flush that arrives during a pass makes it look again, so an item
 * queued while the last one was in flight is not left until the next reconnect.
 */
import type { Logger } from '../platform/log';

export type QueueDrainDeps<T> = {
  /** The oldest item still to send, or null when the queue is empty. */
  readonly next: () => T | null;
  /** true: done with this item (sent or given up), go on; false: stop this pass. */
  readonly sendOne: (item: T) => Promise<boolean>;
  readonly isOnline: () => boolean;
  readonly log: Logger;
  /** Names the queue in the log when a pass throws. */
  readonly what: string;
  /** How long after a passing failure the queue is tried again. */
  readonly retryMs: number;
};

export type QueueDrain = {
  flush(): Promise<void>;
  /** Tries again after `retryMs` (once, however often it is asked before then). */
  scheduleRetry(): void;
  close(): void;
};

export function createQueueDrain<T>(d: QueueDrainDeps<T>): QueueDrain {
  let running: Promise<void> | null = null;
  let again = false;
  let retryTimer: NodeJS.Timeout | null = null;

  async function drain(): Promise<void> {
    do {
      again = false;
      while (d.isOnline()) {
        const next = d.next();
        if (!next || !(await d.sendOne(next))) break;
      }
    } while (again && d.isOnline());
  }

  function flush(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = drain()
      .catch(err => d.log.error(`${d.what} failed`, { err: String(err) }))
      .finally(() => {
        running = null;
      });
    return running;
  }

  return {
    flush,
    scheduleRetry() {
      if (retryTimer) return;
      retryTimer = setTimeout(() => {
        retryTimer = null;
        void flush();
      }, d.retryMs);
    },
    close() {
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
    },
  };
}
