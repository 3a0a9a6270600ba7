/**
 * A report's conversation figures from the in-memory conversation index (conversation-index.ts)
 * instead of the two SQL scans of report-scans.ts: the same rows (stored rows touched before the
 * range's end, plus the chats cut again as at that end), the same durations, buckets, medians
 * and 90th percentiles (stats.ts nearest rank), computed over typed arrays: each partition's
 * values are placed by a counting sort on small integer keys, then each slice is sorted natively.
 */
import { REPORT_BUCKET_BOUNDS_MS } from '../../../common/protocol-reports';
import type { StoredConversation } from '../db/repositories/report-tables';
import type { ConversationIndex, Dictionary } from './conversation-index';
import type { Ranked } from './ranks';
import type { ChangedChats, RecutRange } from './recut';
import { bucketIndex, percentile } from './stats';
import type { Zone } from './zone';
import { dayIndex, rangeEnd, rangeStart } from './zone';

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

/** Durations of one side (opened, or resolved), one entry per conversation. */
class Side {
  n = 0;
  value: Float64Array;
  bucket: Int32Array;
  account: Int32Array;
  member: Int32Array;
  memberValue: Float64Array;
  constructor(capacity: number) {
    this.value = new Float64Array(capacity);
    this.bucket = new Int32Array(capacity);
    this.account = new Int32Array(capacity);
    this.member = new Int32Array(capacity);
    this.memberValue = new Float64Array(capacity);
  }
  /** value NaN: none (not answered). */
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
  for (let k = 0; k < keys; k++) {
    if (counts[k] === 0) continue;
    const slice = placed.subarray(offsets[k]!, offsets[k + 1]!).sort();
    medians[k] = percentile(slice, 0.5)!;
  }
  return { medians, counts };
}

/** ranks.ts rankedOf over a side's typed columns: the same figures. */
function rankedSide(s: Side, buckets: number, accounts: Dictionary, members: Dictionary): Ranked {
  // Only the entries with a duration count.
  const keep: number[] = [];
  for (let i = 0; i < s.n; i++) if (!Number.isNaN(s.value[i]!)) keep.push(i);
  const pick = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T): T => {
    const out = make(keep.length);
    keep.forEach((i, j) => (out[j] = a[i]!));
    return out;
  };
  const f64 = (n: number) => new Float64Array(n);
  const i32 = (n: number) => new Int32Array(n);
  const value = pick(s.value, f64);
  const histogram = new Array<number>(REPORT_BUCKET_BOUNDS_MS.length + 1).fill(0);
  for (const v of value) histogram[bucketIndex(v)]! += 1;
  const whole = Float64Array.from(value).sort();
  const toMap = <K>(g: { medians: Float64Array; counts: Int32Array }, name: (k: number) => K) => {
    const out = new Map<K, number>();
    g.medians.forEach((m, k) => {
      if (g.counts[k]! > 0) out.set(name(k), m);
    });
    return out;
  };
  const byBucket = groupMedians(pick(s.bucket, i32), value, keep.length, buckets);
  const byAccount = groupMedians(pick(s.account, i32), value, keep.length, accounts.names.length);
  const byMember = groupMedians(pick(s.member, i32), pick(s.memberValue, f64), keep.length, members.names.length);
  const member = new Map<string, { medianMs: number; n: number }>();
  byMember.medians.forEach((m, k) => {
    if (byMember.counts[k]! > 0) member.set(members.names[k]!, { medianMs: m, n: byMember.counts[k]! });
  });
  return {
    count: whole.length,
    medianMs: percentile(whole, 0.5),
    p90Ms: percentile(whole, 0.9),
    histogram,
    bucket: toMap(byBucket, k => k),
    account: toMap(byAccount, k => accounts.names[k]!),
    member,
  };
}

const numOr = (v: number | null): number => (v === null ? NaN : v);

/** A conversation's facts, from an index row or from a row cut again. */
type Facts = {
  account: number;
  openedAt: number;
  firstResponseAt: number;
  firstResponder: number;
  resolvedAt: number;
  resolvedBy: number;
  assignee: number;
  assigneeSince: number;
  touchedAt: number;
  holders: readonly number[];
  reopenedAt: readonly number[] | null;
};

