/**
 * The event log. Writers lock the sequencer row just before inserting their events, so
 * auto-increment order equals commit order and a reader that sees seq N also sees every
 * seq below N: a cursor can never skip a row that commits late.
 */
import { sql } from 'drizzle-orm';
import type { ResultSetHeader } from 'mysql2/promise';
import type { Role } from '../../../../common/domain';
import type { SyncEvent, SyncEventBody } from '../../../../common/protocol';
import type { Exec, RawTx, Tx } from '../index';
import { events } from '../schema';

export type Audience = 'chat' | 'account' | 'member' | 'workspace';

export type NewEvent = {
  readonly body: SyncEventBody;
  readonly audience: Audience;
  readonly accountId?: string | null;
  readonly chatId?: string | null;
  readonly memberId?: string | null;
  /** For 'chat' events: the chat's assignee after the change, for live fan-out. */
  readonly assigneeId?: string | null;
};
export type StoredEvent = NewEvent & { readonly event: SyncEvent };

export async function appendEvents(tx: Tx, list: readonly NewEvent[], now = Date.now()): Promise<StoredEvent[]> {
  if (list.length === 0) return [];
  await tx.execute(sql`update event_sequencer set writes = writes + 1 where id = 1`);
  const [res] = await tx.insert(events).values(
    list.map(e => ({
      type: e.body.type,
      audience: e.audience,
      accountId: e.accountId ?? null,
      chatId: e.chatId ?? null,
      memberId: e.memberId ?? null,
      payload: JSON.stringify(e.body),
      createdAt: now,
    })),
  );
  // One multi-row insert under the sequencer lock gets consecutive ids starting at insertId.
  const first = res.insertId;
  return list.map((e, i) => ({ ...e, event: { ...e.body, seq: first + i } as SyncEvent }));
}

/** The same as appendEvents, on a raw mysql2 transaction (the push path). */
export async function appendEventsRaw(tx: RawTx, list: readonly NewEvent[], now = Date.now()): Promise<StoredEvent[]> {
  if (list.length === 0) return [];
  await tx.query('update event_sequencer set writes = writes + 1 where id = 1');
  const [res] = await tx.query<ResultSetHeader>(
    'insert into events (type, audience, account_id, chat_id, member_id, payload, created_at) values ?',
    [
      list.map(e => [
        e.body.type,
        e.audience,
        e.accountId ?? null,
        e.chatId ?? null,
        e.memberId ?? null,
        JSON.stringify(e.body),
        now,
      ]),
    ],
  );
  const first = res.insertId;
  return list.map((e, i) => ({ ...e, event: { ...e.body, seq: first + i } as SyncEvent }));
}

export type PullViewer = {
  readonly memberId: string;
  readonly role: Role;
  readonly agentsSeeUnassigned: boolean;
};

type PullRow = { seq: number; payload: string };

/** The events after `cursor` this member may see now, oldest first. */
export async function pullEvents(
  db: Exec,
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
  const visible =
    viewer.role === 'admin'
      ? sql`(e.audience <> 'member' or e.member_id = ${m})`
      : sql`(
          (e.audience = 'member' and e.member_id = ${m})
          or e.audience = 'workspace'
          or (e.audience = 'account' and e.account_id in (select account_id from account_members where member_id = ${m}))
          or (e.audience = 'chat' and c.account_id in (select account_id from account_members where member_id = ${m})
              and (${viewer.role === 'lead'} or c.assignee_id = ${m} or (c.assignee_id is null and ${viewer.agentsSeeUnassigned})))
        )`;
  const [rows] = (await db.execute(sql`
    select e.seq as seq, e.payload as payload
    from events e left join chats c on c.id = e.chat_id
    where e.seq > ${cursor} and e.seq <= ${head} and ${visible}
    order by e.seq
    limit ${limit}`)) as unknown as [PullRow[]];
  const out = rows.map(r => ({ ...(JSON.parse(r.payload) as SyncEventBody), seq: Number(r.seq) }) as SyncEvent);
  const full = out.length === limit;
  const last = out[out.length - 1];
  // A short page scanned everything up to head; a full page may have more after its last row.
  const next = full && last ? last.seq : head;
  return { events: out, cursor: next, hasMore: full && next < head };
}
