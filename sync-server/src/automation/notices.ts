/**
 * Notices (common/protocol-notices.ts): one `notice:added` fact per recipient, member
 * audience, written in the caller's transaction so it is sent once with what caused it.
 */
import { randomUUID } from 'node:crypto';
import type { NoticeKind, WireNotice } from '../../../common/protocol-notices';
import type { RawExec } from '../db/index';
import type { NewEvent } from '../db/repositories/events';
import { noticeRecipients } from '../db/repositories/notices';

export type NoticeChat = {
  readonly id: string;
  readonly accountId: string;
  readonly name: string;
  readonly assigneeId: string | null;
};

/** The facts for one notice; empty when nobody (no active assignee, no lead) is there to tell. */
export async function noticeEvents(
  raw: RawExec,
  chat: NoticeChat,
  kind: NoticeKind,
  text: string | null,
  now: number,
): Promise<NewEvent[]> {
  const recipients = await noticeRecipients(raw, chat.accountId, chat.assigneeId);
  const notice: WireNotice = {
    id: randomUUID(),
    kind,
    accountId: chat.accountId,
    chatId: chat.id,
    chatName: chat.name.slice(0, 200),
    text,
    createdAt: now,
  };
  return recipients.map(memberId => ({
    body: { type: 'notice:added', notice },
    audience: 'member',
    memberId,
    accountId: chat.accountId,
    chatId: chat.id,
  }));
}