function factsOfRecut(ix: ConversationIndex, r: StoredConversation): Facts {
  const member = (id: string | null) => (id === null ? -1 : ix.members.id(id));
  return {
    account: ix.accounts.id(r[0]),
    openedAt: r[2],
    firstResponseAt: numOr(r[3]),
    firstResponder: member(r[4]),
    resolvedAt: numOr(r[5]),
    resolvedBy: member(r[6]),
    assignee: member(r[7]),
    assigneeSince: r[8],
    touchedAt: r[13],
    holders: r[9] === '' ? [] : r[9].split(',').map(id => ix.members.id(id)),
    reopenedAt: r[11] ? r[11].split(',').map(Number) : null,
  };
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
  const c = ix.columns();
  const scope = scopeOf(ix.accounts, accountIds);
  const opened = new Side(c.length + recut.rows.length);
  const resolved = new Side(c.length + recut.rows.length);
  const holderCounts = new Map<number, number>();
  const reopenAt: { accountId: string; day: number }[] = [];
  const add = (f: Facts) => {
    if (f.openedAt >= start && f.openedAt < end) {
      const v = f.firstResponseAt - f.openedAt;
      opened.push(v, ofDay[dayIndex(zone, f.openedAt)]!, f.account, f.firstResponder, v);
      for (const h of f.holders) holderCounts.set(h, (holderCounts.get(h) ?? 0) + 1);
    }
    if (f.resolvedAt >= start && f.resolvedAt < end) {
      const by = f.resolvedBy;
      const since = by !== -1 && by === f.assignee ? f.assigneeSince : f.openedAt;
      const handle = f.resolvedAt - Math.max(since, f.openedAt);
      resolved.push(f.resolvedAt - f.openedAt, ofDay[dayIndex(zone, f.resolvedAt)]!, f.account, by, handle);
    }
    if (f.reopenedAt !== null && f.touchedAt >= start && f.openedAt < end)
      for (const t of f.reopenedAt) {
        const day = dayIndex(zone, t);
        if (day !== -1) reopenAt.push({ accountId: ix.accounts.names[f.account]!, day });
      }
  };
  for (let i = 0; i < c.length; i++) {
    // A row touched at or after the end is one of the chats cut again (recut.rows stand for them).
    if (c.live[i] === 0 || scope[c.account[i]!] !== 1 || c.touchedAt[i]! >= end) continue;
    const o = c.openedAt[i]!;
    const r = c.resolvedAt[i]!;
    const reopened = c.reopenedAt[i] !== null && c.touchedAt[i]! >= start;
    if (!(o >= start && o < end) && !(r >= start && r < end) && !reopened) continue;
    add({
      account: c.account[i]!,
      openedAt: o,
      firstResponseAt: c.firstResponseAt[i]!,
      firstResponder: c.firstResponder[i]!,
      resolvedAt: r,
      resolvedBy: c.resolvedBy[i]!,
      assignee: c.assignee[i]!,
      assigneeSince: c.assigneeSince[i]!,
      touchedAt: c.touchedAt[i]!,
      holders: c.holders[i]!,
      reopenedAt: c.reopenedAt[i]!,
    });
  }
  for (const r of recut.rows) if (scope[ix.accounts.id(r[0])] === 1) add(factsOfRecut(ix, r));
  const count = (s: Side, key: 'bucket' | 'account', name: (k: number) => string) => {
    const out = new Map<string, number>();
    for (let i = 0; i < s.n; i++) {
      const k = name(s[key][i]!);
      out.set(k, (out.get(k) ?? 0) + 1);
    }
    return out;
  };
  const accountName = (k: number) => ix.accounts.names[k]!;
  return {
    openedPer: count(opened, 'bucket', k => `${k}`),
    openedAcc: count(opened, 'account', accountName),
    resolvedPer: count(resolved, 'bucket', k => `${k}`),
    resolvedAcc: count(resolved, 'account', accountName),
    frt: rankedSide(opened, buckets, ix.accounts, ix.members),
    res: rankedSide(resolved, buckets, ix.accounts, ix.members),
    holders: new Map([...holderCounts].map(([k, n]) => [ix.members.names[k]!, n])),
    reopenAt,
  };
}
