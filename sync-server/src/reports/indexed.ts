/**
 * A report's conversation figures from the in-memory conversation index (conversation-index.ts)
 * (the tests compute the same from two SQL scans: tests/helpers/report-oracle): the same rows (stored rows touched before the
 * range's end, plus the chats cut again as at that end), the same durations, buckets, medians
 * and 90th percentiles (stats.ts nearest rank), computed over typed arrays: each partition's
 * values are placed by a counting sort on small integer keys, then each slice's rank is selected
 * (stats.ts selectPercentile) rather than the slice sorted.
 */
import { REPORT_BUCKET_BOUNDS_MS } from '../../../common/protocol-reports';
import type { StoredConversation } from '../db/repositories/report-tables';
import type { ConversationIndex, Dictionary, IndexColumns } from './conversation-index';
import type { ChangedChats, RecutRange } from './recut';
import { selectPercentile } from './stats';
import type { Zone } from './zone';
import { dayIndex, rangeEnd, rangeStart } from './zone';

/** Duration figures: count, median, 90th percentile and histogram, and medians per trend bucket, number and member. */
export type Ranked = {
  readonly count: number;
  readonly medianMs: number | null;
  readonly p90Ms: number | null;
  readonly histogram: number[];
  readonly bucket: ReadonlyMap<number, number>;
  readonly account: ReadonlyMap<string, number>;
  /** Per member (first responder, or resolver): the median of their own durations and how many. */
  readonly member: ReadonlyMap<string, { readonly medianMs: number; readonly n: number }>;
};

/** What aggregate.ts needs of the conversations of a range, however they were read. */
export type ConversationParts = {
  readonly openedPer: Map<string, number>;
  readonly openedAcc: Map<string, number>;
  readonly resolvedPer: Map<string, number>;
  readonly resolvedAcc: Map<string, number>;
  readonly frt: Ranked;
  readonly res: Ranked;
  /** Conversations opened in the range per member who held them. */
  readonly holders: Map<string, number>;
  /** Each reopening in the range: its number and its day's index. */
  readonly reopenAt: readonly { accountId: string; day: number }[];
};

/**
 * The chats with a conversation the range reads that was touched at or after its end (as
 * report-recut.ts changedAfterEnd finds them in SQL), each from its earliest such opening.
 */
export function changedInIndex(
  ix: ConversationIndex,
  accountIds: readonly string[],
  start: number,
  end: number,
): ChangedChats {
  const c = ix.columns();
  const scope = scopeOf(ix.accounts, accountIds);
  const from = new Map<string, number>();
  const accountOf = new Map<string, string>();
  for (let i = 0; i < c.length; i++) {
    if (c.live[i] === 0 || scope[c.account[i]!] !== 1 || c.touchedAt[i]! < end) continue;
    const opened = c.openedAt[i]!;
    if (opened >= end) continue;
    const resolved = c.resolvedAt[i]!;
    const resolvedIn = resolved >= start && resolved < end;
    const reopened = c.reopenedAt[i] !== null && (Number.isNaN(resolved) || resolved < start || resolved >= end);
    if (opened < start && !resolvedIn && !reopened) continue;
    const chat = ix.chats.names[c.chat[i]!]!;
    from.set(chat, Math.min(from.get(chat) ?? opened, opened));
    accountOf.set(chat, ix.accounts.names[c.account[i]!]!);
  }
  return { from, accountOf };
}

function scopeOf(accounts: Dictionary, accountIds: readonly string[]): Uint8Array {
  const scope = new Uint8Array(accounts.names.length + accountIds.length);
  for (const id of accountIds) scope[accounts.id(id)] = 1;
  return scope;
}

/** The durations of one side (opened, or resolved) that have one, one entry per conversation. */
class Durations {
  n = 0;
  readonly value: Float64Array;
  readonly bucket: Int32Array;
  readonly account: Int32Array;
  readonly member: Int32Array;
  readonly memberValue: Float64Array;
  constructor(capacity: number) {
    this.value = new Float64Array(capacity);
    this.bucket = new Int32Array(capacity);
    this.account = new Int32Array(capacity);
    this.member = new Int32Array(capacity);
    this.memberValue = new Float64Array(capacity);
  }
  push(value: number, bucket: number, account: number, member: number, memberValue: number): void {
    const i = this.n++;
    this.value[i] = value;
    this.bucket[i] = bucket;
    this.account[i] = account;
    this.member[i] = member;
    this.memberValue[i] = memberValue;
  }
}

