/** Chat summaries (last message, unread count, activity time), refreshed once per touched chat per batch. */
import { previewOf } from '../../../common/domain';
import type { MessageType } from '../../../common/domain';
import type { StoreDb } from '../db';
import type { ChatId } from '../../../common/domain';
import type { ChatTouch } from './context';

type LastRow = {
  seq: number;
  ts: number;
  from_me: number;
  type: string;
  body: string | null;
  caption: string | null;
  revoked: number;
};

// Reactions are shown on their message, not as the chat's last line.
const LAST_MESSAGE_SQL = `SELECT seq, ts, from_me, type, body, caption, revoked FROM messages
  WHERE chat_id = ? AND type <> 'reaction' ORDER BY seq DESC LIMIT 1`;

const UPDATE_SQL = `UPDATE chats SET last_message_seq = @seq, last_message_preview = @preview, last_message_at = @ts,
    last_message_from_me = @fromMe, sort_ts = max(sort_ts, coalesce(@ts, 0)),
    unread_count = CASE WHEN @override IS NOT NULL THEN @override ELSE unread_count + @delta END
  WHERE id = @chatId`;

export function refreshChatSummary(db: StoreDb, chatId: ChatId, t: ChatTouch): void {
  const last = db.prepare(LAST_MESSAGE_SQL).get(chatId) as LastRow | undefined;
  db.prepare(UPDATE_SQL).run({
    chatId,
    seq: last?.seq ?? null,
    ts: last?.ts ?? null,
    fromMe: last?.from_me ?? 0,
    preview: last
      ? previewOf({ type: last.type as MessageType, body: last.body, caption: last.caption, revoked: last.revoked === 1 })
      : null,
    override: t.unreadOverride,
    delta: t.unreadDelta,
  });
}
