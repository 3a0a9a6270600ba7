/**
 * Pure rules of handing chats on, the workload's oldest waiting chat and the reply warning.
 * No React, no API: unit-tested in plain Node.
 */
import type { Chat, Member, Role } from '../../../../common/domain';
import { can } from '../../../../common/permissions';
import type { Reply, ReplyError } from '../../../../common/result';
import type { HandoverMessageKey } from '../../i18n/handover.en';
import type { HandoverT } from './useHandoverT';

const REFUSALS = ['handover_not_allowed', 'not_assignee', 'assignee_not_member'] as const;

/** The server's refusal of a hand-on in words; other errors keep the core's sentence. */
export function refusalText(t: HandoverT, error: ReplyError): string {
  const reason = (error.details as { reason?: unknown } | undefined)?.reason;
  const known = REFUSALS.find(r => r === reason);
  return known ? t(`handover.error.${known}` as HandoverMessageKey) : error.message;
}

/** A failed hand-on with its refusal worded, for the panel that shows the error. */
export function withRefusalText<T>(t: HandoverT, r: Reply<T>): Reply<T> {
  return r.ok ? r : { ok: false, error: { ...r.error, message: refusalText(t, r.error) } };
}

/**
 * The chat a member has kept a customer waiting on longest: open, and its last message is
 * the customer's (nobody has answered it yet). Chats without messages do not wait.
 */
export function oldestWaiting(chats: readonly Chat[], current: Chat | null = null): Chat | null {
  let oldest = current;
  for (const c of chats) {
    if (c.status !== 'open' || c.lastMessageFromMe || c.lastMessageAt === null) continue;
    if (oldest === null || c.lastMessageAt < (oldest.lastMessageAt ?? Infinity)) oldest = c;
  }
  return oldest;
}

/** "12 min", "3 h", "2 d": how long the customer has waited (never negative). */
export function ageText(t: HandoverT, since: number, now: number): string {
  const minutes = Math.max(0, Math.floor((now - since) / 60_000));
  if (minutes < 60) return t('handover.age.minutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('handover.age.hours', { n: hours });
  return t('handover.age.days', { n: Math.floor(hours / 24) });
}

/**
 * Whom a lead may reassign a chat to from the workload view: active members who work on
 * the chat's number (admins see every number), other than the current assignee.
 */
export function reassignTargets(
  members: readonly Member[],
  accountMemberIds: readonly string[] | null,
  current: string | null,
): Member[] {
  const onNumber = accountMemberIds ? new Set(accountMemberIds) : null;
  return members
    .filter(m => m.active && m.id !== current && (m.role === 'admin' || !onNumber || onNumber.has(m.id)))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Should sending in this chat first warn that someone else has it? Only in a workspace,
 * when the chat is assigned to another member and this chat-open has not confirmed yet.
 */
export function needsReplyWarning(
  me: { readonly id: string; readonly role: Role } | null,
  chat: Pick<Chat, 'assigneeId'>,
  confirmed: boolean,
): boolean {
  if (!me || confirmed || !can(me.role, 'messages.send')) return false;
  return chat.assigneeId !== null && chat.assigneeId !== me.id;
}
