/**
 * Pure rules of the team features: what a role may see, tag normalisation, counting chats
 * per member, error wording. No React, no API: unit-tested in plain Node.
 */
import type { WorkspaceConnection, WorkspaceStatus } from '../../../../common/api/workspace';
import type { ChatsPage } from '../../../../common/api/inbox';
import type { Chat, ChatId, ChatStatus, Member, MemberId, Note, Role } from '../../../../common/domain';
import { can } from '../../../../common/permissions';
import type { Reply, ReplyError } from '../../../../common/result';
import type { TeamMessageKey } from '../../i18n/team.en';
import { oldestWaiting } from '../handover/logic';

// Mirrors the limits of 'chats:setTags' in common/api/workspace.ts so the UI refuses what the core would.
export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 50;

export const canAssign = (role: Role): boolean => can(role, 'chats.assign');
export const canClaim = (role: Role): boolean => can(role, 'chats.claim');
export const canUpdateChat = (role: Role): boolean => can(role, 'chats.update');
export const canWriteNotes = (role: Role): boolean => can(role, 'notes.write');
/** The workload view counts every member's chats; only roles that assign may act on it. */
export const canSeeTeamView = (role: Role): boolean => canAssign(role);

export type ChatTeamActions = {
  /** The assignee picker (anyone, or unassigned). */
  readonly assign: boolean;
  /** The "Claim" button: only when nobody has the chat and the picker is not shown. */
  readonly claim: boolean;
  readonly updateStatus: boolean;
  readonly editTags: boolean;
  readonly writeNotes: boolean;
};

/** What the conversation's team panel offers this member for this chat. */
export function chatTeamActions(role: Role, chat: Pick<Chat, 'assigneeId'>): ChatTeamActions {
  const assign = canAssign(role);
  return {
    assign,
    claim: !assign && canClaim(role) && chat.assigneeId === null,
    updateStatus: canUpdateChat(role),
    editTags: canUpdateChat(role),
    writeNotes: canWriteNotes(role),
  };
}

const ROLE_ORDER: Readonly<Record<Role, number>> = { admin: 0, lead: 1, agent: 2 };

/** Members one may assign to: active ones, by name (the server refuses deactivated members). */
export function assignableMembers(members: readonly Member[]): readonly Member[] {
  return members.filter(m => m.active).sort((a, b) => a.name.localeCompare(b.name));
}

/** Members for the workload table: active first, then by role and name. */
export function sortForTeamView(members: readonly Member[]): readonly Member[] {
  return [...members].sort(
    (a, b) =>
      Number(b.active) - Number(a.active) || ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name),
  );
}

/**
 * A tag as stored: trimmed, inner whitespace collapsed, a leading '#' dropped, lower-cased
 * so "VIP" and "vip " are one tag; null when nothing is left or it is too long.
 */
export function normaliseTag(raw: string): string | null {
  const tag = raw.trim().replace(/^#+/, '').replace(/\s+/g, ' ').trim().toLocaleLowerCase();
  if (tag.length === 0 || tag.length > MAX_TAG_LENGTH) return null;
  return tag;
}

export type TagEdit =
  | { readonly kind: 'changed'; readonly tags: readonly string[] }
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'full' };

/** Adding a tag: duplicates are no-ops, the list keeps its order, at most MAX_TAGS. */
export function addTag(tags: readonly string[], raw: string): TagEdit {
  const tag = normaliseTag(raw);
  if (tag === null) return { kind: 'invalid' };
  if (tags.includes(tag)) return { kind: 'unchanged' };
  if (tags.length >= MAX_TAGS) return { kind: 'full' };
  return { kind: 'changed', tags: [...tags, tag] };
}

export function removeTag(tags: readonly string[], tag: string): readonly string[] {
  return tags.filter(t => t !== tag);
}

/** Runs one change of a chat and shows its outcome; true when it was applied. */
export type RunChange = (change: () => Promise<Reply<Chat>>) => Promise<boolean>;

/** The newer of two copies of a chat (a command's answer can arrive before chats:changed). */
export function newerChat(prop: Chat, latest: Chat | null): Chat {
  return latest && latest.id === prop.id && latest.version > prop.version ? latest : prop;
}

