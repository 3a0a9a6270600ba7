/**
 * Who gets a new conversation of a number: round-robin or least-busy among the number's
 * members who are online, active and under their capacity (max open chats). Pure, so the
 * server decides with it inside the push's transaction and tests run thousands of chats in
 * milliseconds. Nobody eligible: null, and the chat waits unassigned until someone is.
 */
export const ASSIGNMENT_MODES = ['off', 'round_robin', 'least_busy'] as const;
export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number];

/** Max open chats of a member who has no capacity of their own. */
export const DEFAULT_CAPACITY = 20;
export const CAPACITY_MAX = 1_000;

export type AssignmentCandidate = {
  readonly memberId: string;
  /** Any of the member's signed-in devices is online (presence). */
  readonly online: boolean;
  /** Not deactivated. */
  readonly active: boolean;
  /** Chats assigned to them that are not resolved, in every number. */
  readonly openChats: number;
  readonly capacity: number;
};

export type AssignmentState = {
  readonly mode: AssignmentMode;
  /** Members of the number, in any order. */
  readonly candidates: readonly AssignmentCandidate[];
  /** The member round-robin gave the last chat to; null: none yet. */
  readonly cursor: string | null;
};

const eligible = (c: AssignmentCandidate) => c.online && c.active && c.openChats < c.capacity;

/**
 * The eligible members in turn order: ids ascending, starting after the cursor. A fixed
 * order (not join order, not presence order) is what keeps round-robin fair when members
 * come and go between chats.
 */
function inTurn(state: AssignmentState): AssignmentCandidate[] {
  const list = state.candidates.filter(eligible).sort((a, b) => (a.memberId < b.memberId ? -1 : 1));
  const cursor = state.cursor;
  if (cursor === null) return list;
  const next = list.findIndex(c => c.memberId > cursor);
  return next <= 0 ? list : [...list.slice(next), ...list.slice(0, next)];
}

/** The member to assign, or null: mode off, or nobody online with room. */
export function pickAssignee(state: AssignmentState): string | null {
  if (state.mode === 'off') return null;
  const turn = inTurn(state);
  if (turn.length === 0) return null;
  if (state.mode === 'round_robin') return turn[0]!.memberId;
  // Least busy; among equals, the one whose turn it is, so ties rotate too.
  let best = turn[0]!;
  for (const c of turn) if (c.openChats < best.openChats) best = c;
  return best.memberId;
}

/**
 * Assigns `count` waiting chats one after another (oldest first is the caller's order):
 * each pick counts against the member's capacity and moves the cursor. The result has one
 * entry per chat, null for the chats that must keep waiting.
 */
export function planAssignments(
  state: AssignmentState,
  count: number,
): { readonly picks: Array<string | null>; readonly cursor: string | null } {
  const open = new Map(state.candidates.map(c => [c.memberId, c.openChats]));
  let cursor = state.cursor;
  const picks: Array<string | null> = [];
  for (let i = 0; i < count; i++) {
    const candidates = state.candidates.map(c => ({ ...c, openChats: open.get(c.memberId) ?? c.openChats }));
    const pick = pickAssignee({ mode: state.mode, candidates, cursor });
    picks.push(pick);
    if (pick === null) continue;
    open.set(pick, (open.get(pick) ?? 0) + 1);
    cursor = pick;
  }
  return { picks, cursor };
}
