/** Members, their devices (sessions), account membership and the workspace setting. */
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Role } from '../../../../common/domain';
import type { Platform } from '../../../../common/protocol-sessions';
import type { WireMember, WirePresence, WireSettings } from '../../../../common/protocol';
import type { ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import type { Exec, RawExec } from '../index';
import { accountMembers, members, sessions, settings } from '../schema';

export type MemberRow = typeof members.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

export const toWireMember = (m: MemberRow): WireMember => ({
  id: m.id,
  email: m.email,
  name: m.name,
  role: m.role,
  active: m.active,
});

export async function insertMember(
  db: Exec,
  m: { id: string; email: string; name: string; role: Role; passwordHash: string; now: number },
): Promise<void> {
  await db.insert(members).values({
    id: m.id,
    email: m.email.toLowerCase(),
    name: m.name,
    role: m.role,
    passwordHash: m.passwordHash,
    createdAt: m.now,
  });
}

/** What every command checks about its caller, as of now. */
export type CallerState = {
  readonly name: string;
  readonly role: Role;
  readonly active: boolean;
  readonly accountIds: string[];
  readonly settings: WireSettings;
  /** The member has a confirmed second factor (TOTP). */
  readonly mfaEnabled: boolean;
  /** The device's session: when it signed in and was last active (for expiry). */
  readonly sessionCreatedAt: number;
  readonly sessionLastSeenAt: number;
};

/**
 * The caller's member, device, accounts and the workspace setting in one round trip (one
 * row per account), rather than four queries per command. Undefined when the device is
 * signed out or is not this member's.
 */
export async function callerState(raw: RawExec, memberId: string, sessionId: string): Promise<CallerState | undefined> {
  const [rows] = await raw.execute<RowDataPacket[]>(
    `select m.name, m.role, m.active, st.agents_see_unassigned, st.agents_may_hand_over, st.admins_require_mfa,
            am.account_id, s.created_at, s.last_seen_at, mf.enabled_at as mfa_enabled_at
     from members m
     join sessions s on s.id = ? and s.member_id = m.id and s.revoked_at is null
     left join workspace_settings st on st.id = 1
     left join member_mfa mf on mf.member_id = m.id
     left join account_members am on am.member_id = m.id
     where m.id = ?`,
    [sessionId, memberId],
  );
  const first = rows[0];
  if (!first) return undefined;
  const seeUnassigned = first['agents_see_unassigned'] as number | null;
  return {
    name: String(first['name']),
    role: first['role'] as Role,
    active: Boolean(first['active']),
    accountIds: rows.flatMap(r => (r['account_id'] === null ? [] : [String(r['account_id'])])),
    settings: {
      agentsSeeUnassigned: seeUnassigned === null ? true : Boolean(seeUnassigned),
      agentsMayHandOver: Boolean(first['agents_may_hand_over'] ?? false),
      adminsRequireMfa: Boolean(first['admins_require_mfa']),
    },
    mfaEnabled: first['mfa_enabled_at'] !== null,
    sessionCreatedAt: Number(first['created_at']),
    sessionLastSeenAt: Number(first['last_seen_at']),
  };
}

/** touchSession for the command path, which reads through the raw connection. */
export async function touchSessionRaw(raw: RawExec, id: string, now: number): Promise<void> {
  await raw.execute('update sessions set last_seen_at = ? where id = ?', [now, id]);
}

export async function memberByEmail(db: Exec, email: string): Promise<MemberRow | undefined> {
  const rows = await db.select().from(members).where(eq(members.email, email.toLowerCase())).limit(1);
  return rows[0];
}

export async function memberById(db: Exec, id: string): Promise<MemberRow | undefined> {
  const rows = await db.select().from(members).where(eq(members.id, id)).limit(1);
  return rows[0];
}

export async function listMembers(db: Exec): Promise<MemberRow[]> {
  return db.select().from(members).orderBy(members.createdAt);
}

export async function updateMember(
  db: Exec,
  id: string,
  patch: { name?: string; role?: Role; active?: boolean; passwordHash?: string },
): Promise<void> {
  if (Object.keys(patch).length === 0) return;
  await db.update(members).set(patch).where(eq(members.id, id));
}

export async function accountIdsOfMember(db: Exec, memberId: string): Promise<string[]> {
  const rows = await db
    .select({ a: accountMembers.accountId })
    .from(accountMembers)
    .where(eq(accountMembers.memberId, memberId));
  return rows.map(r => r.a);
}

export async function memberIdsOfAccount(db: Exec, accountId: string): Promise<string[]> {
  const rows = await db
    .select({ m: accountMembers.memberId })
    .from(accountMembers)
    .where(eq(accountMembers.accountId, accountId));
  return rows.map(r => r.m);
}

/** Whether this member is an active agent of the number (leads and admins see every chat anyway). */
export async function isAgentOfAccount(db: Exec, accountId: string, memberId: string): Promise<boolean> {
  const rows = await db
    .select({ id: members.id })
    .from(accountMembers)
    .innerJoin(members, eq(members.id, accountMembers.memberId))
    .where(
      and(
        eq(accountMembers.accountId, accountId),
        eq(accountMembers.memberId, memberId),
        eq(members.role, 'agent'),
        eq(members.active, true),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** Active agents of an account: whose view of unassigned chats depends on the setting. */
export async function agentsOfAccount(db: Exec, accountId: string): Promise<string[]> {
  const rows = await db
    .select({ id: members.id })
    .from(accountMembers)
    .innerJoin(members, eq(members.id, accountMembers.memberId))
    .where(and(eq(accountMembers.accountId, accountId), eq(members.role, 'agent'), eq(members.active, true)));
  return rows.map(r => r.id);
}

/** True when the member was not in the account before. */
export async function addAccountMember(db: Exec, accountId: string, memberId: string): Promise<boolean> {
  const [res] = await db.insert(accountMembers).ignore().values({ accountId, memberId });
  return res.affectedRows > 0;
}

export async function removeAccountMember(db: Exec, accountId: string, memberId: string): Promise<boolean> {
  const [res] = await db
    .delete(accountMembers)
    .where(and(eq(accountMembers.accountId, accountId), eq(accountMembers.memberId, memberId)));
  return res.affectedRows > 0;
}

export async function getSettings(db: Exec): Promise<WireSettings> {
  const rows = await db.select().from(settings).where(eq(settings.id, 1)).limit(1);
  return {
    agentsSeeUnassigned: rows[0]?.agentsSeeUnassigned ?? true,
    agentsMayHandOver: rows[0]?.agentsMayHandOver ?? false,
    adminsRequireMfa: rows[0]?.adminsRequireMfa ?? false,
  };
}

export async function saveSettings(db: Exec, s: WireSettings): Promise<void> {
  await db
    .update(settings)
    .set({
      agentsSeeUnassigned: s.agentsSeeUnassigned,
      agentsMayHandOver: s.agentsMayHandOver,
      adminsRequireMfa: s.adminsRequireMfa,
    })
    .where(eq(settings.id, 1));
}

// ── Sessions (one per signed-in device) ────────────────────────────────────────────────

export async function insertSession(
  db: Exec,
  s: {
    id: string;
    memberId: string;
    tokenHash: string;
    deviceName: string;
    platform?: Platform | null;
    ip?: string | null;
    now: number;
  },
): Promise<void> {
  const { now, ...row } = s;
  await db.insert(sessions).values({ platform: null, ip: null, ...row, createdAt: now, lastSeenAt: now });
}

/** The device was active now: its idle expiry starts again. */
export async function touchSession(db: Exec, id: string, now: number): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
}

/** The session a token hash names, revoked or not (the handshake tells a revoked device why). */
export async function sessionByTokenHash(
  db: Exec,
  tokenHash: string,
): Promise<{ session: SessionRow; member: MemberRow } | undefined> {
  const rows = await db
    .select({ session: sessions, member: members })
    .from(sessions)
    .innerJoin(members, eq(members.id, sessions.memberId))
    .where(eq(sessions.tokenHash, tokenHash))
    .limit(1);
  return rows[0];
}

export async function sessionById(db: Exec, id: string): Promise<SessionRow | undefined> {
  const rows = await db.select().from(sessions).where(eq(sessions.id, id)).limit(1);
  return rows[0];
}

/** A member's sessions that were not signed out, newest activity first (expiry is the caller's to judge). */
export async function liveSessionsOf(db: Exec, memberId: string): Promise<SessionRow[]> {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.memberId, memberId), isNull(sessions.revokedAt)))
    .orderBy(desc(sessions.lastSeenAt));
}

