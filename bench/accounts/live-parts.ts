/**
 * Where a live message's time goes, part by part (the note of accounts.ingest_to_event):
 * the core process's live trace (main/core-process/live-trace-file.ts: when the account
 * process sent it, when the core received it, when the store began and returned, the
 * store's own transaction time) joined with the message's due time and the time
 * `messages:received` reached the renderer client. All marks are Date.now() of one machine.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { LiveTraceLine } from '../../main/core-process/live-trace-file';
import { percentile } from './setup';

/** A live message as the renderer client saw it. */
export type Arrival = { readonly due: number; readonly at: number };

export const arrivalKey = (accountId: string, providerMessageId: string) => `${accountId}\n${providerMessageId}`;

/** What each part covers: docs/accounts.md, "Where a live message's time goes". */
const PARTS = ['due → sent', 'sent → core', 'core → store', 'store transaction', 'store, rest', '→ renderer'] as const;

export type PartFigures = { readonly traced: number; readonly parts: ReadonlyArray<readonly [string, number, number]> };

/** p95 and median of each part over the arrivals that have a complete trace line. */
export function liveParts(tracePath: string, arrivals: ReadonlyMap<string, Arrival>): PartFigures {
  const lines = existsSync(tracePath) ? readFileSync(tracePath, 'utf8').split('\n') : [];
  const values: number[][] = PARTS.map(() => []);
  let traced = 0;
  for (const text of lines) {
    if (!text) continue;
    const t = JSON.parse(text) as LiveTraceLine;
    const a = arrivals.get(arrivalKey(t.accountId, t.id));
    if (!a || t.sent === null || t.transactionMs === null) continue;
    traced++;
    const call = t.storeEnd - t.storeStart;
    const row = [
      t.sent - a.due,
      t.received - t.sent,
      t.storeStart - t.received,
      t.transactionMs,
      call - t.transactionMs,
      a.at - t.storeEnd,
    ];
    row.forEach((v, i) => values[i]?.push(v));
  }
  return {
    traced,
    parts: PARTS.map((name, i) => [name, percentile(values[i] ?? [], 95), percentile(values[i] ?? [], 50)] as const),
  };
}

export const describeParts = (f: PartFigures): string =>
  f.traced === 0
    ? 'no traced messages'
    : `parts, p95 (median) of ${f.traced} traced: ${f.parts.map(([n, p95, med]) => `${n} ${p95.toFixed(1)} (${med.toFixed(1)}) ms`).join(', ')}`;
