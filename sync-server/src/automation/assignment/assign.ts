/**
 * Auto-assignment on the server (#17): a chat is given to the member the pure decision
 * picks, with the same conditional write, chat:updated fact and grants as a manual
 * `chat:assign`, audited as `chat.auto_assign` (no member, no device). Chats nobody can take
 * wait in assignment_waiting and are assigned oldest first when someone can.
 */
import type { AssignmentCandidate } from '../../../../common/automation/assignment/decide';
import { pickAssignee } from '../../../../common/automation/assignment/decide';
import type { WireSettings } from '../../../../common/protocol';
import type { RawTx } from '../../db/index';
import type { NumberAssignment } from '../../db/repositories/assignment';
import { candidatesOf, clearWaiting, drizzleOn, markWaiting, saveCursor } from '../../db/repositories/assignment';
import type { ChatRow } from '../../db/repositories/chats';
import { chatByIdLatest, updateChatIfVersion } from '../../db/repositories/chats';
import type { NewEvent } from '../../db/repositories/events';
import { getSettings } from '../../db/repositories/members';
import { insertAudit } from '../../db/repositories/workspace';
import { accessChangeEvents, chatEvent, firstSightEvents } from '../../handlers/access';

export const AUTO_ASSIGN_ACTION = 'chat.auto_assign';

/** `born`: the chat was created in the caller's transaction, so no device has it yet. */
export type Waiting = { readonly chatId: string; readonly since: number; readonly born?: boolean };

const snapshot = (c: ChatRow) => ({ assigneeId: c.assigneeId, status: c.status, version: c.version });

/**
 * Gives one chat to `memberId` (null: nobody): the conditional write, its facts and the
 * audit row. `mode` names what decided it: an assignment mode, or `rule:<id>`.
 */
export async function assignOne(
  tx: RawTx,
  chat: ChatRow,
  memberId: string | null,
  mode: string,
  settings: WireSettings,
  now: number,
  born = false,
): Promise<NewEvent[] | null> {
  const db = drizzleOn(tx);
  const next = await updateChatIfVersion(db, chat.id, chat.version, { assigneeId: memberId });
  if (!next) return null;
  const access = born ? await firstSightEvents(db, next) : await accessChangeEvents(db, chat, next, settings);
  const events = [chatEvent('chat:updated', next), ...access];
  await insertAudit(db, {
    memberId: null,
    deviceId: null,
    action: AUTO_ASSIGN_ACTION,
    chatId: chat.id,
    before: snapshot(chat),
    after: { ...snapshot(next), mode },
    at: now,
  });
  return events;
}

/**
 * Assigns these chats of one number in the order given (oldest first), inside the caller's
 * transaction. A chat already assigned (a redelivered push, a manual assign) or gone is
 * only taken off the waiting list; one nobody can take is put on it.
 */
export async function assignChats(
  tx: RawTx,
  number: NumberAssignment,
  chats: readonly Waiting[],
  now: number,
): Promise<{ events: NewEvent[]; assigned: number }> {
  const db = drizzleOn(tx);
  let candidates: AssignmentCandidate[] = await candidatesOf(tx, number.accountId);
  let settings: WireSettings | null = null;
  let cursor = number.cursor;
  const events: NewEvent[] = [];
  let assigned = 0;
  for (const w of chats) {
    const chat = await chatByIdLatest(db, w.chatId);
    if (!chat || chat.assigneeId !== null || chat.isGroup || chat.accountId !== number.accountId) {
      await clearWaiting(tx, w.chatId);
      continue;
    }
    const pick = pickAssignee({ mode: number.mode, candidates, cursor });
    if (pick === null) {
      await markWaiting(tx, chat.id, number.accountId, w.since);
      continue;
    }
    settings ??= await getSettings(db);
    const done = await assignOne(tx, chat, pick, number.mode, settings, now, w.born);
    if (!done) continue;
    events.push(...done);
    await clearWaiting(tx, chat.id);
    assigned++;
    cursor = pick;
    candidates = candidates.map(c => (c.memberId === pick ? { ...c, openChats: c.openChats + 1 } : c));
  }
  if (cursor !== number.cursor) await saveCursor(tx, number.accountId, cursor);
  return { events, assigned };
}