export async function revokeSession(db: Exec, id: string, now: number): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now, presence: 'offline' })
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
}

/** Signs out every other device of a member (a password change keeps the one that made it); answers them. */
export async function revokeOtherSessions(
  db: Exec,
  memberId: string,
  keepId: string,
  now: number,
): Promise<SessionRow[]> {
  const others = (await liveSessionsOf(db, memberId)).filter(s => s.id !== keepId);
  if (others.length === 0) return [];
  await db
    .update(sessions)
    .set({ revokedAt: now, presence: 'offline' })
    .where(
      and(
        inArray(
          sessions.id,
          others.map(s => s.id),
        ),
        isNull(sessions.revokedAt),
      ),
    );
  return others;
}

/** Signs out every device of the member; how many were signed in. */
export async function revokeSessionsOfMember(db: Exec, memberId: string, now: number): Promise<number> {
  const [res] = await db
    .update(sessions)
    .set({ revokedAt: now, presence: 'offline' })
    .where(and(eq(sessions.memberId, memberId), isNull(sessions.revokedAt)));
  return res.affectedRows;
}

export async function setPresence(
  db: Exec,
  sessionId: string,
  presence: 'online' | 'away' | 'offline',
  now: number,
): Promise<void> {
  // Going offline is not activity: writing last_seen_at then would revive a session that
  // just ended by idling out (its socket drops after the refused command).
  const patch = presence === 'offline' ? { presence } : { presence, lastSeenAt: now };
  await db.update(sessions).set(patch).where(eq(sessions.id, sessionId));
}

