/**
 * Auto-assignment of the conversations a push opens, inside the push's transaction: the
 * assignment and its chat:updated fact commit with the messages or not at all, and a
 * redelivered push finds the chat assigned and does nothing.
 */
import { asAccountId, chatIdOf } from '../../../../common/domain';
import type { MessageInput } from '../../../../common/ingest';
import { FRESH_MS } from '../../../../common/automation/decide';
import type { RawTx } from '../../db/index';
import type { NumberAssignment, OpenedChat } from '../../db/repositories/assignment';
import { assigningNumbers, createOpenedChats, unassignedAmong } from '../../db/repositories/assignment';
import type { NewEvent } from '../../db/repositories/events';
import type { Services } from '../../handlers/context';
import type { Waiting } from './assign';
import { assignChats } from './assign';

type Opened = { readonly since: number; readonly jid: string };

/**
 * The oldest fresh inbound message of each 1:1 chat, per number. History a device syncs
 * (older than FRESH_MS) opens no conversation: it would hand out last year's chats.
 */
function openedChats(messages: readonly MessageInput[], now: number): Map<string, Map<string, Opened>> {
  const byNumber = new Map<string, Map<string, Opened>>();
  for (const m of messages) {
    if (m.fromMe || m.chatJid.endsWith('@g.us') || m.timestamp < now - FRESH_MS) continue;
    let chats = byNumber.get(m.accountId);
    if (!chats) byNumber.set(m.accountId, (chats = new Map()));
    const chatId = chatIdOf(asAccountId(m.accountId), m.chatJid);
    const seen = chats.get(chatId);
    if (seen === undefined || m.timestamp < seen.since) chats.set(chatId, { since: m.timestamp, jid: m.chatJid });
  }
  return byNumber;
}

/** The numbers of a push that assign conversations, and the chats the push opened there that it created. */
export type OpenedInPush = { readonly numbers: readonly NumberAssignment[]; readonly born: ReadonlySet<string> };

/**
 * Run before the push writes its chats: reads which of its numbers assign (one read; a push
 * to numbers that do not assign stops there, and its turn pays no chat insert here), creates
 * the chats its new conversations open on those numbers that did not exist, and returns
 * them. A chat born in the push was seen by nobody, so assigning it revokes it from nobody
 * (assign.ts).
 */
export async function openedInPush(
  services: Services,
  tx: RawTx,
  messages: readonly MessageInput[],
): Promise<OpenedInPush> {
  const byNumber = openedChats(messages, services.clock());
  if (byNumber.size === 0) return { numbers: [], born: new Set() };
  const numbers = await assigningNumbers(tx, [...byNumber.keys()]);
  const opened: OpenedChat[] = [];
  for (const { accountId } of numbers)
    for (const [id, { since, jid }] of byNumber.get(accountId) ?? []) opened.push({ id, accountId, jid, at: since });
  return { numbers, born: await createOpenedChats(tx, opened) };
}

/** A failure is rolled back to a savepoint and logged: assignment never costs the push its messages. */
export async function assignInbound(
  services: Services,
  tx: RawTx,
  messages: readonly MessageInput[],
  { numbers, born }: OpenedInPush,
): Promise<NewEvent[]> {
  if (numbers.length === 0) return [];
  const opened = openedChats(messages, services.clock());
  await tx.query('savepoint assignment');
  try {
    const events: NewEvent[] = [];
    for (const number of numbers) {
      const chats = opened.get(number.accountId) ?? new Map<string, Opened>();
      const open = await unassignedAmong(tx, [...chats.keys()]);
      const waiting: Waiting[] = [...chats]
        .filter(([chatId]) => open.has(chatId))
        .map(([chatId, { since }]) => ({ chatId, since, born: born.has(chatId) }))
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
