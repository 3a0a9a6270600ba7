/**
 * Socket.IO rooms mirror who may see what, so one `io.to(rooms)` reaches exactly the
 * allowed sockets on every node (the Redis adapter carries room broadcasts across nodes).
 */
import type { Role } from '../../../common/domain';
import { MAX_FACTS_PER_PACKET, MAX_MESSAGES_PER_PACKET } from '../../../common/protocol';
import type { SyncEvent } from '../../../common/protocol';
import type { Audience } from '../db/repositories/events';
import type { SyncServer } from './context';

/**
 * Ids in room names are escaped (no ':' left): account ids come from host devices, and an
 * account registered as `<victim>:lead` must not name the room of another account's leads.
 */
const key = (id: string) => encodeURIComponent(id);

export const rooms = {
  workspace: 'ws',
  admins: 'admins',
  member: (id: string) => `member:${key(id)}`,
  device: (sessionId: string) => `device:${key(sessionId)}`,
  account: (accountId: string) => `acct:${key(accountId)}`,
  accountRole: (accountId: string, role: Role) => `acct:${key(accountId)}:${role}`,
  /**
   * One member's sockets while they belong to one account: a chat's assignee is reached
   * through the chat's account, so leaving the account (or never having been in it, as an
   * ex-admin assignee) ends every fact of its chats at once.
   */
  accountMember: (accountId: string, memberId: string) => `acct:${key(accountId)}:m:${key(memberId)}`,
  /**
   * The account's agents while the workspace lets agents see unassigned chats. Turning that
   * off empties it on every node before the change commits, so it is decided by membership
   * at delivery time rather than by the setting read when the delivery was prepared.
   */
  accountPool: (accountId: string) => `acct:${key(accountId)}:pool`,
};

/** Rooms a member's sockets belong to, from their role and accounts and the workspace setting. */
export function roomsOf(
  p: { memberId: string; sessionId: string; role: Role },
  accountIds: readonly string[],
  agentsSeeUnassigned: boolean,
): string[] {
  const out = [rooms.workspace, rooms.member(p.memberId), rooms.device(p.sessionId)];
  if (p.role === 'admin') out.push(rooms.admins);
  for (const a of accountIds) out.push(...accountRooms(a, p.role, p.memberId, agentsSeeUnassigned));
  return out;
}

/** A device that may only enrol a second factor: its own rooms and the workspace's, no chat's. */
export function enrolmentRooms(p: { memberId: string; sessionId: string }): string[] {
  return [rooms.workspace, rooms.member(p.memberId), rooms.device(p.sessionId)];
}

/**
 * The rooms a member's sockets are in because they belong to this account. `pool`: an
 * agent's are in the account's pool (pass true when leaving, whatever the setting).
 */
export function accountRooms(accountId: string, role: Role, memberId: string, pool: boolean): string[] {
  const out = [rooms.account(accountId), rooms.accountRole(accountId, role), rooms.accountMember(accountId, memberId)];
  if (pool && role === 'agent') out.push(rooms.accountPool(accountId));
  return out;
}

/** Moves every account's agents, on every node, into or out of the account's pool. */
export function setAgentPools(io: SyncServer, accountIds: readonly string[], on: boolean): void {
  for (const a of accountIds) {
    const agents = io.in(rooms.accountRole(a, 'agent'));
    if (on) agents.socketsJoin(rooms.accountPool(a));
    else agents.socketsLeave(rooms.accountPool(a));
  }
}

/** A committed fact ready to go live, with what decides its audience. */
export type Delivery = {
  readonly event: SyncEvent;
  readonly audience: Audience;
  readonly accountId: string | null;
  readonly memberId: string | null;
  /** For 'chat' facts: the chat's assignee. */
  readonly assigneeId: string | null;
  /**
   * For 'chat' facts: the chat changed hands between the write and this delivery. Only
   * those who see the chat whoever holds it (admins, the account's leads) get it live; the
   * old and the new assignee (or the agents' pool) learn of the chat from its grant, revoke
   * and their pulls, which apply the rule to the chat as it is then.
   */
  readonly assigneeMoved?: boolean;
  /** A device (session id) that already has the fact. */
  readonly originDevice: string | null;
};

/** Where one stored event goes live; mirrors the pull filter in db/repositories/events.ts. */
export function audienceRooms(e: Delivery): string[] {
  switch (e.audience) {
    case 'workspace':
      return [rooms.workspace];
    case 'member':
      return e.memberId ? [rooms.member(e.memberId)] : [];
    case 'account':
      return e.accountId ? [rooms.admins, rooms.account(e.accountId)] : [rooms.admins];
    case 'chat':
      if (!e.accountId) return [rooms.admins];
      if (e.assigneeMoved) return [rooms.admins, rooms.accountRole(e.accountId, 'lead')];
      return chatRooms(e.accountId, e.assigneeId);
  }
}

/** The rooms whose sockets may see a chat with this account and assignee (canSeeChat as rooms). */
export function chatRooms(accountId: string, assigneeId: string | null): string[] {
  const out = [rooms.admins, rooms.accountRole(accountId, 'lead')];
  // Through the account, not the member's own room: an assignee who left the account or lost
  // the admin role that let them be assigned outside it is no longer in this room.
  if (assigneeId) out.push(rooms.accountMember(accountId, assigneeId));
  else out.push(rooms.accountPool(accountId));
  return out;
}

/** How a packet's audience is compared: its rooms and the device left out. */
const targetKey = (to: readonly string[], except: string | null): string => `${to.join('\n')}\n!${except ?? ''}`;

/**
 * Emits committed facts in `sync:facts` packets: consecutive facts with the same rooms and
 * the same device left out share one packet. Socket.IO encodes each packet once, and the
 * Redis adapter publishes it once, so a push of 1,000 messages over 100 chats is one
 * broadcast rather than 100. Only consecutive facts are merged, so every socket still
 * receives the facts it may see in `seq` order.
 */
export function publishEvents(io: SyncServer, events: readonly Delivery[]): void {
  let facts: SyncEvent[] = [];
  let messages = 0;
  let key = '';
  let to: string[] = [];
  let except: string | null = null;
  const flush = () => {
    if (facts.length === 0) return;
    const target = except ? io.to(to).except(rooms.device(except)) : io.to(to);
    target.emit('sync:facts', facts);
    facts = [];
    messages = 0;
  };
  for (const e of events) {
    const audience = audienceRooms(e);
    if (audience.length === 0) continue;
    const size = e.event.type === 'messages:upserted' ? e.event.messages.length : 0;
    const k = targetKey(audience, e.originDevice);
    if (
      k !== key ||
      facts.length >= MAX_FACTS_PER_PACKET ||
      (facts.length > 0 && messages + size > MAX_MESSAGES_PER_PACKET)
    ) {
      flush();
      key = k;
      to = audience;
      except = e.originDevice;
    }
    facts.push(e.event);
    messages += size;
  }
  flush();
}
