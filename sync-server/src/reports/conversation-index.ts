/**
 * Every stored conversation (report_conversations) of the workspace, kept in this process as
 * typed columns, so a report over any range counts and ranks them without reading and decoding
 * them again (docs/reports.md, "The conversation index"). Loaded at the first report; before
 * each later one, brought up to date from the database: the chats the report worker replaced
 * since (report_versions, 0039) are read again, so every server process, and writes made by
 * another process, are seen as the SQL reads would see them.
 */
import type { RawExec } from '../db/index';
import type { IndexedRow } from '../db/repositories/report-versions';
import {
  VERSIONS_KEEP_MS,
  allIndexedRows,
  chatsIndexedRows,
  versionMarks,
  versionsSince,
} from '../db/repositories/report-versions';

/** A seq not seen yet below the highest one is looked for this long (a transaction still open). */
const GAP_WAIT_MS = 60_000;
/** More gaps than this (a burst of rolled-back writes) and the index loads again. */
const MAX_GAPS = 5_000;

/** Strings as small integers: numbers, chats and members. */
export class Dictionary {
  private readonly ids = new Map<string, number>();
  readonly names: string[] = [];
  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
    }
    return id;
  }
  find(name: string): number | undefined {
    return this.ids.get(name);
  }
}

const NONE = -1;

/** The columns; row i of each is one conversation. NaN: no instant; -1: no member. */
export type IndexColumns = {
  /** Rows used (live or replaced). */
  readonly length: number;
  readonly live: Uint8Array;
  readonly account: Int32Array;
  readonly chat: Int32Array;
  readonly openedAt: Float64Array;
  readonly firstResponseAt: Float64Array;
  readonly firstResponder: Int32Array;
  readonly resolvedAt: Float64Array;
  readonly resolvedBy: Int32Array;
  readonly assignee: Int32Array;
  readonly assigneeSince: Float64Array;
  readonly touchedAt: Float64Array;
  /** Member ids of everyone who held it. */
  readonly holders: readonly (readonly number[])[];
  /** The instants it was reopened at; null when never. */
  readonly reopenedAt: readonly (readonly number[] | null)[];
};

type Mutable = {
  length: number;
  live: Uint8Array;
  account: Int32Array;
  chat: Int32Array;
  openedAt: Float64Array;
  firstResponseAt: Float64Array;
  firstResponder: Int32Array;
  resolvedAt: Float64Array;
  resolvedBy: Int32Array;
  assignee: Int32Array;
  assigneeSince: Float64Array;
  touchedAt: Float64Array;
  /** The chat's previous row (-1: none): each chat's live rows are a chain from its head. */
  next: Int32Array;
  holders: number[][];
  reopenedAt: (number[] | null)[];
};

function columns(capacity: number): Mutable {
  return {
    length: 0,
    live: new Uint8Array(capacity),
    account: new Int32Array(capacity),
    chat: new Int32Array(capacity),
    openedAt: new Float64Array(capacity),
    firstResponseAt: new Float64Array(capacity),
    firstResponder: new Int32Array(capacity),
    resolvedAt: new Float64Array(capacity),
    resolvedBy: new Int32Array(capacity),
    assignee: new Int32Array(capacity),
    assigneeSince: new Float64Array(capacity),
    touchedAt: new Float64Array(capacity),
    next: new Int32Array(capacity),
    holders: [],
    reopenedAt: [],
  };
}

const TYPED = [
  'live',
  'account',
  'chat',
  'openedAt',
  'firstResponseAt',
  'firstResponder',
  'resolvedAt',
  'resolvedBy',
  'assignee',
  'assigneeSince',
  'touchedAt',
  'next',
] as const;

/** The same columns with room for `capacity` rows (the first `length` kept). */
function grown(c: Mutable, capacity: number): Mutable {
  const out = columns(capacity);
  for (const k of TYPED) (out[k] as { set(a: ArrayLike<number>): void }).set(c[k].subarray(0, c.length));
  return { ...out, length: c.length, holders: c.holders, reopenedAt: c.reopenedAt };
}

export type ConversationIndex = {
  /** Brings the index up to date with what the database holds now (loads it the first time). */
  refresh(): Promise<void>;
  readonly columns: () => IndexColumns;
  readonly accounts: Dictionary;
  readonly chats: Dictionary;
  readonly members: Dictionary;
  /** How many conversations it holds. */
  readonly size: () => number;
};

