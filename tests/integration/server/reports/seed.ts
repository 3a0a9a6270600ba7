/**
 * A seeded workspace for the report tests: numbers, members and hundreds of conversations
 * (transfers, reopens by message and by status, goodbyes after resolution, idle conversations,
 * nights and weekends), written straight into the database with their real past timestamps.
 * Alongside the rows it returns the TRUTH: each conversation as the generator built it, which
 * reference.ts turns into the expected figures without the server's code.
 */
import { rebuildReportTables } from '../../../../sync-server/src/db/repositories/report-tables';
import { mulberry32 } from '../../../../common/seeded-random';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'mysql2/promise';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

export type TruthMessage = { at: number; fromMe: boolean; senderId: string | null };
export type TruthConversation = {
  chatId: string;
  accountId: string;
  openedAt: number;
  firstResponse: { at: number; by: string | null } | null;
  /** Assignee changes inside the conversation; the first one may be the chat's assignee before it opened (at = openedAt). */
  assignees: { at: number; memberId: string | null }[];
  resolutions: { at: number; by: string }[];
  reopens: number[];
  messages: TruthMessage[];
};
export type Truth = {
  conversations: TruthConversation[];
  /** Messages in no conversation (goodbyes after a resolution), with their chat. */
  loose: (TruthMessage & { chatId: string })[];
  chats: Map<string, { accountId: string; name: string; tags: string[] }>;
  accounts: Map<string, string>;
  members: Map<string, string>;
};

export type SeedAccount = { id: string; name: string; members: string[]; chats: number };

