/**
 * A connecting socket's rooms, from the member's state at the moment it joins. A role or
 * membership change leaves and joins rooms on every node, but a socket that read the old
 * state and joins after that broadcast went out would keep rooms it may no longer be in.
 */
import type { CallerState } from '../db/repositories/members';
import { callerState } from '../db/repositories/members';
import type { RawExec } from '../db/index';
import type { SyncSocket } from './context';
import { mustEnrolMfa } from './context';
import { enrolmentRooms, roomsOf } from './rooms';

function sameAccess(a: CallerState, b: CallerState): boolean {
  if (a.role !== b.role || a.active !== b.active) return false;
  if (a.settings.agentsSeeUnassigned !== b.settings.agentsSeeUnassigned) return false;
  if (mustEnrolMfa(a) !== mustEnrolMfa(b)) return false;
  const ids = new Set(a.accountIds);
  return b.accountIds.length === ids.size && b.accountIds.every(id => ids.has(id));
}

/** Rounds of read-join-read before giving up: each round needs another access change meanwhile. */
const MAX_ROUNDS = 3;

/**
 * Joins the socket to its rooms; false when it must be dropped instead. The state is read
 * again after joining: a change committed before that second read is seen there, and the
 * socket moves to the new state's rooms (a desktop registers its numbers right after it
 * connects, so this is common); one committed after it moves rooms (or drops sockets)
 * after this join, so it reaches this socket. Either way the socket keeps no room its
 * member lost.
 */
export async function joinRooms(raw: RawExec, socket: SyncSocket): Promise<boolean> {
  const p = socket.data;
  let state = await callerState(raw, p.memberId, p.sessionId);
  let joined: string[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (!state?.active) return false;
    // An admin who must enrol a second factor first sees no chat until they have.
    const wanted = mustEnrolMfa(state)
      ? enrolmentRooms(p)
      : roomsOf({ ...p, role: state.role }, state.accountIds, state.settings.agentsSeeUnassigned);
    for (const room of joined) if (!wanted.includes(room)) await socket.leave(room);
    await socket.join(wanted);
    joined = wanted;
    const after = await callerState(raw, p.memberId, p.sessionId);
    if (after !== undefined && sameAccess(state, after)) return true;
    state = after;
  }
  return false;
}
