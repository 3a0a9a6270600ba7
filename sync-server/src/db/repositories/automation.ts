/**
 * Automation settings per number (table automation_settings) and the automated sends the
 * push path records (automation_sends + sends). The push path runs on a raw mysql2
 * transaction, so its half is written as plain statements like push.ts.
 */
import type { ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { eq } from 'drizzle-orm';
import type { AutomationConfig, AutomationKind } from '../../../../common/automation/decide';
import { businessHoursSchema } from '../../../../common/automation/hours';
import type { BusinessHours } from '../../../../common/automation/hours';
import type { AutomationUpdate, WireAutomation } from '../../../../common/protocol-automation';
import { defaultAutomation } from '../../../../common/protocol-automation';
import type { WireSend } from '../../../../common/protocol';
import type { Exec, RawExec, RawTx } from '../index';
import { automationSettings } from '../schema';

/** Stored hours are parsed again: a row written by an older server must not break a push. */
function parseHours(text: string | null): BusinessHours | null {
  if (text === null) return null;
  try {
    const parsed = businessHoursSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

type SettingsRow = typeof automationSettings.$inferSelect;

const toWire = (r: SettingsRow): WireAutomation => ({
  accountId: r.accountId,
  hours: parseHours(r.hours),
  away: { enabled: r.awayEnabled, text: r.awayText },
  greeting: { enabled: r.greetingEnabled, text: r.greetingText, idleHours: r.greetingIdleHours },
  updatedAt: r.updatedAt,
  updatedBy: r.updatedBy,
});

export async function getAutomation(db: Exec, accountId: string, forUpdate = false): Promise<WireAutomation> {
  const query = db.select().from(automationSettings).where(eq(automationSettings.accountId, accountId));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ? toWire(row) : defaultAutomation(accountId);
}

export async function saveAutomation(db: Exec, s: AutomationUpdate, by: string, now: number): Promise<WireAutomation> {
  const values = {
    hours: s.hours === null ? null : JSON.stringify(s.hours),
    awayEnabled: s.away.enabled,
    awayText: s.away.text,
    greetingEnabled: s.greeting.enabled,
    greetingText: s.greeting.text,
    greetingIdleHours: s.greeting.idleHours,
    updatedAt: now,
    updatedBy: by,
  };
  await db
    .insert(automationSettings)
    .values({ accountId: s.accountId, ...values })
    .onDuplicateKeyUpdate({ set: values });
  return { ...s, updatedAt: now, updatedBy: by };
}

/** Business hours of these numbers, those that have any. */
export async function hoursOf(
  raw: RawExec,
  accountIds: readonly string[],
): Promise<Array<{ accountId: string; hours: BusinessHours }>> {
  if (accountIds.length === 0) return [];
  const [rows] = await raw.query<RowDataPacket[]>(
    'select account_id, hours from automation_settings where hours is not null and account_id in (?)',
    [accountIds],
  );
  const out: Array<{ accountId: string; hours: BusinessHours }> = [];
  for (const r of rows) {
    const hours = parseHours(r['hours'] as string | null);
    if (hours) out.push({ accountId: String(r['account_id']), hours });
  }
  return out;
}

/** What the push path needs of a number with automation on: its config and its name. */
export type NumberAutomation = AutomationConfig & {
  readonly accountId: string;
  readonly numberName: string;
  readonly hostDeviceId: string | null;
  readonly hostOnline: boolean;
};

/** Numbers among these with the away message or the greeting switched on. */
export async function activeAutomation(tx: RawTx, accountIds: readonly string[]): Promise<NumberAutomation[]> {
  if (accountIds.length === 0) return [];
  const [rows] = await tx.query<RowDataPacket[]>(
    `select s.*, a.name as number_name, a.host_device_id, a.host_online
       from automation_settings s join accounts a on a.id = s.account_id
      where s.account_id in (?) and (s.away_enabled or s.greeting_enabled)`,
    [accountIds],
  );
  return rows.map(r => ({
    accountId: String(r['account_id']),
    numberName: String(r['number_name']),
    hostDeviceId: (r['host_device_id'] as string | null) ?? null,
    hostOnline: Boolean(r['host_online']),
    hours: parseHours(r['hours'] as string | null),
    away: { enabled: Boolean(r['away_enabled']), text: String(r['away_text']) },
    greeting: {
      enabled: Boolean(r['greeting_enabled']),
      text: String(r['greeting_text']),
      idleHours: Number(r['greeting_idle_hours']),
    },
  }));
}

/** The chat facts a decision reads: its name, assignee, and what came before this message. */
export async function chatFacts(
  tx: RawTx,
  chatId: string,
  messageAt: number,
): Promise<{
  name: string;
  jid: string;
  assigneeId: string | null;
  previousMessageAt: number | null;
  lastAutomatedAt: number | null;
} | null> {
  const [chats] = await tx.query<RowDataPacket[]>('select name, jid, assignee_id from chats where id = ?', [chatId]);
  const chat = chats[0];
  if (!chat) return null;
  const [prev] = await tx.query<RowDataPacket[]>('select max(ts) as at from messages where chat_id = ? and ts < ?', [
    chatId,
    messageAt,
  ]);
  // Not locked: two pushes deciding at once for one window meet at its unique key instead.
  const [auto] = await tx.query<RowDataPacket[]>('select max(sent_at) as at from automation_sends where chat_id = ?', [
    chatId,
  ]);
  const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
  return {
    name: String(chat['name']),
    jid: String(chat['jid']),
    assigneeId: (chat['assignee_id'] as string | null) ?? null,
    previousMessageAt: num(prev[0]?.['at']),
    lastAutomatedAt: num(auto[0]?.['at']),
  };
}

/**
 * Records the window and queues the send in one go; false when this window already has
 * its message (a redelivered push, another node): then nothing is sent.
 */
export async function recordAutomatedSend(
  tx: RawTx,
  w: { chatId: string; kind: AutomationKind; windowKey: number; send: WireSend; senderDeviceId: string },
): Promise<boolean> {
  const [res] = await tx.query<ResultSetHeader>(
    'insert ignore into automation_sends (chat_id, kind, window_key, client_message_id, sent_at) values (?, ?, ?, ?, ?)',
    [w.chatId, w.kind, w.windowKey, w.send.clientMessageId, w.send.createdAt],
  );
  if (res.affectedRows !== 1) return false;
  const s = w.send;
  await tx.query(
    `insert into sends (client_message_id, account_id, chat_id, chat_jid, sender_id, sender_device_id, body,
       quoted_provider_message_id, state, created_at, updated_at, origin)
     values (?, ?, ?, ?, ?, ?, ?, null, 'queued', ?, ?, 'automation')`,
    [
      s.clientMessageId,
      s.accountId,
      s.chatId,
      s.chatJid,
      s.senderId,
      w.senderDeviceId,
      s.body,
      s.createdAt,
      s.createdAt,
    ],
  );
  return true;
}
