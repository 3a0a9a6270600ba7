/** Accounts registry, relayed sends, templates, audit log and rate-limit counters. */
import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Template } from '../../../../common/domain';
import type { SendState, WireAccount, WireAudit, WireSend } from '../../../../common/protocol';
import type { Exec } from '../index';
import { accountMembers, accounts, auditLog, rateLimits, reportDirtyChats, sends, templates } from '../schema';
import { CHAT_CHANGE_ACTIONS } from './reports';
import { attachmentColumn, attachmentOf } from './uploads';

export type AccountRow = typeof accounts.$inferSelect;

export async function allAccountIds(db: Exec): Promise<string[]> {
  return (await db.select({ id: accounts.id }).from(accounts)).map(r => r.id);
}

export async function accountById(db: Exec, id: string): Promise<AccountRow | undefined> {
  const rows = await db.select().from(accounts).where(eq(accounts.id, id)).limit(1);
  return rows[0];
}

export async function wireAccounts(db: Exec, ids: readonly string[] | 'all'): Promise<WireAccount[]> {
  if (ids !== 'all' && ids.length === 0) return [];
  const rows =
    ids === 'all'
      ? await db.select().from(accounts)
      : await db
          .select()
          .from(accounts)
          .where(inArray(accounts.id, [...ids]));
  const accountIds = rows.map(r => r.id);
  const memberships = accountIds.length
    ? await db.select().from(accountMembers).where(inArray(accountMembers.accountId, accountIds))
    : [];
  return rows.map(r => ({
    id: r.id,
    name: r.name,
    phone: r.phone,
    provider: r.provider,
    hostDeviceId: r.hostDeviceId,
    hostMemberId: r.hostMemberId,
    hostOnline: r.hostOnline,
    state: r.state,
    memberIds: memberships.filter(m => m.accountId === r.id).map(m => m.memberId),
    readReceipts: r.readReceipts,
  }));
}

export async function upsertAccount(
  db: Exec,
  a: {
    id: string;
    name: string;
    phone: string | null;
    provider: string;
    hostDeviceId: string;
    hostMemberId: string;
    now: number;
  },
): Promise<{ created: boolean }> {
  const [res] = await db
    .insert(accounts)
    .values({ ...a, hostOnline: true, createdAt: a.now })
    .onDuplicateKeyUpdate({
      set: {
        name: sql`values(name)`,
        phone: sql`coalesce(values(phone), phone)`,
        hostDeviceId: sql`values(host_device_id)`,
        hostMemberId: sql`values(host_member_id)`,
        hostOnline: true,
      },
    });
  // MySQL counts 1 affected row for an insert, 2 (or 0 when unchanged) for an update.
  return { created: res.affectedRows === 1 };
}

export async function setAccountState(db: Exec, id: string, state: string): Promise<void> {
  await db.update(accounts).set({ state }).where(eq(accounts.id, id));
}

export async function setHostOnline(db: Exec, deviceId: string, online: boolean): Promise<string[]> {
  const rows = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.hostDeviceId, deviceId));
  if (rows.length) await db.update(accounts).set({ hostOnline: online }).where(eq(accounts.hostDeviceId, deviceId));
  return rows.map(r => r.id);
}

// ── Relayed sends ──────────────────────────────────────────────────────────────────────

type SendRow = typeof sends.$inferSelect;
const toWireSend = (s: SendRow): WireSend => ({
  clientMessageId: s.clientMessageId,
  accountId: s.accountId,
  chatId: s.chatId,
  chatJid: s.chatJid,
  senderId: s.senderId,
  body: s.body,
  quotedProviderMessageId: s.quotedProviderMessageId,
  state: s.state,
  providerMessageId: s.providerMessageId,
  error: s.error,
  createdAt: s.createdAt,
  attachment: attachmentOf(s.attachment),
});

export async function sendByClientId(db: Exec, clientMessageId: string): Promise<WireSend | undefined> {
  const rows = await db.select().from(sends).where(eq(sends.clientMessageId, clientMessageId)).limit(1);
  return rows[0] ? toWireSend(rows[0]) : undefined;
}

/** Stores the send once; returns false when this client message id was already stored. */
export async function insertSend(
  db: Exec,
  s: Omit<WireSend, 'state' | 'providerMessageId' | 'error'> & { senderDeviceId: string; template?: string },
): Promise<boolean> {
  const [res] = await db
    .insert(sends)
    .ignore()
    .values({ ...s, attachment: attachmentColumn(s.attachment ?? null), state: 'queued', updatedAt: s.createdAt });
  return res.affectedRows === 1;
}

