/**
 * The facts an ingest batch gives the renderer: the messages it received, the stored messages
 * it changed, and the chats it touched, exactly as the store's readers would return them.
 *
 * Why built: reading every new message back after the commit was about a tenth of the live
 * ingest path (30 ms per 1,000 new messages, idle). The batch has just written those rows, so
 * the ones nothing else touched are taken from what it wrote (IngestContext.built); only rows
 * a later statement of the batch changed, and rows whose stored form depends on other tables
 * (mentions with their contacts' names, the automation mark), are read back. Reactions are
 * always read (one query), since a reaction may have arrived before its message. Chats come
 * from their summary's UPDATE … RETURNING (the batch's last write to each); only chats the
 * batch touched without a summary to write (a tick, a rename) are read.
 */
import type { Chat, ChatId, Message, MessageId } from '../../../common/domain';
import type { StoreDb } from '../db';
import { getChats } from '../repositories/chats';
import { getMessages, messageRowsOf, withStoredReactions } from '../repositories/messages';
import type { ChatRow, MessageRow } from '../rows';
import { chatOf } from '../rows';
import type { IngestReport, WrittenRows } from './context';

export type IngestFacts = {
  /** `messages:received`: the batch's new messages, oldest first (as getMessages). */
  readonly received: Message[];
  /** `messages:updated`: stored messages it changed (as getMessages). */
  readonly updated: Message[];
  /** `chats:changed` (as getChats). */
  readonly chats: Chat[];
};

export function factsOf(db: StoreDb, report: IngestReport, written: WrittenRows): IngestFacts {
  const rows: MessageRow[] = [];
  const unbuilt: MessageId[] = [];
  for (const id of report.newMessageIds) {
    const row = written.messages.get(id);
    if (row) rows.push(row);
    else unbuilt.push(id);
  }
  if (unbuilt.length > 0) rows.push(...messageRowsOf(db, unbuilt));
  // Oldest first, as getMessages orders them (a batch's messages need not arrive in time order).
  rows.sort((a, b) => a.seq - b.seq);
  return {
    received: withStoredReactions(db, rows),
    updated: getMessages(db, report.updatedMessageIds),
    chats: chatsOf(db, report.chatIds, written.chats),
  };
}

/** The touched chats in the report's order (as getChats): returned by their summaries, the rest read. */
function chatsOf(db: StoreDb, ids: readonly ChatId[], returned: ReadonlyMap<ChatId, ChatRow>): Chat[] {
  const unread = ids.filter(id => !returned.has(id));
  const read = new Map(getChats(db, unread).map(c => [c.id, c]));
  return ids.flatMap(id => {
    const row = returned.get(id);
    const chat = row ? chatOf(row) : read.get(id);
    return chat ? [chat] : [];
  });
}