export function conversationIndex(raw: RawExec, clock: () => number = Date.now): ConversationIndex {
  let accounts = new Dictionary();
  let chats = new Dictionary();
  let members = new Dictionary();
  let cols = columns(0);
  /** The last live row of each chat (by chat id; -1 or beyond the end: none), chained by `next`. */
  let head = new Int32Array(0);
  let liveCount = 0;
  let loaded = false;
  let lastSeq = 0;
  let lastRefresh = 0;
  /** Seqs below lastSeq not seen yet, with when they were first missed. */
  let gaps = new Map<number, number>();
  let pending: Promise<void> = Promise.resolve();
  let idle: NodeJS.Timeout | undefined;

  /** Unused for as long as it would have to load again anyway: its memory is given back. */
  function forget(): void {
    accounts = new Dictionary();
    chats = new Dictionary();
    members = new Dictionary();
    cols = columns(0);
    head = new Int32Array(0);
    liveCount = 0;
    loaded = false;
    gaps = new Map();
  }

  const member = (id: string | null) => (id === null ? NONE : members.id(id));
  const list = (text: string | null): number[] => (text ? text.split(',').map(Number) : []);

  function append(r: IndexedRow): void {
    if (cols.length === cols.live.length) cols = grown(cols, Math.max(1024, cols.length * 2));
    const i = cols.length;
    cols.length += 1;
    const chat = chats.id(r[1]);
    cols.live[i] = 1;
    cols.account[i] = accounts.id(r[0]);
    cols.chat[i] = chat;
    cols.openedAt[i] = r[2];
    cols.firstResponseAt[i] = r[3] ?? NaN;
    cols.firstResponder[i] = member(r[4]);
    cols.resolvedAt[i] = r[5] ?? NaN;
    cols.resolvedBy[i] = member(r[6]);
    cols.assignee[i] = member(r[7]);
    cols.assigneeSince[i] = r[8];
    cols.touchedAt[i] = r[11];
    cols.holders[i] = r[9] === '' ? [] : r[9].split(',').map(id => members.id(id));
    const reopened = list(r[10]);
    cols.reopenedAt[i] = reopened.length > 0 ? reopened : null;
    link(chat, i);
    liveCount += 1;
  }

  function link(chat: number, i: number): void {
    if (chat >= head.length) {
      const wider = new Int32Array(Math.max(1024, chat * 2)).fill(NONE);
      wider.set(head);
      head = wider;
    }
    cols.next[i] = head[chat]!;
    head[chat] = i;
  }

  /** Marks a chat's live rows replaced. */
  function unlink(chat: number): void {
    if (chat >= head.length) return;
    for (let i = head[chat]!; i !== NONE; i = cols.next[i]!) {
      cols.live[i] = 0;
      liveCount -= 1;
    }
    head[chat] = NONE;
  }

  /** Drops the replaced rows once they are as many as the live ones. */
  function compact(): void {
    if (cols.length - liveCount <= Math.max(1024, liveCount)) return;
    const out = columns(Math.max(1024, liveCount * 2));
    const keep: number[] = [];
    for (let i = 0; i < cols.length; i++) if (cols.live[i] === 1) keep.push(i);
    for (const k of TYPED) {
      const from = cols[k];
      const to = out[k];
      keep.forEach((i, j) => (to[j] = from[i]!));
    }
    out.holders = keep.map(i => cols.holders[i]!);
    out.reopenedAt = keep.map(i => cols.reopenedAt[i] ?? null);
    out.length = keep.length;
    cols = out;
    head.fill(NONE);
    for (let i = 0; i < cols.length; i++) link(cols.chat[i]!, i);
  }

  async function load(): Promise<void> {
    const now = clock();
    const marks = await versionMarks(raw, now - GAP_WAIT_MS);
    const rows = await allIndexedRows(raw);
    // Fresh dictionaries too: the chats gone since the last load leave no name behind.
    accounts = new Dictionary();
    chats = new Dictionary();
    members = new Dictionary();
    cols = columns(Math.max(1024, Math.ceil(rows.length * 1.25)));
    head = new Int32Array(0);
    liveCount = 0;
    for (const r of rows) append(r);
    lastSeq = marks.max;
    gaps = new Map();
    const seen = new Set(marks.recent);
    for (let s = marks.floor + 1; s <= marks.max && gaps.size <= MAX_GAPS; s++) if (!seen.has(s)) gaps.set(s, now);
    lastRefresh = now;
    loaded = true;
  }

  async function update(): Promise<void> {
    const now = clock();
    // Versions this index never read may have been deleted meanwhile: start again.
    if (!loaded || now - lastRefresh > VERSIONS_KEEP_MS / 2 || gaps.size > MAX_GAPS) return load();
    const versions = await versionsSince(raw, lastSeq, [...gaps.keys()]);
    let top = lastSeq;
    const changed = new Set<string>();
    for (const v of versions) {
      changed.add(v.chatId);
      top = Math.max(top, v.seq);
    }
    const rows = changed.size === 0 ? [] : await chatsIndexedRows(raw, [...changed]);
    // Only once the chats are read again: a failed read leaves the same versions to read next time.
    for (const id of changed) {
      const chat = chats.find(id);
      if (chat !== undefined) unlink(chat);
    }
    for (const r of rows) append(r);
    const fresh = new Set(versions.map(v => v.seq));
    for (const s of fresh) gaps.delete(s);
    for (let s = lastSeq + 1; s < top; s++) if (!fresh.has(s)) gaps.set(s, now);
    for (const [s, since] of gaps) if (now - since > GAP_WAIT_MS) gaps.delete(s);
    lastSeq = top;
    lastRefresh = now;
    compact();
  }

  return {
    refresh() {
      // One at a time, each after the one before: a caller sees what was committed before it asked.
      const next = pending.then(update);
      pending = next.catch(() => undefined);
      clearTimeout(idle);
      idle = setTimeout(forget, VERSIONS_KEEP_MS / 2);
      idle.unref();
      return next;
    },
    columns: () => cols,
    get accounts() {
      return accounts;
    },
    get chats() {
      return chats;
    },
    get members() {
      return members;
    },
    size: () => liveCount,
  };
}