/** The median of each key's values (keys 0…keys-1; -1 skipped), and how many each had. */
function groupMedians(
  key: Int32Array,
  value: Float64Array,
  n: number,
  keys: number,
): { medians: Float64Array; counts: Int32Array } {
  const counts = new Int32Array(keys);
  for (let i = 0; i < n; i++) if (key[i]! >= 0) counts[key[i]!]! += 1;
  const offsets = new Int32Array(keys + 1);
  for (let k = 0; k < keys; k++) offsets[k + 1] = offsets[k]! + counts[k]!;
  const placed = new Float64Array(offsets[keys]!);
  const next = offsets.slice(0, keys);
  for (let i = 0; i < n; i++) if (key[i]! >= 0) placed[next[key[i]!]!++] = value[i]!;
  const medians = new Float64Array(keys).fill(NaN);
  for (let k = 0; k < keys; k++)
    if (counts[k]! > 0) medians[k] = selectPercentile(placed, 0.5, offsets[k]!, offsets[k + 1]!)!;
  return { medians, counts };
}

const BOUNDS = Float64Array.from(REPORT_BUCKET_BOUNDS_MS);

/** A side's duration figures over its typed columns (the oracle's rankedOf gives the same). */
function rankedSide(s: Durations, buckets: number, accounts: Dictionary, members: Dictionary): Ranked {
  const value = s.value.subarray(0, s.n);
  const histogram = new Array<number>(BOUNDS.length + 1).fill(0);
  for (const v of value) {
    // stats.ts bucketIndex: the first bound above the value, else the last bucket.
    let b = 0;
    while (b < BOUNDS.length && v >= BOUNDS[b]!) b++;
    histogram[b]! += 1;
  }
  const whole = value.slice();
  const toMap = <K>(g: { medians: Float64Array; counts: Int32Array }, name: (k: number) => K) => {
    const out = new Map<K, number>();
    for (let k = 0; k < g.counts.length; k++) if (g.counts[k]! > 0) out.set(name(k), g.medians[k]!);
    return out;
  };
  const byBucket = groupMedians(s.bucket, value, s.n, buckets);
  const byAccount = groupMedians(s.account, value, s.n, accounts.names.length);
  const byMember = groupMedians(s.member, s.memberValue, s.n, members.names.length);
  const member = new Map<string, { medianMs: number; n: number }>();
  for (let k = 0; k < byMember.counts.length; k++)
    if (byMember.counts[k]! > 0)
      member.set(members.names[k]!, { medianMs: byMember.medians[k]!, n: byMember.counts[k]! });
  return {
    count: whole.length,
    medianMs: selectPercentile(whole, 0.5),
    p90Ms: selectPercentile(whole, 0.9),
    histogram,
    bucket: toMap(byBucket, k => k),
    account: toMap(byAccount, k => accounts.names[k]!),
    member,
  };
}

/** Rows cut again as at the range's end, as index columns (their ids added to the dictionaries). */
function recutColumns(ix: ConversationIndex, rows: readonly StoredConversation[]): IndexColumns {
  const n = rows.length;
  const member = (id: string | null) => (id === null ? -1 : ix.members.id(id));
  const f64 = (at: (r: StoredConversation) => number | null) => Float64Array.from(rows, r => at(r) ?? NaN);
  const i32 = (at: (r: StoredConversation) => number) => Int32Array.from(rows, at);
  return {
    length: n,
    live: new Uint8Array(n).fill(1),
    account: i32(r => ix.accounts.id(r[0])),
    chat: new Int32Array(n),
    openedAt: f64(r => r[2]),
    firstResponseAt: f64(r => r[3]),
    firstResponder: i32(r => member(r[4])),
    resolvedAt: f64(r => r[5]),
    resolvedBy: i32(r => member(r[6])),
    assignee: i32(r => member(r[7])),
    assigneeSince: f64(r => r[8]),
    touchedAt: f64(r => r[13]),
    holders: rows.map(r => (r[9] === '' ? [] : r[9].split(',').map(id => ix.members.id(id)))),
    reopenedAt: rows.map(r => (r[11] ? r[11].split(',').map(Number) : null)),
  };
}

