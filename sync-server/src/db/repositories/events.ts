/**
 * The event log. Writers lock the sequencer row just before inserting their events, so
 * auto-increment order equals commit order and a reader that sees seq N also sees every
 * seq below N: a cursor can never skip a row that commits late.
 *
 * A `messages:upserted` fact is stored as a reference (its chat and the messages' provider
 * ids), not as a copy of the messages: the messages table is the one place a message is
 * written. Pull and live delivery fill the messages in (fill.ts) with one batched read.
 */
import { sql } from 'drizzle-orm';
import type { ResultSetHeader } from 'mysql2/promise';
import type { Role } from '../../../../common/domain';
import type { SyncEvent } from '../../../../common/protocol';
import type { Exec, RawExec, RawTx, Tx } from '../index';
import { events } from '../schema';
import { fillBodies, refSize } from './fill';
import type { StoredBody } from './fill';
import type { CreatedMessages } from './push';

export type Audience = 'chat' | 'account' | 'member' | 'workspace';
export type { MessagesRef, StoredBody } from './fill';

export type NewEvent = {
  readonly body: StoredBody;
  readonly audience: Audience;
  readonly accountId?: string | null;
  readonly chatId?: string | null;
  readonly memberId?: string | null;
  /**
   * For 'chat' events: the chat's assignee after the change, for live fan-out. Left out
   * (undefined) when the writer did not read the chat; delivery then reads the current one.
   */
  readonly assigneeId?: string | null;
  /**
   * A device that already has this fact because it sent it; it is left out of that
   * device's live delivery and pulls. Used for what a host pushes: the host has those messages.
   */
  readonly originDevice?: string;
  /**
   * Live only (not stored): messages the writing push inserted; delivery reads just their
   * row ids instead of the rows.
   */
  readonly created?: CreatedMessages;
};
export type StoredEvent = NewEvent & { readonly seq: number };

function rowOf(e: NewEvent, now: number): unknown[] {
  return [
    e.body.type,
    e.audience,
    e.accountId ?? null,
    e.chatId ?? null,
    e.memberId ?? null,
    e.originDevice ?? null,
    JSON.stringify(e.body),
    now,
  ];
}

/** Rows per insert statement: a join that grants thousands of chats stays well under max_allowed_packet. */
const EVENT_CHUNK = 1000;

export async function appendEvents(tx: Tx, list: readonly NewEvent[], now = Date.now()): Promise<StoredEvent[]> {
  if (list.length === 0) return [];
  await tx.execute(sql`update event_sequencer set writes = writes + 1 where id = 1`);
  const out: StoredEvent[] = [];
  for (let c = 0; c < list.length; c += EVENT_CHUNK) {
    const part = list.slice(c, c + EVENT_CHUNK);
    const [res] = await tx.insert(events).values(
      part.map(e => ({
        type: e.body.type,
        audience: e.audience,
        accountId: e.accountId ?? null,
        chatId: e.chatId ?? null,
        memberId: e.memberId ?? null,
        originDevice: e.originDevice ?? null,
        payload: JSON.stringify(e.body),
        createdAt: now,
      })),
    );
    // A multi-row insert under the sequencer lock (no other writer) gets consecutive ids from insertId.
    const first = res.insertId;
    out.push(...part.map((e, i) => ({ ...e, seq: first + i })));
  }
  return out;
}

/** The same as appendEvents, on a raw mysql2 transaction (the push path). */
export async function appendEventsRaw(tx: RawTx, list: readonly NewEvent[], now = Date.now()): Promise<StoredEvent[]> {
  if (list.length === 0) return [];
  await tx.query('update event_sequencer set writes = writes + 1 where id = 1');
  const [res] = await tx.query<ResultSetHeader>(
    'insert into events (type, audience, account_id, chat_id, member_id, origin_device, payload, created_at) values ?',
    [list.map(e => rowOf(e, now))],
  );
  const first = res.insertId;
  return list.map((e, i) => ({ ...e, seq: first + i }));
}