/** The current chat a 'conflict' reply carries in details.chat, if it is there. */
export function conflictChat(error: ReplyError): Chat | null {
  if (error.code !== 'conflict' || typeof error.details !== 'object' || error.details === null) return null;
  const chat = (error.details as { chat?: unknown }).chat;
  if (typeof chat !== 'object' || chat === null) return null;
  const c = chat as Partial<Chat>;
  return typeof c.id === 'string' && typeof c.version === 'number' && 'assigneeId' in c ? (chat as Chat) : null;
}

export type Phrase = { readonly key: TeamMessageKey; readonly vars?: Readonly<Record<string, string | number>> };

/** Sign-in failures in the user's words: the core's codes, not its English, pick the phrase. */
export function signInErrorPhrase(error: ReplyError): Phrase {
  switch (error.code) {
    case 'unauthenticated':
    case 'forbidden':
      return { key: 'team.signIn.wrongPassword' };
    case 'unavailable':
    case 'timeout':
      return { key: 'team.signIn.unreachable', vars: { message: error.message } };
    case 'rate_limited':
      return { key: 'team.signIn.rateLimited' };
    case 'invalid_args':
      return { key: 'team.signIn.invalid' };
    default:
      return { key: 'team.signIn.failed', vars: { message: error.message } };
  }
}

/** True for what 'workspace:signIn' accepts as a server URL (http or https). */
export function isServerUrl(raw: string): boolean {
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * A name the team recognises in the device list, from what the browser tells about the OS, in
 * the member's language (it is shown to the whole team and they may edit it before signing in).
 */
export function defaultDeviceName(platform: string): Phrase {
  const p = platform.toLowerCase();
  const os = p.startsWith('win')
    ? 'Windows'
    : p.startsWith('mac') || p === 'darwin'
      ? 'Mac'
      : p.includes('linux')
        ? 'Linux'
        : null;
  return os ? { key: 'team.signIn.deviceDefaultOn', vars: { os } } : { key: 'team.signIn.deviceDefault' };
}

/** The banner for a connection state; none when all is well or there is no workspace. */
export function bannerFor(
  status: Pick<WorkspaceStatus, 'connection' | 'lastError'>,
): { readonly level: 'info' | 'warn' | 'error'; readonly phrase: Phrase } | null {
  const byState: Readonly<Record<WorkspaceConnection, ReturnType<typeof bannerFor>>> = {
    signed_out: null,
    online: null,
    connecting: { level: 'info', phrase: { key: 'team.banner.connecting' } },
    offline: { level: 'warn', phrase: { key: 'team.banner.offline' } },
    unauthorized: {
      level: 'error',
      phrase: status.lastError
        ? { key: 'team.banner.unauthorized', vars: { message: status.lastError } }
        : { key: 'team.banner.unauthorizedNoReason' },
    },
  };
  return byState[status.connection];
}

// ── Notes ────────────────────────────────────────────────────────────────────────────────

export type NotesByChat = ReadonlyMap<ChatId, readonly Note[]>;

/** Adds notes to a chat's list once each (an event can repeat a command's answer), oldest first. */
export function mergeNotes(byChat: NotesByChat, chatId: ChatId, incoming: readonly Note[]): NotesByChat {
  const known = byChat.get(chatId) ?? [];
  const ids = new Set(known.map(n => n.id));
  const fresh = incoming.filter(n => n.chatId === chatId && !ids.has(n.id));
  if (fresh.length === 0 && byChat.has(chatId)) return byChat;
  const next = new Map(byChat);
  next.set(
    chatId,
    [...known, ...fresh].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id)),
  );
  return next;
}

/** Forgets the notes of chats this device may no longer see. */
export function dropChats(byChat: NotesByChat, chatIds: readonly string[]): NotesByChat {
  if (!chatIds.some(id => byChat.has(id as ChatId))) return byChat;
  const next = new Map(byChat);
  for (const id of chatIds) next.delete(id as ChatId);
  return next;
}

// ── Workload counts ──────────────────────────────────────────────────────────────────────

