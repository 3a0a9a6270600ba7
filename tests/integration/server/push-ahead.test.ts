/**
 * A device's next push inserts its new messages ahead of its turn, while the push before it
 * still finishes and commits (handlers/push-order.ts). The earlier push is held at its event
 * append by a lock this test takes on the event sequencer, so the overlap is certain: the
 * later push's rows are seen uncommitted (READ UNCOMMITTED) while the earlier one waits.
 */
import type { PoolConnection, RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stack } from './harness';
import { call, hostWithChat, must, startStack } from './harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const text = (accountId: string, chatJid: string, id: string, at: number) => ({
  accountId,
  chatJid,
  providerMessageId: id,
  fromMe: false,
  type: 'text',
  body: `body of ${id}`,
  timestamp: at,
});
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** Holds the event sequencer's row lock: every push stops at its event append until release. */
async function holdSequencer(): Promise<{ release(): Promise<void> }> {
  const conn: PoolConnection = await stack.node.app.database.raw.getConnection();
  await conn.beginTransaction();
  await conn.query('select writes from event_sequencer where id = 1 for update');
  return {
    async release() {
      await conn.commit();
      conn.release();
    },
  };
}

/** How many of these keys have a row, committed or not. */
async function rowsSeen(accountId: string, ids: readonly string[]): Promise<number> {
  const conn = await stack.node.app.database.raw.getConnection();
  try {
    await conn.query('set session transaction isolation level read uncommitted');
    const [rows] = await conn.query<RowDataPacket[]>(
      'select count(*) as n from messages where account_id = ? and provider_message_id in (?)',
      [accountId, ids],
    );
    await conn.query('set session transaction isolation level repeatable read');
    return Number(rows[0]?.['n']);
  } finally {
    conn.release();
  }
}