/** Per-key counts as the SQL path's maps (keys with none left out). */
function countMap<K>(counts: Int32Array, name: (k: number) => K): Map<K, number> {
  const out = new Map<K, number>();
  for (let k = 0; k < counts.length; k++) if (counts[k]! > 0) out.set(name(k), counts[k]!);
  return out;
}

/** The conversation figures of [start, end) for these numbers, as the SQL scans give them. */
export function indexedParts(
  ix: ConversationIndex,
  accountIds: readonly string[],
  zone: Zone,
  ofDay: readonly number[],
  buckets: number,
  recut: RecutRange,
): ConversationParts {
  const start = rangeStart(zone);
  const end = rangeEnd(zone);
  const stored = ix.columns();
  const scope = scopeOf(ix.accounts, accountIds);
  // Every id the recut rows name is in the dictionaries before the counters are sized.
  const cut = recutColumns(ix, recut.rows);
  const accounts = ix.accounts.names.length;
  const members = ix.members.names.length;
  const capacity = stored.length + cut.length;
  const frt = new Durations(capacity);
  const res = new Durations(capacity);
  const openedPer = new Int32Array(buckets);
  const openedAcc = new Int32Array(accounts);
  const resolvedPer = new Int32Array(buckets);
  const resolvedAcc = new Int32Array(accounts);
  const holders = new Int32Array(members);
  const reopenAt: { accountId: string; day: number }[] = [];
  // A stored row touched at or after the end is one of the chats cut again (the recut rows stand for them).
  const scan = (c: IndexColumns, isStored: boolean) => {
    for (let i = 0; i < c.length; i++) {
      const account = c.account[i]!;
      if (c.live[i] === 0 || scope[account] !== 1) continue;
      const touched = c.touchedAt[i]!;
      if (isStored && touched >= end) continue;
      const opened = c.openedAt[i]!;
      if (opened >= start && opened < end) {
        const b = ofDay[dayIndex(zone, opened)]!;
        openedPer[b]! += 1;
        openedAcc[account]! += 1;
        const v = c.firstResponseAt[i]! - opened;
        if (!Number.isNaN(v)) frt.push(v, b, account, c.firstResponder[i]!, v);
        for (const h of c.holders[i]!) holders[h]! += 1;
      }
      const resolved = c.resolvedAt[i]!;
      if (resolved >= start && resolved < end) {
        const b = ofDay[dayIndex(zone, resolved)]!;
        resolvedPer[b]! += 1;
        resolvedAcc[account]! += 1;
        const by = c.resolvedBy[i]!;
        const since = by !== -1 && by === c.assignee[i] ? c.assigneeSince[i]! : opened;
        res.push(resolved - opened, b, account, by, resolved - Math.max(since, opened));
      }
      const reopened = c.reopenedAt[i];
      if (reopened && touched >= start && opened < end)
        for (const t of reopened) {
          const day = dayIndex(zone, t);
          if (day !== -1) reopenAt.push({ accountId: ix.accounts.names[account]!, day });
        }
    }
  };
  scan(stored, true);
  scan(cut, false);
  const accountName = (k: number) => ix.accounts.names[k]!;
  return {
    openedPer: countMap(openedPer, k => `${k}`),
    openedAcc: countMap(openedAcc, accountName),
    resolvedPer: countMap(resolvedPer, k => `${k}`),
    resolvedAcc: countMap(resolvedAcc, accountName),
    frt: rankedSide(frt, buckets, ix.accounts, ix.members),
    res: rankedSide(res, buckets, ix.accounts, ix.members),
    holders: countMap(holders, k => ix.members.names[k]!),
    reopenAt,
  };
}
