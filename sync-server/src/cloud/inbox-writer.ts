/**
 * The webhook's one durable write, shared: bodies that arrive while an insert is being
 * committed wait and go in together in the next one, so under load many POSTs cost one
 * statement and one log flush instead of queueing for one each. Each POST is still
 * answered only after the commit that holds its body (nothing acknowledged can be lost).
 */
import { insertInboxMany } from '../db/repositories/cloud';
import type { RawExec } from '../db/index';

/** Rows of one statement at most; Meta's bodies are small, this keeps a packet well under max_allowed_packet. */
const MAX_ROWS = 64;

type Waiting = { body: string; resolve: () => void; reject: (err: unknown) => void };

export type InboxWriter = { write(body: string): Promise<void> };

export function createInboxWriter(db: () => RawExec, clock: () => number = Date.now): InboxWriter {
  let queue: Waiting[] = [];
  let busy = false;

  async function drain(): Promise<void> {
    busy = true;
    while (queue.length) {
      const group = queue.slice(0, MAX_ROWS);
      queue = queue.slice(group.length);
      try {
        await insertInboxMany(
          db(),
          group.map(w => w.body),
          clock(),
        );
        for (const w of group) w.resolve();
      } catch (err) {
        for (const w of group) w.reject(err);
      }
    }
    busy = false;
  }

  return {
    write(body) {
      return new Promise<void>((resolve, reject) => {
        queue.push({ body, resolve, reject });
        if (!busy) void drain();
      });
    },
  };
}
