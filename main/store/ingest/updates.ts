/** Acks, deletes ("revokes"), edits and reactions: changes to messages already stored. */
import type { AccountId, ChatId } from '../../../common/domain';
import { messageIdOf } from '../../../common/domain';
import type { AckUpdate, EditUpdate, PollVoteInput, ReactionInput, RevokeUpdate } from '../../../common/ingest';
import { ackCode } from '../rows';
import type { IngestContext } from './context';
import { rewritten, touch } from './context';
import { beforeRewrite } from './search-index';

/** Records what an update changed, or that it was about a message we do not hold. */
function applied(
  ctx: IngestContext,
  accountId: string,
  providerMessageId: string,
  chatId: unknown,
  changesText = false,
): void {
  if (typeof chatId !== 'string') {
    ctx.report.updatesIgnored += 1;
    return;
  }
  ctx.report.updatesApplied += 1;
  const id = messageIdOf(accountId as AccountId, providerMessageId);
  ctx.updatedIds.add(id);
  rewritten(ctx, id);
  const t = touch(ctx, chatId as ChatId);
  // Edits and deletes may change the chat's preview line; acks and reactions do not.
  if (changesText) t.recompute = true;
}

export function applyAck(ctx: IngestContext, a: AckUpdate): void {
  const code = ackCode(a.ack);
  // Ticks only move forward; 'failed' only replaces a send that never left (pending).
  const sql =
    a.ack === 'failed'
      ? 'UPDATE messages SET ack = 0 WHERE account_id = ? AND provider_message_id = ? AND ack <= 1 RETURNING chat_id'
      : 'UPDATE messages SET ack = ? WHERE account_id = ? AND provider_message_id = ? AND ack < ? RETURNING chat_id';
  const chatId =
    a.ack === 'failed'
      ? ctx.db.prepare(sql).pluck().get(a.accountId, a.providerMessageId)
      : ctx.db.prepare(sql).pluck().get(code, a.accountId, a.providerMessageId, code);
  if (chatId === undefined && exists(ctx, a.accountId, a.providerMessageId)) return; // already at or past it
  applied(ctx, a.accountId, a.providerMessageId, chatId);
}

function exists(ctx: IngestContext, accountId: string, providerMessageId: string): boolean {
  return (
    ctx.db
      .prepare('SELECT 1 FROM messages WHERE account_id = ? AND provider_message_id = ?')
      .pluck()
      .get(accountId, providerMessageId) !== undefined
  );
}

/** "Deleted for everyone": the text goes too, so it no longer shows up in search. */
export function applyRevoke(ctx: IngestContext, r: RevokeUpdate): void {
  beforeRewrite(ctx);
  const chatId = ctx.db
    .prepare(
      `UPDATE messages SET revoked = 1, body = NULL, caption = NULL, media = NULL, location = NULL, vcard = NULL
       WHERE account_id = ? AND provider_message_id = ? AND revoked = 0 RETURNING chat_id`,
    )
    .pluck()
    .get(r.accountId, r.providerMessageId);
  if (chatId === undefined && exists(ctx, r.accountId, r.providerMessageId)) return;
  applied(ctx, r.accountId, r.providerMessageId, chatId, true);
}

/** An edit replaces the text, or the caption of a media message. */
export function applyEdit(ctx: IngestContext, e: EditUpdate): void {
  beforeRewrite(ctx);
  const chatId = ctx.db
    .prepare(
      `UPDATE messages SET
         body = CASE WHEN caption IS NOT NULL AND body IS NULL THEN NULL ELSE @body END,
         caption = CASE WHEN caption IS NOT NULL AND body IS NULL THEN @body ELSE caption END,
         edited = 1
       WHERE account_id = @accountId AND provider_message_id = @providerMessageId AND revoked = 0
       RETURNING chat_id`,
    )
    .pluck()
    .get({ body: e.body, accountId: e.accountId, providerMessageId: e.providerMessageId });
  applied(ctx, e.accountId, e.providerMessageId, chatId, true);
}

type Changed = { account_id: string; provider_message_id: string; chat_id: string };

const keyOf = (u: { accountId: string; providerMessageId: string }) => `${u.accountId}\u0000${u.providerMessageId}`;
const tuples = (n: number, arity: number) =>
  Array.from({ length: n }, () => `(${Array.from({ length: arity }, () => '?').join(', ')})`).join(', ');

/**
 * A batch's edits (in groups of at most 100, see ingest/index.ts) in one statement. Why: every
 * statement that rewrites message text makes FTS5 write out its pending terms as a segment of
 * their own (its statement savepoint, see search-index.ts), so five edits wrote five small
 * segments, each merged later; one UPDATE writes one. Same outcome as applying them one after another: the last edit of a message
 * wins (an edit sets the text whatever it was) and every edit of a message it could change
 * counts as applied.
 */
