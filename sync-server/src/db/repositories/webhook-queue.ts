/**
 * The durable webhook queue. `scanPage` turns the event log after the webhook cursor into
 * delivery rows in one transaction that also moves the cursor (so a crash never loses or
 * doubles a fact); `claimDue` takes the deliveries due now that head their (endpoint, chat)
 * queue, with SELECT … FOR UPDATE SKIP LOCKED so two nodes never take the same row, and
 * leases them by moving `next_attempt_at` past the attempt's timeout: a node that dies
 * mid-attempt leaves the row to be tried again once the lease ends.
 */
import { randomUUID } from 'node:crypto';
import type { RowDataPacket } from 'mysql2/promise';
import type { SyncEventBody } from '../../../../common/protocol';
import type { WebhookEventType } from '../../../../common/protocol-webhooks';
import type { ChatState, Fact, WebhookEvent } from '../../webhooks/translate';
import { messageKey, namedBy, translate } from '../../webhooks/translate';
import type { RawExec, RawTx } from '../index';
import type { StoredBody } from './fill';
import { fillBodies } from './fill';
import { eventsOf } from './webhooks';

const RELEVANT = ['messages:upserted', 'chat:updated', 'chat:upserted', 'chat:granted', 'note:added'];

type Cursor = { seq: number; primed: boolean; messageFloor: number };

async function lockCursor(tx: RawTx): Promise<Cursor> {
  const [rows] = await tx.query<RowDataPacket[]>(
    'select seq, primed, message_floor from webhook_cursor where id = 1 for update',
  );
  const r = rows[0];
  if (!r) throw new Error('webhook_cursor row missing (migration 0018)');
  return { seq: Number(r['seq']), primed: Boolean(r['primed']), messageFloor: Number(r['message_floor']) };
}

/**
 * The baseline: the log's head, the chats as they are and the newest message row, read in
 * one snapshot taken while holding the event sequencer's lock, so no commit lands between
 * them. Later facts are compared with it.
 */
async function prime(tx: RawTx): Promise<void> {
  await tx.query('select writes from event_sequencer where id = 1 for update');
  const [[head]] = await tx.query<RowDataPacket[]>('select coalesce(max(seq), 0) as s from events');
  const [[floor]] = await tx.query<RowDataPacket[]>('select coalesce(max(row_id), 0) as r from messages');
  await tx.query('delete from webhook_chat_state');
  await tx.query('delete from webhook_message_state');
  // A plain read of the chats (INSERT … SELECT would lock them, and a push holding one chat while
  // it waits for the sequencer would deadlock with this): the snapshot taken with the head above.
  const [chats] = await tx.query<RowDataPacket[]>('select id, assignee_id, status from chats');
  for (let i = 0; i < chats.length; i += 1000)
    await tx.query('insert into webhook_chat_state (chat_id, assignee_id, status) values ?', [
      chats.slice(i, i + 1000).map(c => [c['id'], c['assignee_id'], c['status']]),
    ]);
  await tx.query('update webhook_cursor set seq = ?, primed = true, message_floor = ? where id = 1', [
    Number(head?.['s'] ?? 0),
    Number(floor?.['r'] ?? 0),
  ]);
}

async function loadStates(tx: RawTx, facts: readonly Fact[]) {
  const { chatIds, messages } = namedBy(facts);
  const chats = new Map<string, ChatState>();
  const acks = new Map<string, string>();
  if (chatIds.size) {
    const [rows] = await tx.query<RowDataPacket[]>(
      'select chat_id, assignee_id, status from webhook_chat_state where chat_id in (?)',
      [[...chatIds]],
    );
    for (const r of rows)
      chats.set(String(r['chat_id']), {
        assigneeId: (r['assignee_id'] as string | null) ?? null,
        status: String(r['status']),
      });
  }
  const byAccount = new Map<string, Set<string>>();
  for (const m of messages)
    byAccount.set(m.accountId, (byAccount.get(m.accountId) ?? new Set()).add(m.providerMessageId));
  for (const [accountId, ids] of byAccount) {
    const [rows] = await tx.query<RowDataPacket[]>(
      'select provider_message_id, ack from webhook_message_state where account_id = ? and provider_message_id in (?)',
      [accountId, [...ids]],
    );
    for (const r of rows) acks.set(messageKey(accountId, String(r['provider_message_id'])), String(r['ack']));
  }
  return { chats, messages: acks };
}

