/** sync:pull (the event log from a cursor) and sync:push (what a host device's accounts saw). */
import { asAccountId, chatIdOf } from '../../../common/domain';
import type { IngestBatch } from '../../../common/ingest';
import { canSeeAccount } from '../../../common/permissions';
import { NOT_ACCOUNT_MEMBER } from '../../../common/protocol';
import { CommandError } from '../../../common/result';
import { pullEvents } from '../db/repositories/events';
import { accountsHostedBy } from '../db/repositories/workspace';
import type { Services } from './context';
import { commitRaw } from './context';
import type { HandlerTable } from './dispatch';
import { offerAutomated } from '../automation/on-push';
import { storeBatch } from './push-store';
import { NO_LAPS } from './push-laps';
import type { RawTx } from '../db/index';
import type { InsertedFirst } from '../db/repositories/push';
import { allInserted, insertNewMessages } from '../db/repositories/push';
import { automationOn } from '../db/repositories/automation-on';

/** Acks, edits, revokes, reactions and votes update stored message rows (and polls' votes read them). */
const writesNoMessageLater = (batch: IngestBatch): boolean =>
  batch.acks.length +
    batch.edits.length +
    batch.revokes.length +
    batch.reactions.length +
    (batch.votes?.length ?? 0) ===
  0;

export function syncHandlers(services: Services): Pick<HandlerTable, 'sync:pull' | 'sync:push'> {
  const { db, database } = services;
  return {
    'sync:pull': async (caller, { cursor, limit }) =>
      pullEvents(
        db,
        database.raw,
        {
          memberId: caller.memberId,
          deviceId: caller.sessionId,
          role: caller.role,
          agentsSeeUnassigned: caller.settings.agentsSeeUnassigned,
        },
        cursor,
        limit,
      ),

    'sync:push': async (caller, batch) => {
      const accountIds = new Set<string>();
      const { contacts, chats, messages, acks, edits, revokes, reactions, votes } = batch;
      for (const list of [contacts, chats, messages, acks, edits, revokes, reactions, votes]) {
        for (const item of list) accountIds.add(item.accountId);
      }
      // On the pool, beside the hosting check and the early INSERT: which automation the batch's
      // numbers have on, so the turn reads only those settings (automation-on.ts). Failing, the turn reads them all.
      const on = automationOn(database.raw, [...accountIds]).catch(() => undefined);
      // Only the device hosting an account speaks for it (read on arrival: dispatch.ts).
      const hosted = await (caller.pushHosted ?? accountsHostedBy(db, caller.sessionId).then(ids => new Set(ids)));
      for (const id of accountIds) {
        if (!hosted.has(id))
          throw new CommandError('forbidden', `this device does not host account '${id.slice(0, 60)}'`);
        // Hosting is not membership: a host removed from the number stops speaking for it.
        if (!canSeeAccount(caller.viewer, id))
          throw new CommandError('forbidden', 'this member may no longer see this account', NOT_ACCOUNT_MEMBER);
      }
      // One transaction per batch, its work and commit in the order the device sent them (the
      // transaction may open while the turn is still ahead, and insert the new messages while
      // the push before it finishes: push-order.ts); live delivery is queued after the
      // commit rather than awaited, so the host's next batch is not held up by this fan-out.
      const turn = caller.pushTurn;
      if (!turn) throw new Error('sync:push without its turn (dispatch reserves one on arrival)');
      const laps = caller.pushLaps ?? NO_LAPS;
      laps.lap('check');
      let first: InsertedFirst | undefined;
      const ahead = async (tx: RawTx) => {
        try {
          await turn.ahead();
          laps.lap('turn');
          first = await insertNewMessages(tx, messages);
          laps.lap('insert');
        } catch (err) {
          turn.fail();
          throw err;
        }
        // What is left of this push then writes no message row (push-order.ts).
        if (allInserted(first) && writesNoMessageLater(batch)) turn.letNextAhead();
      };
      const { events, value: stored } = await commitRaw(
        services,
        async (tx, emit) => {
          const found = await on;
          return storeBatch(services, tx, emit, batch, caller.sessionId, {
            laps,
            ...(first ? { first } : {}),
            ...(found ? { automationOn: found } : {}),
          });
        },
        {
          awaitDelivery: false,
          gate: work => turn.run(work),
          ahead,
          laps,
          ...(caller.pushTx ? { opened: caller.pushTx } : {}),
        },
      );
      if (stored.sends.length) await offerAutomated(services, stored.sends);
      // Sentiment rules wait for the AI after the commit, never the push's ack.
      if (stored.jobs) services.automationJobs.kick();
      services.metrics.pushedMessages.inc(batch.messages.length);
      return {
        messages: batch.messages.length,
        chats: batch.chats.length,
        contacts: batch.contacts.length,
        updates: acks.length + edits.length + revokes.length + reactions.length + votes.length,
        lastSeq: events.length ? events[events.length - 1]!.seq : null,
      };
    },
  };
}

export const chatKey = (accountId: string, jid: string): string => chatIdOf(asAccountId(accountId), jid);