/** Seeded: the same seed gives the same workspace on every run. */
function prng(seed: number) {
  const next = mulberry32(seed);
  return {
    chance: (p: number) => next() < p,
    between: (lo: number, hi: number) => Math.floor(lo + next() * (hi - lo)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
  };
}

type Rows = {
  chats: unknown[][];
  messages: unknown[][];
  sends: unknown[][];
  audit: unknown[][];
};

const TAGS = ['vip', 'billing', 'complaint'];

/** Generates one chat's history from `start` until `until` and appends its rows and truth. */
function chatHistory(
  rnd: ReturnType<typeof prng>,
  acct: SeedAccount,
  chatId: string,
  resolvers: readonly string[],
  start: number,
  until: number,
  rows: Rows,
  truth: Truth,
): { assignee: string | null; status: string } {
  let assignee: string | null = null;
  let status = 'open';
  let version = 0;
  let msgNo = 0;
  const tags = truth.chats.get(chatId)!.tags;
  const snap = () => ({ assigneeId: assignee, status, tags, version });
  const audit = (action: string, by: string, at: number, change: () => void) => {
    const before = snap();
    change();
    version += 1;
    rows.audit.push([by, randomUUID(), action, chatId, JSON.stringify(before), JSON.stringify(snap()), at]);
  };
  const message = (at: number, fromMe: boolean, sender: string | null): TruthMessage => {
    const cmid = sender ? randomUUID() : null;
    rows.messages.push([acct.id, `${chatId}-${msgNo++}`, chatId, fromMe, 'text', 'x', at, 'sent', cmid]);
    if (cmid)
      rows.sends.push([cmid, acct.id, chatId, chatId.split(':')[1], sender, randomUUID(), 'x', 'sent', at, at, at]);
    return { at, fromMe, senderId: sender };
  };
  const assign = (c: TruthConversation, at: number, to: string | null, action = 'chat.assign') => {
    audit(action, rnd.pick(resolvers), at, () => (assignee = to));
    c.assignees.push({ at, memberId: to });
  };

  let t = start;
  while (t < until) {
    const c: TruthConversation = {
      chatId,
      accountId: acct.id,
      openedAt: t,
      firstResponse: null,
      assignees: assignee ? [{ at: t, memberId: assignee }] : [],
      resolutions: [],
      reopens: [],
      messages: [],
    };
    truth.conversations.push(c);
    c.messages.push(message(t, false, null));
    let last = t;
    // A second customer message now and then, a few minutes later.
    if (rnd.chance(0.4)) c.messages.push(message((last += rnd.between(1, 10) * MIN + 1000), false, null));
    if (rnd.chance(0.5)) audit('chat.status', rnd.pick(resolvers), (last += MIN + 7), () => (status = 'open'));
    if (assignee && rnd.chance(0.1)) assign(c, (last += rnd.between(1, 30) * MIN), null, 'chat.unassign');
    else if (rnd.chance(0.8)) {
      const to = rnd.pick(acct.members);
      if (to !== assignee) assign(c, (last += rnd.between(1, 30) * MIN), to);
    }
    if (rnd.chance(0.85)) {
      // Some answers wait for the night or the weekend to pass.
      const at = (last += rnd.chance(0.3) ? rnd.between(4, 14) * HOUR : rnd.between(1, 90) * MIN);
      // Through Blazz Desk by the assignee or a colleague, or from the phone.
      const sender = rnd.chance(0.7)
        ? rnd.chance(0.75)
          ? (assignee ?? rnd.pick(acct.members))
          : rnd.pick(acct.members)
        : null;
      c.messages.push(message(at, true, sender));
      c.firstResponse = { at, by: sender ?? assignee };
      if (rnd.chance(0.5)) c.messages.push(message((last += rnd.between(2, 600) * MIN), false, null));
      if (rnd.chance(0.5)) c.messages.push(message((last += rnd.between(1, 120) * MIN), true, null));
    }
    if (rnd.chance(0.25)) {
      const to = rnd.pick(acct.members.filter(m => m !== assignee));
      assign(c, (last += rnd.between(5, 60) * MIN), to, rnd.chance(0.3) ? 'chat.claim' : 'chat.assign');
    }
    if (rnd.chance(0.8)) {
      const resolve = () => {
        const by = rnd.chance(0.7) && assignee ? assignee : rnd.pick(resolvers);
        const at = (last += rnd.between(10, 20 * 60) * MIN);
        audit('chat.status', by, at, () => (status = 'resolved'));
        c.resolutions.push({ at, by });
      };
      resolve();
      if (rnd.chance(0.1)) truth.loose.push({ ...message(last + 2 * MIN, true, assignee), chatId });
      if (rnd.chance(0.25)) {
        // Reopened within the idle limit: by the customer writing again, or by a member.
        const at = (last += rnd.between(10, 23 * 60) * MIN);
        if (rnd.chance(0.7)) c.messages.push(message(at, false, null));
        else audit('chat.status', rnd.pick(resolvers), at, () => (status = 'pending'));
        c.reopens.push(at);
        const reply = message((last += rnd.between(5, 180) * MIN), true, assignee);
        c.messages.push(reply);
        // Never answered before the resolution: this reply is the first response.
        c.firstResponse ??= { at: reply.at, by: assignee };
        resolve();
      }
      // The next conversation starts after the idle limit.
      t = last + DAY + rnd.between(1, 4 * 24 * 60) * MIN;
    } else {
      // Never resolved: it goes idle; the customer's next message starts a new conversation.
      t = last + DAY + rnd.between(60, 3 * 24 * 60) * MIN;
    }
  }
  return { assignee, status };
}

/** Writes rows in batches; returns when every table has them. */
async function insertAll(raw: Pool, rows: Rows): Promise<void> {
  const batches: [string, unknown[][]][] = [
    [
      'insert into chats (id, account_id, jid, is_group, name, status, assignee_id, tags, version) values ?',
      rows.chats,
    ],
    [
      'insert into messages (account_id, provider_message_id, chat_id, from_me, type, body, ts, ack, client_message_id) values ?',
      rows.messages,
    ],
    [
      'insert into sends (client_message_id, account_id, chat_id, chat_jid, sender_id, sender_device_id, body, state, provider_message_id, created_at, updated_at) values ?',
      rows.sends,
    ],
    ['insert into audit_log (member_id, device_id, action, chat_id, `before`, `after`, at) values ?', rows.audit],
  ];
  for (const [sql, values] of batches)
    for (let i = 0; i < values.length; i += 500) await raw.query(sql, [values.slice(i, i + 500)]);
}

/** The report tests' team: a lead (Lia) and three agents (Ayu, Budi, Citra), and everyone's name. */
export async function leadAndAgents(stack: {
  member(role: 'lead' | 'agent', name: string): Promise<{ id: string }>;
}): Promise<{ lead: string; agents: [string, string, string]; names: Map<string, string> }> {
  const lead = (await stack.member('lead', 'Lia')).id;
  const names = new Map([[lead, 'Lia']]);
  const agents: string[] = [];
  for (const name of ['Ayu', 'Budi', 'Citra']) {
    const m = await stack.member('agent', name);
    agents.push(m.id);
    names.set(m.id, name);
  }
  return { lead, agents: [agents[0]!, agents[1]!, agents[2]!], names };
}

/**
 * Two numbers, North (Ayu and Budi) and South (Citra and Budi): two members each, because the
 * seed's transfers pick another member of the number.
 */
export const northAndSouth = (
  ids: readonly [string, string],
  agents: readonly [string, string, string],
  chats: number,
): SeedAccount[] => [
  { id: ids[0], name: 'North', members: [agents[0], agents[1]], chats },
  { id: ids[1], name: 'South', members: [agents[2], agents[1]], chats },
];

/**
 * Seeds these accounts (rows in `accounts` written here too) with chats whose histories
 * run from `start` to `until`. `resolvers` are members who may resolve any chat (a lead, an admin).
 */
export async function seedWorkspace(
  raw: Pool,
  opts: {
    accounts: SeedAccount[];
    resolvers: string[];
    members: Map<string, string>;
    start: number;
    until: number;
    seed: number;
  },
): Promise<Truth> {
  const rnd = prng(opts.seed);
  const truth: Truth = { conversations: [], loose: [], chats: new Map(), accounts: new Map(), members: opts.members };
  const rows: Rows = { chats: [], messages: [], sends: [], audit: [] };
  for (const acct of opts.accounts) {
    truth.accounts.set(acct.id, acct.name);
    await raw.query(
      "insert into accounts (id, name, provider, state, created_at) values (?, ?, 'simulator', 'stopped', ?)",
      [acct.id, acct.name, opts.start],
    );
    for (let i = 0; i < acct.chats; i++) {
      const jid = `62812${String(i).padStart(5, '0')}@c.us`;
      const chatId = `${acct.id}:${jid}`;
      const tags = TAGS.filter(() => rnd.chance(0.3));
      const name = `Customer ${i}`;
      truth.chats.set(chatId, { accountId: acct.id, name, tags });
      const first = opts.start + rnd.between(0, 3 * 24 * 60) * MIN + rnd.between(0, 59_000);
      const end = chatHistory(rnd, acct, chatId, opts.resolvers, first, opts.until, rows, truth);
      rows.chats.push([chatId, acct.id, jid, false, name, end.status, end.assignee, JSON.stringify(tags), 0]);
    }
  }
  await insertAll(raw, rows);
  // Written around the server: the report tables are rebuilt as migration 0034 does for existing data.
  await rebuildReportTables(raw);
  return truth;
}

/**
 * The time-zone edge, in an account of its own: a customer writes at 23:30 in Jakarta
 * (16:30 UTC) on Tuesday 10 November 2026, is answered from the phone at 23:40 and the
 * conversation is resolved at 00:20 on the 11th (17:20 UTC on the 10th).
 */
export async function seedMidnightEdge(raw: Pool, truth: Truth, accountId: string, resolver: string): Promise<string> {
  const chatId = `${accountId}:6281999@c.us`;
  const opened = Date.parse('2026-11-10T16:30:00Z');
  const reply = opened + 10 * MIN;
  const resolvedAt = opened + 50 * MIN;
  truth.accounts.set(accountId, 'Night line');
  truth.chats.set(chatId, { accountId, name: 'Night owl', tags: [] });
  truth.conversations.push({
    chatId,
    accountId,
    openedAt: opened,
    firstResponse: { at: reply, by: null },
    assignees: [],
    resolutions: [{ at: resolvedAt, by: resolver }],
    reopens: [],
    messages: [
      { at: opened, fromMe: false, senderId: null },
      { at: reply, fromMe: true, senderId: null },
    ],
  });
  await raw.query(
    "insert into accounts (id, name, provider, state, created_at) values (?, 'Night line', 'simulator', 'stopped', 0)",
    [accountId],
  );
  await raw.query(
    "insert into chats (id, account_id, jid, is_group, name, status, assignee_id, tags, version) values (?, ?, '6281999@c.us', false, 'Night owl', 'resolved', null, '[]', 1)",
    [chatId, accountId],
  );
  await raw.query(
    "insert into messages (account_id, provider_message_id, chat_id, from_me, type, ts, ack) values (?, 'n1', ?, false, 'text', ?, 'read'), (?, 'n2', ?, true, 'text', ?, 'sent')",
    [accountId, chatId, opened, accountId, chatId, reply],
  );
  const snap = (status: string) => JSON.stringify({ assigneeId: null, status, tags: [], version: 0 });
  await raw.query(
    "insert into audit_log (member_id, action, chat_id, `before`, `after`, at) values (?, 'chat.status', ?, ?, ?, ?)",
    [resolver, chatId, snap('open'), snap('resolved'), resolvedAt],
  );
  await rebuildReportTables(raw);
  return chatId;
}
