/**
 * The rule actions that act on the team rather than the customer: assign (to a member, or
 * back to the number's pool for auto-assignment), an internal note and a notice. Each runs
 * inside the rule's savepoint on the push transaction; a problem is an ActionFailed code,
 * recorded with the run, and never stops the other actions or rules.
 */
import { randomUUID } from 'node:crypto';
import { renderRuleReply } from '../../../../common/automation/rules/reply';
import { AUTOMATION_SENDER } from '../../../../common/protocol-automation';
import type { WireNote } from '../../../../common/protocol';
import type { RawTx } from '../../db/index';
import { assigningNumbers, drizzleOn } from '../../db/repositories/assignment';
import { chatByIdLatest, insertNote } from '../../db/repositories/chats';
import type { NewEvent } from '../../db/repositories/events';
import { accountIdsOfMember, getSettings, memberById } from '../../db/repositories/members';
import type { RuleChat } from '../../db/repositories/rule-actions';
import { assignChats, assignOne } from '../assignment/assign';
import { noticeEvents } from '../notices';

/** An action that could not be done: its code goes to automation_rule_runs. */
export class ActionFailed extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

const render = (text: string, chat: RuleChat): string =>
  renderRuleReply(text, { 'customer.name': chat.name, 'number.name': chat.numberName }).trim();

/**
 * To a member: active, and on the number (an admin may be given any chat, as by hand).
 * To the pool (no member): off its assignee and handed to auto-assignment when the number
 * has it on; with it off the chat stays unassigned for the leads.
 */
export async function assignAction(
  tx: RawTx,
  chatId: string,
  memberId: string | undefined,
  ruleId: string,
  now: number,
): Promise<NewEvent[]> {
  const db = drizzleOn(tx);
  const chat = await chatByIdLatest(db, chatId);
  if (!chat) throw new ActionFailed('chat_missing');
  const mode = `rule:${ruleId}`;
  if (memberId !== undefined) {
    const member = await memberById(db, memberId);
    if (!member) throw new ActionFailed('member_missing');
    if (!member.active) throw new ActionFailed('member_inactive');
    if (member.role !== 'admin' && !(await accountIdsOfMember(db, memberId)).includes(chat.accountId))
      throw new ActionFailed('member_not_on_number');
    if (chat.assigneeId === memberId) return [];
    return (await assignOne(tx, chat, memberId, mode, await getSettings(db), now)) ?? [];
  }
  const events: NewEvent[] = [];
  if (chat.assigneeId !== null)
    events.push(...((await assignOne(tx, chat, null, mode, await getSettings(db), now)) ?? []));
  const [number] = await assigningNumbers(tx, [chat.accountId]);
  if (number) events.push(...(await assignChats(tx, number, [{ chatId, since: now }], now)).events);
  return events;
}

/** An internal note by "automation", with the rule's variables filled in. */
export async function noteAction(tx: RawTx, chat: RuleChat, text: string, now: number): Promise<NewEvent[]> {
  const body = render(text, chat);
  if (!body) throw new ActionFailed('note_empty');
  const current = await chatByIdLatest(drizzleOn(tx), chat.id);
  if (!current) throw new ActionFailed('chat_missing');
  const note: WireNote = {
    id: randomUUID(),
    chatId: chat.id,
    authorId: AUTOMATION_SENDER,
    body,
    createdAt: now,
    kind: 'note',
    draft: null,
    summary: null,
    clientNoteId: null,
  };
  await insertNote(drizzleOn(tx), note);
  return [
    {
      body: { type: 'note:added', note },
      audience: 'chat',
      accountId: chat.accountId,
      chatId: chat.id,
      assigneeId: current.assigneeId,
    },
  ];
}

/** A notice to the chat's assignee (as it is now, after earlier actions) and the number's leads. */
export async function notifyAction(tx: RawTx, chat: RuleChat, text: string, now: number): Promise<NewEvent[]> {
  const body = render(text, chat);
  if (!body) throw new ActionFailed('notify_empty');
  const current = await chatByIdLatest(drizzleOn(tx), chat.id);
  if (!current) throw new ActionFailed('chat_missing');
  const events = await noticeEvents(tx, { ...chat, assigneeId: current.assigneeId }, 'rule', body, now);
  if (events.length === 0) throw new ActionFailed('nobody_to_notify');
  return events;
}
