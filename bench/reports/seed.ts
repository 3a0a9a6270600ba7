/**
 * The reports benchmark's workspace, written straight into MariaDB: `chats` chats over a few
 * numbers, about `messages` messages over the 90 days before `end`, in conversations (a
 * customer message, a reply, sometimes more, an assignment and a resolution in audit_log),
 * handled by `members` agents. The shape, not exact figures, is what matters here.
 */
import { randomUUID } from 'node:crypto';
import type { Pool } from 'mysql2/promise';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
export const ACCOUNTS = ['bench-a', 'bench-b', 'bench-c', 'bench-d', 'bench-e'];

export type BenchScale = { messages: number; chats: number; members: number };

/** A small deterministic generator: the same workspace on every run. */
function rng(seed: number): (n: number) => number {
  let s = seed;
  return n => {
    s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0;
    return s % n;
  };
}

class Batch {
  private rows: unknown[][] = [];
  constructor(
    private readonly raw: Pool,
    private readonly sql: string,
  ) {}
  async add(row: unknown[]): Promise<void> {
    this.rows.push(row);
    if (this.rows.length >= 2000) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.rows.length) await this.raw.query(this.sql, [this.rows]);
    this.rows = [];
  }
}

export async function seedBench(
  raw: Pool,
  scale: BenchScale,
  memberIds: readonly string[],
  end: number,
): Promise<void> {
  const rand = rng(18);
  for (const id of ACCOUNTS)
    await raw.query(
      "insert into accounts (id, name, provider, state, created_at) values (?, ?, 'simulator', 'stopped', 0)",
      [id, id],
    );
  const chats = new Batch(raw, 'insert into chats (id, account_id, jid, is_group, name, status, tags) values ?');
  const messages = new Batch(
    raw,
    'insert into messages (account_id, provider_message_id, chat_id, from_me, type, ts, ack, client_message_id) values ?',
  );
  const sends = new Batch(
    raw,
    'insert into sends (client_message_id, account_id, chat_id, chat_jid, sender_id, sender_device_id, body, state, created_at, updated_at) values ?',
  );
  const audit = new Batch(raw, 'insert into audit_log (member_id, action, chat_id, `before`, `after`, at) values ?');
  const perChat = Math.max(2, Math.round(scale.messages / scale.chats));
  const snap = (assigneeId: string | null, status: string) =>
    JSON.stringify({ assigneeId, status, tags: [], version: 0 });
  for (let i = 0; i < scale.chats; i++) {
    const account = ACCOUNTS[i % ACCOUNTS.length]!;
    const jid = `62${String(i).padStart(9, '0')}@c.us`;
    const chatId = `${account}:${jid}`;
    await chats.add([chatId, account, jid, false, `Customer ${i}`, 'resolved', '[]']);
    // Conversations (about 2.5 messages each) spread evenly over the 90 days.
    const gap = Math.floor((90 * DAY) / Math.max(1, perChat / 2.5));
    let t = end - 90 * DAY + rand(gap);
    let assignee: string | null = null;
    for (let n = 0; n < perChat && t < end;) {
      await messages.add([account, `${i}-${n++}`, chatId, false, 'text', t, 'read', null]);
      const agent = memberIds[rand(memberIds.length)]!;
      t += 1 + rand(30 * MIN);
      await audit.add([agent, 'chat.assign', chatId, snap(assignee, 'open'), snap(agent, 'open'), t]);
      assignee = agent;
      t += 1 + rand(4 * 60 * MIN);
      const cmid = randomUUID();
      await messages.add([account, `${i}-${n++}`, chatId, true, 'text', t, 'sent', cmid]);
      await sends.add([cmid, account, chatId, jid, agent, randomUUID(), 'x', 'sent', t, t]);
      while (n < perChat && rand(3) === 0) {
        t += 1 + rand(60 * MIN);
        await messages.add([account, `${i}-${n++}`, chatId, rand(2) === 0, 'text', t, 'read', null]);
      }
      t += 1 + rand(8 * 60 * MIN);
      await audit.add([agent, 'chat.status', chatId, snap(agent, 'open'), snap(agent, 'resolved'), t]);
      t += Math.floor(gap / 2) + rand(gap);
    }
  }
  for (const b of [chats, messages, sends, audit]) await b.flush();
}