async function saveStates(tx: RawTx, chats: Map<string, ChatState>, acks: Map<string, string>): Promise<void> {
  if (chats.size)
    await tx.query(
      `insert into webhook_chat_state (chat_id, assignee_id, status) values ?
       on duplicate key update assignee_id = values(assignee_id), status = values(status)`,
      [[...chats].map(([id, s]) => [id, s.assigneeId, s.status])],
    );
  if (acks.size)
    await tx.query(
      `insert into webhook_message_state (account_id, provider_message_id, ack) values ?
       on duplicate key update ack = values(ack)`,
      [
        [...acks].map(([key, ack]) => {
          const cut = key.indexOf('\u0000');
          return [key.slice(0, cut), key.slice(cut + 1), ack];
        }),
      ],
    );
}

type Endpoint = { id: string; events: Set<WebhookEventType> };

function deliveryRows(events: readonly WebhookEvent[], endpoints: readonly Endpoint[], now: number): unknown[][] {
  const rows: unknown[][] = [];
  for (const e of events) {
    const id = randomUUID();
    const payload = JSON.stringify({
      id,
      type: e.type,
      occurredAt: new Date(e.occurredAt).toISOString(),
      data: e.data,
    });
    for (const ep of endpoints)
      if (ep.events.has(e.type)) rows.push([ep.id, id, e.type, e.chatKey, payload, 'pending', 0, now, now]);
  }
  return rows;
}

/**
 * Whether scanning has anything to do: an endpoint is enabled, or a baseline is left to
 * drop. A plain read, so a workspace without webhooks costs its commits no locked row.
 */
export async function scanNeeded(db: RawExec): Promise<boolean> {
  const [rows] = await db.query<RowDataPacket[]>(
    `select exists(select 1 from webhook_endpoints where enabled = true) as e,
            (select primed from webhook_cursor where id = 1) as p`,
  );
  return Boolean(Number(rows[0]?.['e'])) || Boolean(Number(rows[0]?.['p']));
}

/**
 * One page of the log after the cursor → delivery rows, the cursor moved past it. Returns
 * how many log rows it read (0: caught up). Without enabled endpoints nothing is recorded
 * and the baseline is dropped, to be taken again when one is enabled.
 */
export async function scanPage(tx: RawTx, pageSize: number, now: number): Promise<number> {
  const cursor = await lockCursor(tx);
  const [eps] = await tx.query<RowDataPacket[]>('select id, events from webhook_endpoints where enabled = true');
  if (eps.length === 0) {
    if (cursor.primed) await tx.query('update webhook_cursor set primed = false where id = 1');
    return 0;
  }
  if (!cursor.primed) {
    await prime(tx);
    return 0;
  }
  const [rows] = await tx.query<RowDataPacket[]>(
    `select seq, created_at, account_id, case when type in (?) then payload else null end as payload
     from events where seq > ? order by seq limit ?`,
    [RELEVANT, cursor.seq, pageSize],
  );
  if (rows.length === 0) return 0;
  const relevant = rows.filter(r => r['payload'] !== null);
  const bodies = await fillBodies(
    tx,
    relevant.map(r => JSON.parse(String(r['payload'])) as StoredBody),
  );
  const facts: Fact[] = relevant.map((r, i) => ({
    createdAt: Number(r['created_at']),
    accountId: (r['account_id'] as string | null) ?? null,
    body: bodies[i] as SyncEventBody,
  }));
  const loaded = await loadStates(tx, facts);
  const states = { ...loaded, messageFloor: cursor.messageFloor };
  const events = translate(facts, states);
  await saveStates(tx, states.chats, states.messages);
  const endpoints = eps.map(r => ({ id: String(r['id']), events: new Set(eventsOf(String(r['events']))) }));
  const inserts = deliveryRows(events, endpoints, now);
  for (let i = 0; i < inserts.length; i += 1000)
    await tx.query(
      `insert into webhook_deliveries (endpoint_id, event_id, event_type, chat_key, payload, status, attempts, next_attempt_at, created_at)
       values ?`,
      [inserts.slice(i, i + 1000)],
    );
  await tx.query('update webhook_cursor set seq = ? where id = 1', [Number(rows[rows.length - 1]!['seq'])]);
  return rows.length;
}

export type Claimed = {
  readonly id: number;
  readonly endpointId: string;
  readonly url: string;
  readonly secret: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly payload: string;
  /** This attempt's number, 1 for the first. */
  readonly attempt: number;
};

/**
 * The due deliveries that head their (endpoint, chat) queue, of enabled endpoints; not
 * locking. A claimed head's lease moves its `next_attempt_at` ahead, which hides its chat's
 * later rows until its attempt is recorded: that keeps each chat's order.
 */