/**
 * A socket of this device connected: it is online unless it already says otherwise. The
 * device may have sent presence:set ('away') while the connection was still being set up;
 * that choice must not be overwritten by the connect's own bookkeeping. Connecting is
 * activity either way. True when the device went online now (so it is announced).
 */
export async function presenceOnConnect(raw: RawExec, sessionId: string, now: number): Promise<boolean> {
  const [went] = await raw.query<ResultSetHeader>(
    `update sessions set presence = 'online', last_seen_at = ? where id = ? and presence = 'offline'`,
    [now, sessionId],
  );
  if (went.affectedRows > 0) return true;
  await raw.query('update sessions set last_seen_at = ? where id = ?', [now, sessionId]);
  return false;
}

export async function listPresence(db: Exec): Promise<WirePresence[]> {
  const rows = await db
    .select({ memberId: sessions.memberId, deviceId: sessions.id, status: sessions.presence })
    .from(sessions)
    .where(and(isNull(sessions.revokedAt), sql`${sessions.presence} <> 'offline'`));
  return rows;
}

export async function sessionIdsOfMembers(db: Exec, memberIds: string[]): Promise<string[]> {
  if (memberIds.length === 0) return [];
  const rows = await db.select({ id: sessions.id }).from(sessions).where(inArray(sessions.memberId, memberIds));
  return rows.map(r => r.id);
}

/**
 * The active admins, their rows locked until the transaction ends: two admins demoting or
 * deactivating each other at the same moment run one after the other, so the second sees
 * the first's change and the workspace never loses its last admin.
 */
export async function lockActiveAdmins(db: Exec): Promise<string[]> {
  const rows = await db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.role, 'admin'), eq(members.active, true)))
    .for('update');
  return rows.map(r => r.id);
}
