/**
 * The away message and the greeting, decided for what a host pushed and queued in the
 * push's own transaction: the message, its window row and the send commit together or not
 * at all, so a restart mid-way, a redelivered push or a second node never sends twice.
 * Sends go out through the same relay as a member's.
 */
import { randomUUID } from 'node:crypto';
import { asAccountId, chatIdOf } from '../../../common/domain';
import type { MessageInput } from '../../../common/ingest';
import { decideAutomation, FRESH_MS } from '../../../common/automation/decide';
import { AUTOMATION_SENDER } from '../../../common/protocol-automation';
import type { WireSend } from '../../../common/protocol';
import type { RawTx } from '../db/index';
import type { NumberAutomation } from '../db/repositories/automation';
import { activeAutomation, chatFacts, recordAutomatedSend } from '../db/repositories/automation';
import type { NewEvent } from '../db/repositories/events';
import { markForwarded } from '../db/repositories/workspace';
import type { Services } from '../handlers/context';
import { rooms } from '../handlers/rooms';

export type AutomatedSend = {
  readonly send: WireSend;
  readonly hostDeviceId: string | null;
  readonly hostOnline: boolean;
};

type Inbound = { readonly accountId: string; readonly chatId: string; readonly timestamp: number };

/**
 * The oldest fresh inbound message of each 1:1 chat in a push: the one that may have
 * opened a conversation (a burst pushed at once is one conversation). A message pushed
 * again is a candidate again; its window's unique key is what keeps it from a second reply.
 */
function candidates(messages: readonly MessageInput[], now: number): Inbound[] {
  const first = new Map<string, Inbound>();
  for (const m of messages) {
    if (m.fromMe || m.chatJid.endsWith('@g.us') || m.timestamp < now - FRESH_MS) continue;
    const chatId = chatIdOf(asAccountId(m.accountId), m.chatJid);
    const prev = first.get(chatId);
    if (!prev || m.timestamp < prev.timestamp)
      first.set(chatId, { accountId: m.accountId, chatId, timestamp: m.timestamp });
  }
  return [...first.values()];
}

async function automateOne(
  tx: RawTx,
  number: NumberAutomation,
  m: Inbound,
  now: number,
): Promise<{ sent: AutomatedSend; event: NewEvent } | null> {
  const chat = await chatFacts(tx, m.chatId, m.timestamp);
  if (!chat) return null;
  const decision = decideAutomation(number, {
    now,
    fromMe: false,
    isGroup: false,
    messageAt: m.timestamp,
    previousMessageAt: chat.previousMessageAt,
    lastAutomatedAt: chat.lastAutomatedAt,
    customerName: chat.name,
    numberName: number.numberName,
  });
  if (!decision || !decision.body.trim()) return null;
  const send: WireSend = {
    clientMessageId: randomUUID(),
    accountId: number.accountId,
    chatId: m.chatId,
    chatJid: chat.jid,
    senderId: AUTOMATION_SENDER,
    body: decision.body,
    quotedProviderMessageId: null,
    state: 'queued',
    providerMessageId: null,
    error: null,
    createdAt: now,
  };
  const recorded = await recordAutomatedSend(tx, {
    chatId: m.chatId,
    kind: decision.kind,
    windowKey: decision.windowKey,
    send,
    senderDeviceId: number.hostDeviceId ?? '',
  });
  if (!recorded) return null;
  return {
    sent: { send, hostDeviceId: number.hostDeviceId, hostOnline: number.hostOnline },
    event: {
      body: { type: 'send:updated', send },
      audience: 'chat',
      accountId: number.accountId,
      chatId: m.chatId,
      assigneeId: chat.assigneeId,
    },
  };
}

/**
 * Inside the push transaction. A failure here is rolled back to a savepoint and logged:
 * automation never costs the push its messages.
 */
export async function automateInbound(
  services: Services,
  tx: RawTx,
  messages: readonly MessageInput[],
): Promise<{ sends: AutomatedSend[]; events: NewEvent[] }> {
  const now = services.clock();
  const list = candidates(messages, now);
  if (list.length === 0) return { sends: [], events: [] };
  // Read first, and take the savepoint only if a number automates: most pushes then cost one
  // statement here rather than three (each a round trip inside the push's turn).
  let numbers: Map<string, Awaited<ReturnType<typeof activeAutomation>>[number]>;
  try {
    numbers = new Map(
      (await activeAutomation(tx, [...new Set(list.map(m => m.accountId))])).map(n => [n.accountId, n]),
    );
  } catch (err) {
    services.log.error({ err }, 'automation failed; the push is kept');
    return { sends: [], events: [] };
  }
  if (numbers.size === 0) return { sends: [], events: [] };
  await tx.query('savepoint automation');
  try {
    const sends: AutomatedSend[] = [];
    const events: NewEvent[] = [];
    for (const m of list) {
      const number = numbers.get(m.accountId);
      const done = number ? await automateOne(tx, number, m, now) : null;
      if (!done) continue;
      sends.push(done.sent);
      events.push(done.event);
    }
    await tx.query('release savepoint automation');
    return { sends, events };
  } catch (err) {
    await tx.query('rollback to savepoint automation');
    services.log.error({ err }, 'automation failed; the push is kept');
    return { sends: [], events: [] };
  }
}

/** After the commit: offer the sends to their host like a member's relayed send. */
export async function offerAutomated(services: Services, sends: readonly AutomatedSend[]): Promise<void> {
  const forwarded: string[] = [];
  for (const s of sends) {
    if (!s.hostDeviceId) continue;
    services.io.to(rooms.device(s.hostDeviceId)).emit('send:requested', s.send);
    if (s.hostOnline) forwarded.push(s.send.clientMessageId);
  }
  // Past the commit the push has succeeded; an unmarked send is offered again on reconnect.
  await markForwarded(services.db, forwarded, services.clock()).catch((err: unknown) =>
    services.log.error({ err }, 'automated sends not marked forwarded'),
  );
}
