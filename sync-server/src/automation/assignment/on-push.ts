/**
 * Auto-assignment of the conversations a push opens, inside the push's transaction: the
 * assignment and its chat:updated fact commit with the messages or not at all, and a
 * redelivered push finds the chat assigned and does nothing.
 */
import { asAccountId, chatIdOf } from '../../../../common/domain';
import type { MessageInput } from '../../../../common/ingest';
import { FRESH_MS } from '../../../../common/automation/decide';
import type { RawTx } from '../../db/index';
import { assigningNumbers, unassignedAmong } from '../../db/repositories/assignment';
import type { NewEvent } from '../../db/repositories/events';
import type { Services } from '../../handlers/context';
import type { Waiting } from './assign';
import { assignChats } from './assign';

/**
 * The oldest fresh inbound message of each 1:1 chat, per number. History a device syncs
 * (older than FRESH_MS) opens no conversation: it would hand out last year's chats.
 */
function openedChats(messages: readonly MessageInput[], now: number): Map<string, Map<string, number>> {
  const byNumber = new Map<string, Map<string, number>>();
  for (const m of messages) {
    if (m.fromMe || m.chatJid.endsWith('@g.us') || m.timestamp < now - FRESH_MS) continue;
    let chats = byNumber.get(m.accountId);
    if (!chats) byNumber.set(m.accountId, (chats = new Map()));
    const chatId = chatIdOf(asAccountId(m.accountId), m.chatJid);
    const seen = chats.get(chatId);
    if (seen === undefined || m.timestamp < seen) chats.set(chatId, m.timestamp);
  }
  return byNumber;
}

/** A failure is rolled back to a savepoint and logged: assignment never costs the push its messages. */
export async function assignInbound(
  services: Services,
  tx: RawTx,
  messages: readonly MessageInput[],
): Promise<NewEvent[]> {
  const opened = openedChats(messages, services.clock());
  if (opened.size === 0) return [];
  const numbers = await assigningNumbers(tx, [...opened.keys()]);
  if (numbers.length === 0) return [];
  await tx.query('savepoint assignment');
  try {
    const events: NewEvent[] = [];
    for (const number of numbers) {
      const chats = opened.get(number.accountId) ?? new Map<string, number>();
      const open = await unassignedAmong(tx, [...chats.keys()]);
      const waiting: Waiting[] = [...chats]
        .filter(([chatId]) => open.has(chatId))
        .map(([chatId, since]) => ({ chatId, since }))
        .sort((a, b) => a.since - b.since);
      if (waiting.length) events.push(...(await assignChats(tx, number, waiting, services.clock())).events);
    }
    await tx.query('release savepoint assignment');
    return events;
  } catch (err) {
    await tx.query('rollback to savepoint assignment');
    services.log.error({ err }, 'auto-assignment failed; the push is kept');
    return [];
  }
}
