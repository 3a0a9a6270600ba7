/** Acks, deletes ("revokes"), edits and reactions: changes to messages already stored. */
import type { AccountId, ChatId } from '../../../common/domain';
import { messageIdOf } from '../../../common/domain';
import type { AckUpdate, EditUpdate, PollVoteInput, ReactionInput, RevokeUpdate } from '../../../common/ingest';
import { ackCode } from '../rows';
import type { IngestContext } from './context';
import { touch } from './context';
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
  ctx.updatedIds.add(messageIdOf(accountId as AccountId, providerMessageId));
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
