/**
 * Where a push's time goes, in /metrics (`blazz_push_part_seconds_total{part}`) and for the
 * server benchmark's breakdown: each part's wall time, summed over pushes. The parts of one
 * push run one after another, so their sum is the push's time on the server.
 */
import type { Counter } from 'prom-client';

export const PUSH_PARTS = [
  /** zod check of the payload and the caller's reads (session, member, hosting) */
  'check',
  /** waiting for the device's earlier push to commit (push-order.ts) */
  'turn',
  /** contacts, chats and the chats a push opens */
  'chats',
  /** the messages' multi-row upsert, with the read of the keys already stored */
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
