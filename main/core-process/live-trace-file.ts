/**
 * The live-message trace of a benchmark run (main/accounts/live-trace.ts), appended to a
 * file as JSON lines: one line per live message once the store returned, with the marks the
 * core saw. The bench joins them with the time `messages:received` reached its renderer
 * client. Written every quarter second and on close, off the store's turn.
 */
import { appendFileSync } from 'node:fs';
import type { LiveTrace } from '../accounts/live-trace';

export type LiveTraceLine = {
  readonly accountId: string;
  readonly id: string;
  /** The account process's clock when it sent the message (absent if it did not say). */
  readonly sent: number | null;
  readonly received: number;
  readonly storeStart: number;
  readonly storeEnd: number;
  readonly transactionMs: number | null;
};

/** Messages received but never stored (an account removed meanwhile) are forgotten past this. */
const MAX_OPEN = 10_000;

export function fileLiveTrace(path: string): LiveTrace & { close(): void } {
  const open = new Map<string, { sent: number | null; received: number }>();
  let lines: string[] = [];
  const write = () => {
    if (lines.length === 0) return;
    const text = lines.join('');
    lines = [];
    try {
      appendFileSync(path, text);
    } catch {
      // a benchmark aid: a lost line must not disturb the core
    }
  };
  const timer = setInterval(write, 250);
  timer.unref();
  return {
    received(accountId, providerMessageId, sentAt, receivedAt) {
      if (open.size >= MAX_OPEN) open.clear();
      open.set(`${accountId}\n${providerMessageId}`, { sent: sentAt ?? null, received: receivedAt });
    },
    stored(messages, storeStart, storeEnd, transactionMs) {
      for (const m of messages) {
        const key = `${m.accountId}\n${m.providerMessageId}`;
        const marks = open.get(key);
        if (!marks) continue;
        open.delete(key);
        const line: LiveTraceLine = {
          accountId: m.accountId,
          id: m.providerMessageId,
          ...marks,
          storeStart,
          storeEnd,
          transactionMs,
        };
        lines.push(`${JSON.stringify(line)}\n`);
      }
    },
    close() {
      clearInterval(timer);
      write();
    },
  };
}