export async function dueHeads(db: RawExec, now: number, limit: number): Promise<number[]> {
  const [rows] = await db.query<RowDataPacket[]>(
    `select d.id from webhook_deliveries d
     join (select min(id) as id from webhook_deliveries where status = 'pending' group by endpoint_id, chat_key) h on h.id = d.id
     join webhook_endpoints e on e.id = d.endpoint_id and e.enabled = true
     where d.next_attempt_at <= ? order by d.id limit ?`,
    [now, limit],
  );
  return rows.map(r => Number(r['id']));
}

/** Claims those of `heads` still due and not locked by another node, until `leaseUntil`. */
export async function claimHeads(
  transaction: <T>(fn: (tx: RawTx) => Promise<T>) => Promise<T>,
  heads: readonly number[],
  now: number,
  leaseUntil: number,
): Promise<Claimed[]> {
  if (heads.length === 0) return [];
  return transaction(async tx => {
    const [locked] = await tx.query<RowDataPacket[]>(
      `select id from webhook_deliveries where id in (?) and status = 'pending' and next_attempt_at <= ?
       for update skip locked`,
      [heads, now],
    );
    const ids = locked.map(r => Number(r['id']));
    if (ids.length === 0) return [];
    await tx.query('update webhook_deliveries set next_attempt_at = ?, attempts = attempts + 1 where id in (?)', [
      leaseUntil,
      ids,
    ]);
    const [rows] = await tx.query<RowDataPacket[]>(
      `select d.id, d.endpoint_id, d.event_id, d.event_type, d.payload, d.attempts, e.url, e.secret
       from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id where d.id in (?) order by d.id`,
      [ids],
    );
    return rows.map(r => ({
      id: Number(r['id']),
      endpointId: String(r['endpoint_id']),
      url: String(r['url']),
      secret: String(r['secret']),
      eventId: String(r['event_id']),
      eventType: String(r['event_type']),
      payload: String(r['payload']),
      attempt: Number(r['attempts']),
    }));
  });
}

export type AttemptResult = {
  readonly id: number;
  readonly at: number;
  readonly status: 'delivered' | 'failed' | 'pending';
  readonly nextAttemptAt: number;
  readonly responseCode: number | null;
  readonly latencyMs: number;
  readonly error: string | null;
};

/** Many attempts' results in one statement (one round trip, one commit); rows no longer pending are left alone. */
export async function recordAttempts(db: RawExec, results: readonly AttemptResult[]): Promise<void> {
  if (results.length === 0) return;
  const column = (pick: (r: AttemptResult) => unknown) => ({
    sql: `case id ${results.map(() => 'when ? then ?').join(' ')} end`,
    values: results.flatMap(r => [r.id, pick(r)]),
  });
  const cols = [
    ['status', column(r => r.status)],
    ['next_attempt_at', column(r => r.nextAttemptAt)],
    ['last_attempt_at', column(r => r.at)],
    ['response_code', column(r => r.responseCode)],
    ['latency_ms', column(r => r.latencyMs)],
    ['error', column(r => r.error)],
  ] as const;
  await db.query(
    `update webhook_deliveries set ${cols.map(([name, c]) => `${name} = ${c.sql}`).join(', ')}
     where id in (?) and status = 'pending'`,
    [...cols.flatMap(([, c]) => c.values), results.map(r => r.id)],
  );
}

/**
 * An endpoint's run of failures after a batch of attempts: `reset` when one succeeded
 * (then `failures` counts those after it). Returns the count and since when it has failed.
 */
export async function recordEndpointOutcome(
  db: RawExec,
  id: string,
  outcome: { reset: boolean; failures: number },
  now: number,
): Promise<{ failures: number; failingSince: number | null; enabled: boolean; url: string } | null> {
  await db.query(
    `update webhook_endpoints set
       consecutive_failures = if(?, ?, consecutive_failures + ?),
       failing_since = if(? > 0, if(?, ?, coalesce(failing_since, ?)), null)
     where id = ?`,
    [outcome.reset, outcome.failures, outcome.failures, outcome.failures, outcome.reset, now, now, id],
  );
  const [rows] = await db.query<RowDataPacket[]>(
    'select consecutive_failures, failing_since, enabled, url from webhook_endpoints where id = ?',
    [id],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    failures: Number(r['consecutive_failures']),
    failingSince: r['failing_since'] === null ? null : Number(r['failing_since']),
    enabled: Boolean(r['enabled']),
    url: String(r['url']),
  };
}
