/**
 * One chat's timeline (messages and chat changes, oldest first) cut into conversations, as
 * docs/reports.md defines them. Pure: the server feeds it rows, the tests feed it seeds.
 */
import { CONVERSATION_IDLE_MS } from './definitions';

export type MessageFact = {
  readonly kind: 'message';
  readonly at: number;
  readonly fromMe: boolean;
  /** The member who sent it through message:send; null when it was sent from the phone (or is inbound). */
  readonly senderId: string | null;
  /** An away or greeting message the server sent: counted as a message out, never as the first response. */
  readonly automated?: boolean;
};
export type StatusFact = {
  readonly kind: 'status';
  readonly at: number;
  readonly status: 'open' | 'pending' | 'resolved';
  /** The member who changed it. */
  readonly by: string | null;
};
export type AssignFact = { readonly kind: 'assign'; readonly at: number; readonly assigneeId: string | null };
export type Fact = MessageFact | StatusFact | AssignFact;

export type Conversation = {
  readonly chatId: string;
  readonly openedAt: number;
  firstResponseAt: number | null;
  /** Who answered first: the sender when sent through the server, else the assignee at that moment. */
  firstResponderId: string | null;
  resolvedAt: number | null;
  resolvedBy: string | null;
  /** The assignee while open, frozen at resolution. */
  assigneeId: string | null;
  /** When assigneeId got the conversation (its opening if they had the chat before). */
  assigneeSince: number;
  /** Everyone who was the assignee at some moment of the conversation (transfers count for each). */
  readonly holders: Set<string>;
  /** Each moment it became active again after a resolution. */
  readonly reopenedAt: number[];
  lastMessageAt: number;
  messagesIn: number;
  messagesOut: number;
};

/** What the cut gives back: the conversations, and the conversation each message belongs to (or null). */
export type ChatCut = {
  readonly conversations: Conversation[];
  readonly messageConversation: Map<MessageFact, Conversation | null>;
};

/** Facts with the same instant: messages first, then the changes the members made after reading them. */
const ORDER: Record<Fact['kind'], number> = { message: 0, status: 1, assign: 2 };
export const byTime = (a: Fact, b: Fact): number => a.at - b.at || ORDER[a.kind] - ORDER[b.kind];

function open(chatId: string, at: number, assigneeId: string | null): Conversation {
  return {
    chatId,
    openedAt: at,
    firstResponseAt: null,
    firstResponderId: null,
    resolvedAt: null,
    resolvedBy: null,
    assigneeId,
    assigneeSince: at,
    holders: new Set(assigneeId ? [assigneeId] : []),
    reopenedAt: [],
    lastMessageAt: at,
    messagesIn: 0,
    messagesOut: 0,
  };
}

function reopen(c: Conversation, at: number, assigneeId: string | null): void {
  c.resolvedAt = null;
  c.resolvedBy = null;
  c.reopenedAt.push(at);
  if (c.assigneeId !== assigneeId) {
    c.assigneeId = assigneeId;
    c.assigneeSince = at;
  }
  if (assigneeId) c.holders.add(assigneeId);
}

const reopens = (c: Conversation, at: number) => c.resolvedAt !== null && at - c.resolvedAt < CONVERSATION_IDLE_MS;

/** facts must be sorted with byTime; initialAssignee is the chat's assignee before the first fact. */
export function cutConversations(chatId: string, facts: readonly Fact[], initialAssignee: string | null): ChatCut {
  const conversations: Conversation[] = [];
  const messageConversation = new Map<MessageFact, Conversation | null>();
  let assignee = initialAssignee;
  // The chat's latest conversation (kept in an object: TypeScript does not follow closures' writes).
  const s: { cur: Conversation | null } = { cur: null };
  const startNew = (at: number): Conversation => {
    const c = open(chatId, at, assignee);
    conversations.push(c);
    s.cur = c;
    return c;
  };
  for (const f of facts) {
    const c = s.cur;
    if (f.kind === 'message' && !f.fromMe) {
      let target: Conversation;
      if (c === null) target = startNew(f.at);
      else if (c.resolvedAt !== null) {
        if (reopens(c, f.at)) reopen((target = c), f.at, assignee);
        else target = startNew(f.at);
      } else target = f.at - c.lastMessageAt >= CONVERSATION_IDLE_MS ? startNew(f.at) : c;
      target.messagesIn += 1;
      target.lastMessageAt = f.at;
      messageConversation.set(f, target);
    } else if (f.kind === 'message') {
      // A reply belongs to the open conversation; one after a resolution (a goodbye) to none.
      if (c === null || c.resolvedAt !== null) {
        messageConversation.set(f, null);
        continue;
      }
      c.messagesOut += 1;
      c.lastMessageAt = f.at;
      if (c.firstResponseAt === null && !f.automated) {
        c.firstResponseAt = f.at;
        c.firstResponderId = f.senderId ?? assignee;
      }
      messageConversation.set(f, c);
    } else if (f.kind === 'status') {
      if (c === null) continue;
      if (f.status === 'resolved' && c.resolvedAt === null) {
        c.resolvedAt = f.at;
        c.resolvedBy = f.by;
      } else if (f.status !== 'resolved' && reopens(c, f.at)) reopen(c, f.at, assignee);
    } else {
      assignee = f.assigneeId;
      if (c !== null && c.resolvedAt === null && c.assigneeId !== assignee) {
        c.assigneeId = assignee;
        c.assigneeSince = f.at;
        if (assignee) c.holders.add(assignee);
      }
    }
  }
  return { conversations, messageConversation };
}