/** Sends the host has not reported yet, oldest first: re-offered on every host connect. */
export async function pendingSends(db: Exec, accountIds: readonly string[]): Promise<WireSend[]> {
  if (accountIds.length === 0) return [];
  const rows = await db
    .select()
    .from(sends)
    .where(and(inArray(sends.accountId, [...accountIds]), inArray(sends.state, ['queued', 'forwarded'])))
    .orderBy(asc(sends.rowId))
    .limit(1000);
  return rows.map(toWireSend);
}

export async function markForwarded(db: Exec, clientMessageIds: readonly string[], now: number): Promise<void> {
  if (clientMessageIds.length === 0) return;
  await db
    .update(sends)
    .set({ state: 'forwarded', updatedAt: now })
    .where(and(inArray(sends.clientMessageId, [...clientMessageIds]), eq(sends.state, 'queued')));
}

/** The host's result; only the first report counts (a repeated report changes nothing). */
export async function reportSend(
  db: Exec,
  r: {
    clientMessageId: string;
    state: Extract<SendState, 'sent' | 'failed'>;
    providerMessageId: string | null;
    error: string | null;
    now: number;
  },
): Promise<boolean> {
  const [res] = await db
    .update(sends)
    .set({ state: r.state, providerMessageId: r.providerMessageId, error: r.error, updatedAt: r.now })
    .where(and(eq(sends.clientMessageId, r.clientMessageId), inArray(sends.state, ['queued', 'forwarded'])));
  return res.affectedRows === 1;
}

// ── Templates ──────────────────────────────────────────────────────────────────────────

export async function listTemplates(db: Exec): Promise<Template[]> {
  const rows = await db.select().from(templates).orderBy(templates.shortcut);
  return rows.map(t => ({ id: t.id, shortcut: t.shortcut, title: t.title, body: t.body }));
}

export async function upsertTemplate(db: Exec, t: Template, now: number): Promise<void> {
  await db
    .insert(templates)
    .values({ ...t, updatedAt: now })
    .onDuplicateKeyUpdate({ set: { shortcut: t.shortcut, title: t.title, body: t.body, updatedAt: now } });
}

export async function templateById(db: Exec, id: string): Promise<Template | undefined> {
  const rows = await db.select().from(templates).where(eq(templates.id, id)).limit(1);
  const t = rows[0];
  return t ? { id: t.id, shortcut: t.shortcut, title: t.title, body: t.body } : undefined;
}

export async function deleteTemplate(db: Exec, id: string): Promise<boolean> {
  const [res] = await db.delete(templates).where(eq(templates.id, id));
  return res.affectedRows > 0;
}

// ── Audit log ──────────────────────────────────────────────────────────────────────────

export async function insertAudit(db: Exec, a: Omit<WireAudit, 'id'>): Promise<void> {
  await db.insert(auditLog).values({
    ...a,
    before: a.before === undefined ? null : JSON.stringify(a.before),
    after: a.after === undefined ? null : JSON.stringify(a.after),
  });
  // A status or assignment change: the chat's report conversations are cut again (reports/maintain.ts).
  if (a.chatId !== null && a.chatId !== undefined && (CHAT_CHANGE_ACTIONS as readonly string[]).includes(a.action))
    await db
      .insert(reportDirtyChats)
      .values({ chatId: a.chatId })
      .onDuplicateKeyUpdate({ set: { chatId: sql`chat_id` } });
}

// ── Rate limits (fixed windows shared by every node) ───────────────────────────────────

/**
 * Counts one hit; returns the hits in the current window, this one included. The key is
 * stored as its sha-256: keys carry e-mails and other input of any length, and a key
 * longer than the column failed every sign-in of a member with a long e-mail.
 */
export async function hitRateLimit(db: Exec, rawKey: string, windowMs: number, now: number): Promise<number> {
  const key = createHash('sha256').update(rawKey).digest('hex');
  const windowStart = now - (now % windowMs);
  await db
    .insert(rateLimits)
    .values({ key, windowStart, hits: 1 })
    .onDuplicateKeyUpdate({ set: { hits: sql`hits + 1` } });
  const rows = await db
    .select({ hits: rateLimits.hits })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), eq(rateLimits.windowStart, windowStart)));
  // Old windows are dead weight; drop them now and then.
  if (Math.random() < 0.01) await db.delete(rateLimits).where(lt(rateLimits.windowStart, now - 24 * 3600_000));
  return rows[0]?.hits ?? 1;
}

export async function accountsHostedBy(db: Exec, deviceId: string): Promise<string[]> {
  const rows = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.hostDeviceId, deviceId));
  return rows.map(r => r.id);
}
