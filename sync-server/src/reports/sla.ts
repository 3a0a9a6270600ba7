/**
 * The SLA attainment figures of a dataset (docs/reports.md, "SLA attainment"): each
 * conversation opened in the range gets an outcome from the pure common/reports/sla.ts,
 * counted in total, per trend bucket, per assignee and per number. With "business hours
 * only", a number with business hours has its due times counted in its open time.
 */
import type { BusinessHours } from '../../../common/automation/hours';
import type { WireReportSla } from '../../../common/protocol-reports';
import type { SlaCounts } from '../../../common/reports/sla';
import type { SlaOutcome } from '../../../common/reports/sla';
import { addSlaOutcome, conversationSlaDue, emptySlaCounts, slaMetPct, slaOutcome } from '../../../common/reports/sla';
import type { Conversation } from './conversations';
import type { Dataset } from './dataset';
import { dayIndex, rangeEnd } from './zone';

const withPct = (c: SlaCounts) => ({ ...c, metPct: slaMetPct(c) });

/** A chat's target: its number's, none for a group chat or an unknown chat. */
function targetOf(d: Dataset, chatId: string): number | null {
  const chat = d.chats.get(chatId);
  if (!chat || chat.isGroup) return null;
  return d.slaTargets.get(chat.accountId) ?? null;
}

/** The hours a chat's due time is counted in: its number's, only when the report counts business hours. */
function hoursOf(d: Dataset, chatId: string, businessHours: boolean): BusinessHours | null {
  if (!businessHours) return null;
  const accountId = d.chats.get(chatId)?.accountId;
  return (accountId === undefined ? undefined : d.businessHours.get(accountId)) ?? null;
}

/** "As it was at its end": a range that ends in the future is seen as of now. */
const asOfOf = (d: Dataset) => Math.min(rangeEnd(d.zone), d.generatedAt);

/** One conversation's due time and outcome, for the conversation list (null: no target). */
export function conversationSla(
  d: Dataset,
  c: Conversation,
  businessHours: boolean,
): { dueAt: number | null; outcome: Exclude<SlaOutcome, 'none'> | null } {
  const target = targetOf(d, c.chatId);
  const hours = hoursOf(d, c.chatId, businessHours);
  const outcome = slaOutcome(c, target, asOfOf(d), hours);
  return { dueAt: conversationSlaDue(c.openedAt, target, hours), outcome: outcome === 'none' ? null : outcome };
}

/** starts/ofDay: the trend's buckets and each day's bucket, as figures.ts cuts them. */
export function slaOf(
  d: Dataset,
  buckets: { starts: readonly string[]; ofDay: readonly number[] },
  businessHours: boolean,
): WireReportSla {
  const asOf = asOfOf(d);
  const total = emptySlaCounts();
  const trend = buckets.starts.map(emptySlaCounts);
  const members = new Map<string, SlaCounts>();
  const accounts = new Map<string, SlaCounts>([...d.accountNames.keys()].map(id => [id, emptySlaCounts()]));
  const count = (c: Conversation, day: number) => {
    const outcome = slaOutcome(c, targetOf(d, c.chatId), asOf, hoursOf(d, c.chatId, businessHours));
    if (outcome === 'none' || outcome === 'excused') return;
    addSlaOutcome(total, outcome);
    addSlaOutcome(trend[buckets.ofDay[day]!]!, outcome);
    const accountId = d.chats.get(c.chatId)?.accountId;
    const account = accountId === undefined ? undefined : accounts.get(accountId);
    if (account) addSlaOutcome(account, outcome);
    if (c.assigneeId !== null) {
      const m = members.get(c.assigneeId) ?? emptySlaCounts();
      addSlaOutcome(m, outcome);
      members.set(c.assigneeId, m);
    }
  };
  for (const c of d.conversations) {
    const day = dayIndex(d.zone, c.openedAt);
    if (day !== -1) count(c, day);
  }
  return {
    ...withPct(total),
    trend: trend.map((c, i) => ({ start: buckets.starts[i]!, ...withPct(c) })),
    members: [...members]
      .map(([memberId, c]) => ({ memberId, name: d.memberNames.get(memberId) ?? '', ...withPct(c) }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.memberId.localeCompare(b.memberId)),
    accounts: [...accounts]
      .map(([accountId, c]) => ({
        accountId,
        name: d.accountNames.get(accountId) ?? '',
        targetMinutes: d.slaTargets.get(accountId) ?? null,
        ...withPct(c),
      }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.accountId.localeCompare(b.accountId)),
  };
}