/** One 'chats:list' page for a filter; injected so counting is testable without a core. */
export type FetchChatsPage = (args: {
  readonly assigneeId: string | null;
  readonly statuses: readonly ChatStatus[];
  readonly cursor: string | null;
}) => Promise<ChatsPage>;

/** Stop counting after this many pages (200 chats each) and show "≥" rather than stall the core. */
export const MAX_COUNT_PAGES = 25;

export type Count = { readonly n: number; readonly capped: boolean };

/** Counts chats of one assignee (null = unassigned) and status by walking the keyset pages. */
export async function countChats(
  fetchPage: FetchChatsPage,
  assigneeId: string | null,
  status: ChatStatus,
  maxPages = MAX_COUNT_PAGES,
  /** Sees every counted page's chats (the workload view picks the oldest waiting one). */
  seen?: (chats: readonly Chat[]) => void,
): Promise<Count> {
  let n = 0;
  let cursor: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const r: ChatsPage = await fetchPage({ assigneeId, statuses: [status], cursor });
    // The filter should already hold; counting only matching rows keeps a loose core honest.
    const matching = r.items.filter(c => c.status === status && c.assigneeId === assigneeId);
    n += matching.length;
    seen?.(matching);
    if (!r.nextCursor) return { n, capped: false };
    cursor = r.nextCursor;
  }
  return { n, capped: true };
}

/**
 * The first-reply due times of chats still waiting for one: the server sets slaDueAt while
 * a customer waits for a first reply and clears it when the team answers; resolved chats
 * are never overdue.
 */
export const dueTimesOf = (chats: readonly Pick<Chat, 'status' | 'slaDueAt'>[]): number[] =>
  chats.flatMap(c => (c.status !== 'resolved' && typeof c.slaDueAt === 'number' ? [c.slaDueAt] : []));

/** How many of these due times have passed at `now` (the view re-reads the clock, so a chat turns overdue without a recount). */
export const overdueCount = (dueAts: readonly number[], now: number): number => dueAts.filter(d => d < now).length;

export type WorkloadRow = {
  readonly member: Member;
  readonly open: Count;
  readonly pending: Count;
  /** First-reply due times of their open and pending chats still waiting (among the chats counted). */
  readonly dueAts: readonly number[];
  /** Their open chat whose customer has waited longest for an answer (among the chats counted). */
  readonly oldestWaiting: Chat | null;
};
export type Workload = {
  readonly rows: readonly WorkloadRow[];
  readonly unassigned: { open: Count; pending: Count; dueAts: readonly number[] };
};

/** Open and pending chats per member, plus the unassigned ones, one member after another. */
export async function loadWorkload(members: readonly Member[], fetchPage: FetchChatsPage): Promise<Workload> {
  // Sequential on purpose: the core is one process shared with the inbox the agent is using.
  const rows: WorkloadRow[] = [];
  for (const member of sortForTeamView(members)) {
    let oldest: Chat | null = null;
    const dueAts: number[] = [];
    const seen = (chats: readonly Chat[]) => dueAts.push(...dueTimesOf(chats));
    const open = await countChats(fetchPage, member.id, 'open', MAX_COUNT_PAGES, chats => {
      oldest = oldestWaiting(chats, oldest);
      seen(chats);
    });
    const pending = await countChats(fetchPage, member.id, 'pending', MAX_COUNT_PAGES, seen);
    rows.push({ member, open, pending, dueAts, oldestWaiting: oldest });
  }
  const dueAts: number[] = [];
  const seen = (chats: readonly Chat[]) => dueAts.push(...dueTimesOf(chats));
  const open = await countChats(fetchPage, null, 'open', MAX_COUNT_PAGES, seen);
  const pending = await countChats(fetchPage, null, 'pending', MAX_COUNT_PAGES, seen);
  return { rows, unassigned: { open, pending, dueAts } };
}

export const formatCount = (c: Count): string => (c.capped ? `${c.n}+` : String(c.n));

/** A member's display name, with "(you)" left to the caller. */
export function memberName(members: readonly Member[], id: MemberId | null): string | null {
  if (id === null) return null;
  return members.find(m => m.id === id)?.name ?? null;
}
