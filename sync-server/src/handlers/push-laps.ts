/**
 * Where a push's time goes, in /metrics (`blazz_push_part_seconds_total{part}`) and for the
 * server benchmark's breakdown: each part's wall time, summed over pushes. The parts of one
 * push run one after another, so their sum is the push's time on the server; a device's
 * next push may run its 'insert' while this one runs the parts after it.
 */
import type { Counter } from 'prom-client';

export const PUSH_PARTS = [
  /** zod check of the payload and the caller's reads (session, member, hosting) */
  'check',
  /** waiting for the device's earlier push: to let this one insert ahead, then to commit (push-order.ts) */
  'turn',
  /** the new messages' plain multi-row INSERT, ahead of the turn (it overlaps the earlier push's later parts) */
  'insert',
  /** contacts, chats and the chats a push opens */
  'chats',
  /** the messages' 100 chats moved to the top, and the merge of keys stored before (read + upsert) */
  'messages',
  /** report counters and the dirty-chat queue (0034) */
  'reports',
  /** automated sends, polls, mentions, acks, edits, revokes, reactions and votes */
  'extras',
  /** the first-response clock, auto-assignment, automated replies and rules */
  'automation',
  /** appending the events to the log */
  'events',
  /** COMMIT (durable: the redo log is flushed) */
  'commit',
] as const;

export type PushPart = (typeof PUSH_PARTS)[number];

/** Laps of one push: `lap(part)` books the time since the previous lap to `part`. */
export type PushLaps = { lap(part: PushPart): void };

export function pushLaps(counter: Counter<'part'>): PushLaps {
  let last = performance.now();
  return {
    lap(part) {
      const now = performance.now();
      counter.inc({ part }, (now - last) / 1000);
      last = now;
    },
  };
}

/** For the paths nobody measures (Cloud API numbers, tests). */
export const NO_LAPS: PushLaps = { lap: () => undefined };