export function applyEdits(ctx: IngestContext, edits: readonly EditUpdate[]): void {
  const last = new Map<string, EditUpdate>();
  for (const e of edits) last.set(keyOf(e), e);
  beforeRewrite(ctx);
  const targets = [...last.values()];
  const rows = ctx.db
    .prepare(
      `WITH e(account_id, provider_message_id, body) AS (VALUES ${tuples(targets.length, 3)})
       UPDATE messages SET
         body = CASE WHEN messages.caption IS NOT NULL AND messages.body IS NULL THEN NULL ELSE e.body END,
         caption = CASE WHEN messages.caption IS NOT NULL AND messages.body IS NULL THEN e.body ELSE messages.caption END,
         edited = 1
       FROM e
       WHERE messages.account_id = e.account_id AND messages.provider_message_id = e.provider_message_id
         AND messages.revoked = 0
       RETURNING account_id, provider_message_id, chat_id`,
    )
    .all(...targets.flatMap(e => [e.accountId, e.providerMessageId, e.body])) as Changed[];
  const chats = new Map(
    rows.map(r => [keyOf({ accountId: r.account_id, providerMessageId: r.provider_message_id }), r.chat_id]),
  );
  for (const e of edits) applied(ctx, e.accountId, e.providerMessageId, chats.get(keyOf(e)), true);
}

/**
 * A batch's revokes in one statement, for the same reason as applyEdits. As one after
 * another: the first revoke of a message applies, a repeat finds it revoked already.
 */
export function applyRevokes(ctx: IngestContext, revokes: readonly RevokeUpdate[]): void {
  const unique = new Map<string, RevokeUpdate>();
  for (const r of revokes) if (!unique.has(keyOf(r))) unique.set(keyOf(r), r);
  beforeRewrite(ctx);
  const targets = [...unique.values()];
  const rows = ctx.db
    .prepare(
      `WITH r(account_id, provider_message_id) AS (VALUES ${tuples(targets.length, 2)})
       UPDATE messages SET revoked = 1, body = NULL, caption = NULL, media = NULL, location = NULL, vcard = NULL
       FROM r
       WHERE messages.account_id = r.account_id AND messages.provider_message_id = r.provider_message_id
         AND messages.revoked = 0
       RETURNING account_id, provider_message_id, chat_id`,
    )
    .all(...targets.flatMap(r => [r.accountId, r.providerMessageId])) as Changed[];
  const chats = new Map(
    rows.map(r => [keyOf({ accountId: r.account_id, providerMessageId: r.provider_message_id }), r.chat_id]),
  );
  for (const r of revokes) {
    const key = keyOf(r);
    const chatId = chats.get(key);
    // Only the first revoke of a message changed it; a repeat, or one of a message revoked before, did not.
    chats.delete(key);
    if (chatId === undefined && exists(ctx, r.accountId, r.providerMessageId)) continue;
    applied(ctx, r.accountId, r.providerMessageId, chatId, true);
  }
}

/**
 * Reactions are kept even when their message is not stored yet (it may arrive in a later
 * history page); a newer reaction by the same sender replaces the older one.
 */
export function applyReaction(ctx: IngestContext, r: ReactionInput): void {
  const { db } = ctx;
  const result =
    r.emoji === ''
      ? db
          .prepare(
            'DELETE FROM reactions WHERE account_id = ? AND provider_message_id = ? AND sender_jid = ? AND ts <= ?',
          )
          .run(r.accountId, r.providerMessageId, r.senderJid, r.timestamp)
      : db
          .prepare(
            `INSERT INTO reactions (account_id, provider_message_id, sender_jid, emoji, ts) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (account_id, provider_message_id, sender_jid)
             DO UPDATE SET emoji = excluded.emoji, ts = excluded.ts WHERE excluded.ts >= reactions.ts`,
          )
          .run(r.accountId, r.providerMessageId, r.senderJid, r.emoji, r.timestamp);
  if (result.changes === 0) return;
  const chatId = db
    .prepare('SELECT chat_id FROM messages WHERE account_id = ? AND provider_message_id = ?')
    .pluck()
    .get(r.accountId, r.providerMessageId);
  applied(ctx, r.accountId, r.providerMessageId, chatId);
}

/**
 * A voter's current choice in a poll, kept in the poll's JSON (the latest update wins; no
 * options: the vote was taken back). A vote for a poll not stored here is ignored.
 */
export function applyVote(ctx: IngestContext, v: PollVoteInput): void {
  const { db } = ctx;
  const result = db
    .prepare(
      `UPDATE messages SET poll = json_set(poll, '$.votes.' || json_quote(@voter), json(@options))
       WHERE account_id = @accountId AND provider_message_id = @id AND poll IS NOT NULL`,
    )
    .run({ voter: v.voterJid, options: JSON.stringify(v.options), accountId: v.accountId, id: v.providerMessageId });
  if (result.changes === 0) {
    ctx.report.updatesIgnored += 1;
    return;
  }
  const chatId = db
    .prepare('SELECT chat_id FROM messages WHERE account_id = ? AND provider_message_id = ?')
    .pluck()
    .get(v.accountId, v.providerMessageId);
  applied(ctx, v.accountId, v.providerMessageId, chatId);
}