async function until(probe: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

async function countedIn(accountId: string): Promise<number> {
  const [rows] = await stack.node.app.database.raw.query<RowDataPacket[]>(
    "select coalesce(sum(messages_in), 0) as n from report_message_counts where account_id = ? and member_id = ''",
    [accountId],
  );
  return Number(rows[0]?.['n']);
}

describe('sync:push ahead of its turn', () => {
  it('inserts the next batch while the earlier one commits; its acks and edits still find the earlier batch', async () => {
    const { host, accountId, jid, chatId } = await hostWithChat(stack);
    const t = Date.now() - 60_000;
    const a = ids('a', 300);
    const b = ids('b', 300);
    const lock = await holdSequencer();
    let first: Promise<unknown>;
    let second: Promise<unknown>;
    try {
      first = must(host.socket, 'sync:push', { messages: a.map((id, i) => text(accountId, jid, id, t + i)) });
      await until(async () => (await rowsSeen(accountId, a)) === a.length, "the first batch's rows");
      second = must(host.socket, 'sync:push', {
        messages: b.map((id, i) => text(accountId, jid, id, t + 1000 + i)),
        acks: a.map(id => ({ accountId, providerMessageId: id, ack: 'read' })),
        edits: [{ accountId, providerMessageId: 'a-7', body: 'edited behind', editedAt: t + 5000 }],
      });
      // The second batch's rows are written while the first still waits for the sequencer.
      await until(async () => (await rowsSeen(accountId, b)) === b.length, "the second batch's rows ahead");
    } finally {
      await lock.release();
    }
    const [r1, r2] = (await Promise.all([first, second])) as Array<{ lastSeq: number }>;
    expect(r1!.lastSeq).toBeLessThan(r2!.lastSeq);
    // The second push's facts name the first batch's messages its acks changed: read after the first committed.
    const [events] = await stack.node.app.database.raw.query<RowDataPacket[]>(
      'select payload from events where seq > ? and seq <= ? and type = ?',
      [r1!.lastSeq, r2!.lastSeq, 'messages:upserted'],
    );
    const named = new Set(events.flatMap(e => (JSON.parse(String(e['payload'])) as { ids: string[] }).ids));
    expect(a.every(id => named.has(id)) && b.every(id => named.has(id))).toBe(true);
    const [stored] = await stack.node.app.database.raw.query<RowDataPacket[]>(
      'select provider_message_id, ack, body, edited from messages where chat_id = ?',
      [chatId],
    );
    const byId = new Map(stored.map(m => [String(m['provider_message_id']), m]));
    expect(a.every(id => byId.get(id)?.['ack'] === 'read')).toBe(true);
    expect(byId.get('a-7')).toMatchObject({ body: 'edited behind', edited: 1 });
    expect(b.every(id => byId.get(id)?.['ack'] === 'sent')).toBe(true);
    // Each message counted once: hostWithChat's one, then both batches.
    expect(await countedIn(accountId)).toBe(1 + a.length + b.length);
  });

  it('does not insert ahead of a batch that still updates stored messages', async () => {
    const { host, accountId, jid } = await hostWithChat(stack);
    const t = Date.now() - 60_000;
    const c = ids('c', 50);
    const d = ids('d', 50);
    const lock = await holdSequencer();
    let pushes: Promise<unknown>;
    try {
      const first = must(host.socket, 'sync:push', {
        messages: c.map((id, i) => text(accountId, jid, id, t + i)),
        acks: [{ accountId, providerMessageId: 'm1', ack: 'read' }],
      });
      await until(async () => (await rowsSeen(accountId, c)) === c.length, "the first batch's rows");
      const second = must(host.socket, 'sync:push', {
        messages: d.map((id, i) => text(accountId, jid, id, t + 100 + i)),
      });
      pushes = Promise.all([first, second]);
      await sleep(500);
      // Its ack could wait for a row the second push would hold: the second waits for the commit.
      expect(await rowsSeen(accountId, d)).toBe(0);
    } finally {
      await lock.release();
    }
    await pushes;
    expect(await rowsSeen(accountId, d)).toBe(d.length);
    expect(await countedIn(accountId)).toBe(1 + c.length + d.length);
  });

  it('rolls back a batch that went ahead when the one before it fails; the resend stores both once', async () => {
    const { host, accountId, jid } = await hostWithChat(stack);
    const t = Date.now() - 60_000;
    const e = ids('e', 100);
    const f = ids('f', 100);
    const batchE = { messages: e.map((id, i) => text(accountId, jid, id, t + i)) };
    const batchF = { messages: f.map((id, i) => text(accountId, jid, id, t + 200 + i)) };
    const lock = await holdSequencer();
    let replies: Promise<Array<{ ok: boolean; code?: string }>>;
    try {
      const first = call(host.socket, 'sync:push', batchE);
      await until(async () => (await rowsSeen(accountId, e)) === e.length, "the first batch's rows");
      const second = call(host.socket, 'sync:push', batchF);
      await until(async () => (await rowsSeen(accountId, f)) === f.length, "the second batch's rows ahead");
      replies = Promise.all(
        [first, second].map(p => p.then(r => (r.ok ? { ok: true } : { ok: false, code: r.error.code }))),
      );
      // The first push fails at its event append (as a lost connection or a deadlock would).
      const [waiting] = await stack.node.app.database.raw.query<RowDataPacket[]>(
        "select id from information_schema.processlist where info like 'update event_sequencer%'",
      );
      expect(waiting.length).toBeGreaterThan(0);
      for (const w of waiting) await stack.node.app.database.raw.query(`kill query ${Number(w['id'])}`);
    } finally {
      await lock.release();
    }
    expect(await replies).toEqual([
      { ok: false, code: 'internal' },
      { ok: false, code: 'unavailable' },
    ]);
    expect(await rowsSeen(accountId, [...e, ...f])).toBe(0);
    // The device pushes again from the failed batch.
    await Promise.all([must(host.socket, 'sync:push', batchE), must(host.socket, 'sync:push', batchF)]);
    expect(await rowsSeen(accountId, [...e, ...f])).toBe(e.length + f.length);
    expect(await countedIn(accountId)).toBe(1 + e.length + f.length);
  });

  it('gives back the transaction a push began on arrival when the push is refused', async () => {
    const { host, accountId, jid } = await hostWithChat(stack);
    const other = `acct-not-hosted-${Date.now()}`;
    const t = Date.now() - 60_000;
    // More refusals than the pool has connections: each began a transaction before its checks.
    const refused = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        call(
          host.socket,
          'sync:push',
          i % 2
            ? { messages: [text(other, jid, `x-${i}`, t)] }
            : { messages: [{ ...text(accountId, jid, `y-${i}`, t), timestamp: 'not a time' }] },
        ),
      ),
    );
    expect(new Set(refused.map(r => (r.ok ? 'ok' : r.error.code)))).toEqual(new Set(['forbidden', 'invalid_args']));
    await until(
      async () => stack.node.app.database.waitingOpen() === 0,
      'the refused pushes to give back their transactions',
    );
    const g = ids('g', 20);
    await must(host.socket, 'sync:push', { messages: g.map((id, i) => text(accountId, jid, id, t + i)) });
    expect(await rowsSeen(accountId, [...g, 'x-1', 'y-0'])).toBe(g.length);
    expect(stack.node.app.database.waitingOpen()).toBe(0);
  });
});