export type PullViewer = {
  readonly memberId: string;
  /** The pulling device: facts it wrote itself (its own pushes) are left out. */
  readonly deviceId: string;
  readonly role: Role;
  readonly agentsSeeUnassigned: boolean;
};

/** Messages one pull page may fill in: a page of 1,000 events of 200 messages each would be 200,000. */
export const MAX_PULL_MESSAGES = 5_000;

type PullRow = { seq: number; payload: string };

/** The events after `cursor` this member may see now, oldest first, with their messages filled in. */
export async function pullEvents(
  db: Exec,
  raw: RawExec,
  viewer: PullViewer,
  cursor: number,
  limit: number,
): Promise<{ events: SyncEvent[]; cursor: number; hasMore: boolean }> {
  const [maxRows] = (await db.execute(sql`select coalesce(max(seq), 0) as m from events`)) as unknown as [
    Array<{ m: number | string }>,
  ];
  const head = Number(maxRows[0]?.m ?? 0);
  if (head <= cursor) return { events: [], cursor, hasMore: false };
  const m = viewer.memberId;
  // access:revoked ended the sessions that existed then: a device that signs in after the member
  // was reactivated must not replay it from cursor 0 and wipe itself.
  const own = sql`(e.member_id = ${m} and (e.type <> 'access:revoked'
    or e.created_at >= (select s.created_at from sessions s where s.id = ${viewer.deviceId})))`;
  // canSeeChat on the chat as it is now (c: the chat an event names), whatever it was when the event was written.
  const seesChat = sql`(c.account_id in (select account_id from account_members where member_id = ${m})
    and (${viewer.role === 'lead'} or c.assignee_id = ${m} or (c.assignee_id is null and ${viewer.agentsSeeUnassigned})))`;
  // A grant hands over the chat itself (its customer's name): only while the member still sees it
  // (sync rule 5); so does a notice, which names the chat. A revoke is about losing the chat, so
  // it always goes to its member.
  const ownFact = sql`(${own} and (e.type not in ('chat:granted', 'notice:added') or ${seesChat}))`;
  const visible =
    viewer.role === 'admin'
      ? sql`(e.audience <> 'member' or ${own})`
      : sql`(
          (e.audience = 'member' and ${ownFact})
          or e.audience = 'workspace'
          or (e.audience = 'account' and e.account_id in (select account_id from account_members where member_id = ${m}))
          or (e.audience = 'chat' and ${seesChat})
        )`;
  const [rows] = (await db.execute(sql`
    select e.seq as seq, e.payload as payload
    from events e left join chats c on c.id = e.chat_id
    where e.seq > ${cursor} and e.seq <= ${head} and ${visible}
      and (e.origin_device is null or e.origin_device <> ${viewer.deviceId})
    order by e.seq
    limit ${limit}`)) as unknown as [PullRow[]];
  // Cut the page where the messages to fill in would exceed the bound (always keep one event).
  const page: Array<{ seq: number; body: StoredBody }> = [];
  let messages = 0;
  for (const r of rows) {
    const body = JSON.parse(r.payload) as StoredBody;
    const size = refSize(body);
    if (page.length > 0 && messages + size > MAX_PULL_MESSAGES) break;
    messages += size;
    page.push({ seq: Number(r.seq), body });
  }
  const bodies = await fillBodies(
    raw,
    page.map(p => p.body),
  );
  const filled = page.map((p, i) => ({ ...bodies[i]!, seq: p.seq }) as SyncEvent);
  const cut = page.length < rows.length;
  const full = cut || rows.length === limit;
  const last = page[page.length - 1];
  // A short page scanned everything up to head; a full or cut page may have more after its last row.
  const next = full && last ? last.seq : head;
  return { events: filled, cursor: next, hasMore: full && next < head };
}
