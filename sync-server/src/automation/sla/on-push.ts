/**
 * The first-response clock of the chats a push touches, in the push's transaction: a
 * customer's fresh message starts it, the team's reply (not an automated message) stops it.
 * Each change bumps the chat's version and goes out as chat:updated with `slaDueAt`. With
 * business hours only open time counts towards the target (common/automation/open-time.ts).
 */
import { asAccountId, chatIdOf } from '../../../../common/domain';
import type { MessageInput } from '../../../../common/ingest';
import { FRESH_MS } from '../../../../common/automation/decide';
import type { SlaMessage } from '../../../../common/automation/assignment/sla';
import { nextSlaDue } from '../../../../common/automation/assignment/sla';
import { parseHours } from '../parse-hours';
import type { RawTx } from '../../db/index';
import { automatedAmong, drizzleOn, lockSlaChats, setSlaDue, slaTargets } from '../../db/repositories/assignment';
import { chatById } from '../../db/repositories/chats';
import type { NewEvent } from '../../db/repositories/events';
import type { Services } from '../../handlers/context';
import { chatEvent } from '../../handlers/access';

/** A failure is rolled back to a savepoint and logged: the clock never costs the push its messages. */
export async function slaOnPush(services: Services, tx: RawTx, messages: readonly MessageInput[]): Promise<NewEvent[]> {
  const fresh = messages.filter(m => !m.chatJid.endsWith('@g.us') && m.timestamp >= services.clock() - FRESH_MS);
  if (fresh.length === 0) return [];
  const targets = await slaTargets(tx, [...new Set(fresh.map(m => m.accountId))]);
  if (targets.size === 0) return [];
  await tx.query('savepoint sla');
  try {
    const relevant = fresh.filter(m => targets.has(m.accountId));
    const automated = await automatedAmong(tx, [
      ...new Set(relevant.flatMap(m => (m.fromMe && m.clientMessageId ? [m.clientMessageId] : []))),
    ]);
    const byChat = new Map<string, { accountId: string; list: SlaMessage[] }>();
    for (const m of relevant) {
      if (m.fromMe && m.clientMessageId && automated.has(m.clientMessageId)) continue;
      const chatId = chatIdOf(asAccountId(m.accountId), m.chatJid);
      const entry = byChat.get(chatId) ?? { accountId: m.accountId, list: [] };
      entry.list.push({ timestamp: m.timestamp, fromTeam: m.fromMe });
      byChat.set(chatId, entry);
    }
    const current = await lockSlaChats(tx, [...byChat.keys()]);
    const events: NewEvent[] = [];
    for (const [chatId, { accountId, list }] of byChat) {
      if (!current.has(chatId)) continue;
      const before = current.get(chatId) ?? null;
      const target = targets.get(accountId)!;
      const after = nextSlaDue(before, list, target.minutes, parseHours(target.hoursJson));
      if (after === before) continue;
      await setSlaDue(tx, chatId, after);
      const row = await chatById(drizzleOn(tx), chatId);
      if (row) events.push(chatEvent('chat:updated', row));
    }
    await tx.query('release savepoint sla');
    return events;
  } catch (err) {
    await tx.query('rollback to savepoint sla');
    services.log.error({ err }, 'first-response clock failed; the push is kept');
    return [];
  }
}
