/**
 * Storing what a number saw: the one path for a host device's `sync:push` and for the Cloud
 * API numbers the server hosts (cloud/inbox-worker.ts). Idempotent by (account, provider
 * message id); acks only move forward; the SLA clock, auto-assignment, automated replies and
 * the automation rules run inside the same transaction.
 */
import type { IngestBatch } from '../../../common/ingest';
import type { WireContact } from '../../../common/protocol';
import type { Emit } from './context';
import type { Services } from './context';
import type { NewEvent } from '../db/repositories/events';
import { keyOf } from '../db/repositories/message-key';
import type { CreatedMessages, InsertedFirst, TouchedMessage } from '../db/repositories/push';
import { upsertChats, upsertContacts, upsertMessages } from '../db/repositories/push';
import { applyUpdates, recordPushedAutomated, reloadChats } from '../db/repositories/push-updates';
import { AUTOMATION_SENDER } from '../../../common/protocol-automation';
import type { RawTx } from '../db/index';
import { applyVotes, upsertPolls } from '../db/repositories/polls';
import { upsertMentions } from '../db/repositories/mentions';
import { countNewMessages, markChatsDirty } from '../db/repositories/report-tables';
import type { PushLaps } from './push-laps';
import { NO_LAPS } from './push-laps';
import { chatEvent } from './access';
import type { AutomatedSend } from '../automation/on-push';
import { automateInbound } from '../automation/on-push';
import type { OpenedInPush } from '../automation/assignment/on-push';
import { assignInbound, openedInPush } from '../automation/assignment/on-push';
import { slaOnPush } from '../automation/sla/on-push';
import { runRulesOnPush } from '../automation/rules/execute';
import type { AutomationOn } from '../db/repositories/automation-on';
import { anyOn } from '../db/repositories/automation-on';

/** Messages per messages:upserted event: bounds the size of one live packet once filled in. */
const MESSAGES_PER_EVENT = 200;

/**
 * One messages:upserted reference per chat and 200 messages, the chat's messages in time
 * order (messages pushed, by their timestamp, then those only updated). The assignee is
 * left for delivery to read: the push does not read the chats back.
 */
function messageEvents(touched: readonly TouchedMessage[], created: CreatedMessages, originDevice: string): NewEvent[] {
  const byChat = new Map<string, { accountId: string; at: Map<string, number> }>();
  for (const t of touched) {
    let chat = byChat.get(t.chatId);
    if (!chat) byChat.set(t.chatId, (chat = { accountId: t.accountId, at: new Map<string, number>() }));
    const at = t.timestamp ?? Number.MAX_SAFE_INTEGER;
    const seen = chat.at.get(t.providerMessageId);
    if (seen === undefined || at < seen) chat.at.set(t.providerMessageId, at);
  }
  const out: NewEvent[] = [];
  for (const [chatId, { accountId, at }] of byChat) {
    const ordered = [...at.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id);
    for (let i = 0; i < ordered.length; i += MESSAGES_PER_EVENT) {
      out.push({
        body: { type: 'messages:upserted', chatId, accountId, ids: ordered.slice(i, i + MESSAGES_PER_EVENT) },
        audience: 'chat',
        accountId,
        chatId,
        originDevice,
        created,
      });
    }
  }
  return out;
}

/** What the push leaves for after its commit: sends to offer, and how many automation jobs it recorded. */
export type StoredBatch = { readonly sends: AutomatedSend[]; readonly jobs: number };

export type StoreOptions = {
  readonly laps?: PushLaps;
  /** Its new messages' plain INSERT, already run on this transaction ahead of the push's turn (sync.ts); run here otherwise. */
  readonly first?: InsertedFirst;
  /** What automation its numbers have on, read before the turn (automation-on.ts); read here otherwise. */
  readonly automationOn?: AutomationOn;
};

const NOTHING_OPENED: OpenedInPush = { numbers: [], born: new Set<string>() };
const nothingAutomated = (): { sends: AutomatedSend[]; events: NewEvent[]; jobs?: number } => ({
  sends: [],
  events: [],
});

/** Stores the batch inside the caller's transaction. */
export async function storeBatch(
  services: Services,
  tx: RawTx,
  emit: Emit,
  batch: IngestBatch,
  originDevice: string,
  { laps = NO_LAPS, first, automationOn: on }: StoreOptions = {},
): Promise<StoredBatch> {
  const { acks, edits, revokes, reactions } = batch;
  // Each of the four automation steps below first reads its settings inside the turn; where
  // the read before the turn found it off on every number of the batch, that read is skipped.
  const numbers = new Set(batch.messages.map(m => m.accountId));
  await upsertContacts(tx, batch.contacts);
  const opened = anyOn(on?.assigns, numbers) ? await openedInPush(services, tx, batch.messages) : NOTHING_OPENED;
  const pushedChatIds = await upsertChats(tx, batch.chats);
  laps.lap('chats');
  const {
    touched: stored,
    created,
    fresh,
  } = await upsertMessages(tx, batch.messages, {
    consecutiveIds: services.consecutiveRowIds,
    ...(first ? { first } : {}),
  });
  laps.lap('messages');
  await markChatsDirty(
    tx,
    stored.map(t => t.chatId),
  );
  await countNewMessages(tx, fresh);
  laps.lap('reports');
  // Before the timers and reports can read them: a desktop's automated sends are no reply.
  await recordPushedAutomated(tx, batch.messages, originDevice, AUTOMATION_SENDER);
  await upsertPolls(tx, batch.messages);
  await upsertMentions(tx, batch.messages);
  const updated = [
    ...(await applyUpdates(tx, acks, edits, revokes, reactions)),
    ...(await applyVotes(tx, batch.votes ?? [])),
  ];
  // A message acked, edited, revoked, reacted to or voted on in its own batch no longer equals its input.
  for (const u of updated) created.messages.delete(keyOf(u.accountId, u.providerMessageId));
  for (const chat of await reloadChats(tx, pushedChatIds)) emit(chatEvent('chat:upserted', chat));
  emit(...messageEvents([...stored, ...updated], created, originDevice));
  laps.lap('extras');
  if (anyOn(on?.sla, numbers)) emit(...(await slaOnPush(services, tx, batch.messages)));
  emit(...(await assignInbound(services, tx, batch.messages, opened)));
  const automated = anyOn(on?.replies, numbers)
    ? await automateInbound(services, tx, batch.messages)
    : nothingAutomated();
  emit(...automated.events);
  const ruled = !on || on.rules ? await runRulesOnPush(services, tx, batch.messages) : nothingAutomated();
  emit(...ruled.events);
  const contactsByAccount = new Map<string, WireContact[]>();
  for (const c of batch.contacts)
    contactsByAccount.set(c.accountId, [...(contactsByAccount.get(c.accountId) ?? []), c]);
  for (const [accountId, list] of contactsByAccount) {
    emit({
      body: { type: 'contacts:upserted', accountId, contacts: list },
      audience: 'account',
      accountId,
      originDevice,
    });
  }
  laps.lap('automation');
  return { sends: [...automated.sends, ...ruled.sends], jobs: ruled.jobs ?? 0 };
}
