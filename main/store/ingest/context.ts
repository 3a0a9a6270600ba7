/** State shared by the steps of one ingest transaction. */
import type { ChatId, MessageId, MessageType } from '../../../common/domain';
import type { StoreDb } from '../db';
import type { ChatRow, MessageRow } from '../rows';

export type IngestKind = 'batch' | 'contact' | 'chat' | 'message' | 'ack' | 'revoke' | 'edit' | 'reaction' | 'vote';

export type IngestRejection = {
  readonly kind: IngestKind;
  /** Position in its array of the batch. */
  readonly index: number;
  readonly reason: string;
};

export type IngestReport = {
  contacts: number;
  chats: number;
  messagesInserted: number;
  messagesUpdated: number;
  /** acks, revokes, edits and reactions that changed something. */
  updatesApplied: number;
  /** Valid updates about messages this store does not hold (yet); not an error. */
  updatesIgnored: number;
  rejectedCount: number;
  /** The first rejections, with reasons (capped so a garbage batch cannot blow up the report). */
  rejected: IngestRejection[];
  chatIds: ChatId[];
  newMessageIds: MessageId[];
  updatedMessageIds: MessageId[];
  /** Where the batch's time went, for the slow-batch log and the benchmark's breakdown. */
  timing: IngestTiming;
};

export type IngestTiming = {
  /**
   * Before the first write: waiting while the checkpoint thread RESTARTs the WAL (the writer
   * holds back for it, see checkpointer.ts) and BEGIN IMMEDIATE.
   */
  beginMs: number;
  /** zod checks of each item. */
  validateMs: number;
  /** Lookups, inserts and updates of rows (with their FTS triggers). */
  applyMs: number;
  /** Chat summaries (last message, unread, order) of every touched chat. */
  summaryMs: number;
  /** COMMIT: the WAL writes of every page the batch dirtied, FTS segments included. */
  commitMs: number;
  /** After the commit, `ingestWithFacts` only: the facts' messages and chats, built or read back. */
  factsMs: number;
};

export const MAX_LISTED_REJECTIONS = 100;

export type ChatRef = {
  readonly seq: number;
  readonly id: ChatId;
  readonly readAt: number;
};

/** The newest message inserted into a chat by this batch: a candidate for its summary. */
export type NewestInsert = {
  readonly seq: number;
  readonly ts: number;
  readonly fromMe: boolean;
  readonly type: MessageType;
  readonly body: string | null;
  readonly caption: string | null;
  readonly revoked: boolean;
};

/**
 * What a chat gets at the end of the batch. Plain inserts only compare their newest message
 * with the stored summary; anything that may have changed an existing message (edit,
 * revoke, re-delivery, merge) sets `recompute`, which reads the last message back.
 */
export type ChatTouch = {
  unreadDelta: number;
  unreadOverride: number | null;
  newest: NewestInsert | null;
  recompute: boolean;
};

export type IngestContext = {
  readonly db: StoreDb;
  readonly now: number;
  readonly report: IngestReport;
  readonly touched: Map<ChatId, ChatTouch>;
  readonly knownAccounts: Map<string, boolean>;
  readonly chatRefs: Map<string, ChatRef | null>;
  readonly updatedIds: Set<MessageId>;
  /** Rows inserted by this transaction whose search index rows are not written yet (search-index.ts). */
  readonly unindexed: Set<number>;
  /**
   * `ingestWithFacts` only (else null): the rows this batch inserted, as written, for the
   * facts. A row any later statement of the batch may have changed is taken out (`rewritten`)
   * and read back instead, so the facts are always the stored rows.
   */
  readonly built: Map<MessageId, MessageRow> | null;
};

/** What `ingestWithFacts` keeps of the rows a batch wrote, for its facts (facts.ts). */
export type WrittenRows = {
  /** New messages as inserted (IngestContext.built). */
  readonly messages: Map<MessageId, MessageRow>;
  /** Touched chats as their summary's UPDATE returned them (summary.ts). */
  readonly chats: Map<ChatId, ChatRow>;
};

/** A statement of this batch may have changed the row of `id` after its insert: the facts read it back. */
export function rewritten(ctx: IngestContext, id: MessageId): void {
  ctx.built?.delete(id);
}

export function emptyReport(): IngestReport {
  return {
    contacts: 0,
    chats: 0,
    messagesInserted: 0,
    messagesUpdated: 0,
    updatesApplied: 0,
    updatesIgnored: 0,
    rejectedCount: 0,
    rejected: [],
    chatIds: [],
    newMessageIds: [],
    updatedMessageIds: [],
    timing: { beginMs: 0, validateMs: 0, applyMs: 0, summaryMs: 0, commitMs: 0, factsMs: 0 },
  };
}

export function reject(ctx: Pick<IngestContext, 'report'>, kind: IngestKind, index: number, reason: string): void {
  ctx.report.rejectedCount += 1;
  if (ctx.report.rejected.length < MAX_LISTED_REJECTIONS) ctx.report.rejected.push({ kind, index, reason });
}

export function touch(ctx: IngestContext, chatId: ChatId): ChatTouch {
  let t = ctx.touched.get(chatId);
  if (!t) {
    t = { unreadDelta: 0, unreadOverride: null, newest: null, recompute: false };
    ctx.touched.set(chatId, t);
  }
  return t;
}

export function accountExists(ctx: IngestContext, accountId: string): boolean {
  let known = ctx.knownAccounts.get(accountId);
  if (known === undefined) {
    known = ctx.db.prepare('SELECT 1 FROM accounts WHERE id = ?').pluck().get(accountId) !== undefined;
    ctx.knownAccounts.set(accountId, known);
  }
  return known;
}

/** First lines of a zod error, short enough for a log line and a UI toast. */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map(i => `${i.path.map(String).join('.') || '(item)'}: ${i.message}`)
    .join('; ');
}
