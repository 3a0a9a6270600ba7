/**
 * Applies the workspace's facts to the local store. Idempotent: replays and duplicates
 * change nothing (chats carry a version, messages upsert by key, notes by id).
 * Data of accounts hosted on this desktop is never overwritten from the server: the
 * desktop is their source.
 */
import type { ChatInput, ContactInput } from '../../common/ingest';
import type { AccountId, ChatId, ClientMessageId, MemberId, MessageId } from '../../common/domain';
import { asAccountId } from '../../common/domain';
import type { SyncEvent, WireAccount, WireChat, WireContact, WireMember } from '../../common/protocol';
import type { WireAiPolicy } from '../../common/protocol-ai-policy';
import type { WireNotice } from '../../common/protocol-notices';
import type { Store } from '../store';
import type { TagFact } from './tags';
import { AI_POLICY_SETTING } from './ai-policy';
import { ingestWireMessages } from './message-inputs';

export type ApplyEffects = {
  chatIds: Set<ChatId>;
  /** Chats of remote accounts that just became visible here: their history must be fetched. */
  newChatIds: Set<ChatId>;
  /** Accounts this member was just added to: their chats must be listed (no events replay them). */
  accountsToLoad: Set<string>;
  removedChatIds: Set<ChatId>;
  /** Messages stored or changed from the server: the open conversation must hear of them. */
  newMessageIds: Set<MessageId>;
  updatedMessageIds: Set<MessageId>;
  /** Notes stored, each with the clientNoteId its author's device sent (null if none): that device's queue settles by it. */
  noteIds: Map<string, string | null>;
  /** Relayed sends of this device that settled: the outbox entries to announce. */
  settledSends: Set<ClientMessageId>;
  accessRevoked: boolean;
  membersChanged: boolean;
  /** A settings:updated fact was applied: the renderer re-reads the workspace's rules. */
  settingsChanged: boolean;
  templatesChanged: boolean;
  /** Notices for this member (a rule's notify, an SLA breach): the renderer shows them. */
  notices: WireNotice[];
};

export const emptyEffects = (): ApplyEffects => ({
  chatIds: new Set(),
  newChatIds: new Set(),
  accountsToLoad: new Set(),
  removedChatIds: new Set(),
  newMessageIds: new Set(),
  updatedMessageIds: new Set(),
  noteIds: new Map(),
  settledSends: new Set(),
  accessRevoked: false,
  membersChanged: false,
  settingsChanged: false,
  templatesChanged: false,
  notices: [],
});

export type ApplyContext = {
  readonly store: Store;
  /** Accounts this desktop hosts (their data comes from the provider, not the server). */
  readonly isHosted: (accountId: string) => boolean;
  /** Remembers members (for names of assignees and note authors). */
  readonly onMember: (member: WireMember) => void;
  readonly memberName: (id: string) => string;
  /** Should the chats of this account be listed now (we may see it and have not loaded it yet)? */
  readonly shouldLoadAccount?: (account: WireAccount) => boolean;
  /** We lost an account: loading it again later must start over. */
  readonly onAccountRevoked?: (accountId: string) => void;
  /** The workspace's tag list changed (tags.ts keeps it). */
  readonly onTagFact?: (fact: TagFact) => void;
  /** The workspace's AI policy changed: store it and tell the UI. */
  readonly onAiPolicy?: (policy: WireAiPolicy) => void;
};

/** A chat of an account hosted elsewhere needs a local account row to hang from. */
function ensureRemoteAccount(ctx: ApplyContext, accountId: string, account?: WireAccount): void {
  if (ctx.isHosted(accountId)) return;
  const existing = ctx.store.getAccount(asAccountId(accountId));
  if (existing && !account) return;
  ctx.store.upsertAccount({
    id: asAccountId(accountId),
    provider: account?.provider === 'webjs' || account?.provider === 'meta' ? account.provider : 'simulator',
    name: account?.name ?? existing?.name ?? accountId,
    phone: account?.phone ?? existing?.phone ?? null,
    color: existing?.color ?? '#8d99ae',
    muted: existing?.muted ?? false,
    createdAt: existing?.createdAt ?? Date.now(),
    lastState: 'stopped',
    config: { remote: true, hostOnline: account?.hostOnline ?? false, state: account?.state ?? 'unknown' },
  });
}

const chatInputOf = (c: WireChat): ChatInput => ({
  accountId: c.accountId,
  jid: c.jid,
  isGroup: c.isGroup,
  name: c.name,
  ...(c.lastMessageAt !== null ? { timestamp: c.lastMessageAt } : {}),
});

function applyChat(ctx: ApplyContext, fx: ApplyEffects, chat: WireChat): void {
  ensureRemoteAccount(ctx, chat.accountId);
  const id = chat.id as ChatId;
  if (!ctx.isHosted(chat.accountId)) {
    if (!ctx.store.getChat(id)) fx.newChatIds.add(id);
    ctx.store.ingest({ chats: [chatInputOf(chat)] });
    // Unread is team state: a teammate read it up to here (chat:read).
    if (chat.readAt !== undefined) ctx.store.markChatReadUpTo(id, chat.readAt);
  }
  ctx.store.applyChatWorkspace(id, {
    status: chat.status,
    assigneeId: chat.assigneeId as MemberId | null,
    tags: chat.tags,
    version: chat.version,
    slaDueAt: chat.slaDueAt ?? null,
    pinned: chat.pinned,
    archived: chat.archived,
  });
  fx.chatIds.add(id);
}

export function applySyncEvent(ctx: ApplyContext, fx: ApplyEffects, ev: SyncEvent): void {
  const { store } = ctx;
  switch (ev.type) {
    case 'chat:upserted':
    case 'chat:updated':
    case 'chat:granted':
      applyChat(ctx, fx, ev.chat);
      return;
    case 'chat:revoked':
      if (store.deleteChat(ev.chatId as ChatId)) fx.removedChatIds.add(ev.chatId as ChatId);
      return;
    case 'messages:upserted': {
      const first = ev.messages[0];
      if (!first || ctx.isHosted(first.accountId)) return;
      ensureRemoteAccount(ctx, first.accountId);
      const report = ingestWireMessages(store, ev.messages);
      for (const id of report.chatIds) fx.chatIds.add(id);
      for (const id of report.newMessageIds) fx.newMessageIds.add(id);
      for (const id of report.updatedMessageIds) fx.updatedMessageIds.add(id);
      return;
    }
    case 'contacts:upserted': {
      // The team's name, labels and note apply to our own numbers too: a teammate may set them.
      if (ctx.isHosted(ev.accountId)) {
        applyTeamProfiles(store, ev.contacts, fx);
        return;
      }
      ensureRemoteAccount(ctx, ev.accountId);
      const contacts: ContactInput[] = ev.contacts
        .filter(c => c.jid !== null || c.lid !== null)
        .map(c => ({
          accountId: c.accountId,
          jid: c.jid,
          lid: c.lid,
          phone: c.phone,
          name: c.name,
          pushName: c.pushName,
        }));
      store.ingest({ contacts });
      applyTeamProfiles(store, ev.contacts, fx);
      return;
    }
    case 'note:added': {
      if (!store.getChat(ev.note.chatId as ChatId)) return;
      store.saveNote({
        id: ev.note.id,
        chatId: ev.note.chatId as ChatId,
        authorId: ev.note.authorId as MemberId,
        authorName: ctx.memberName(ev.note.authorId),
        body: ev.note.body,
        createdAt: ev.note.createdAt,
        kind: ev.note.kind === 'handover' ? 'handover' : 'note',
        draft: ev.note.draft ?? null,
        summary: ev.note.summary ?? null,
      });
      fx.noteIds.set(ev.note.id, ev.note.clientNoteId ?? null);
      return;
    }
    case 'send:updated': {
      const cmid = ev.send.clientMessageId as ClientMessageId;
      const entry = store.getOutboxEntry(cmid);
      // Only the sender's device has the outbox row; the host settles through its own outbox.
      if (!entry || ctx.isHosted(entry.accountId)) return;
      if (ev.send.state === 'sent' && ev.send.providerMessageId)
        store.confirmOutboxSent(cmid, ev.send.providerMessageId);
      else if (ev.send.state === 'failed')
        store.markOutboxFailed(cmid, ev.send.error ?? 'The hosting desktop could not send it.');
      fx.settledSends.add(cmid);
      fx.chatIds.add(entry.chatId);
      return;
    }
    case 'account:updated': {
      ensureRemoteAccount(ctx, ev.account.id, ev.account);
      if (!ctx.isHosted(ev.account.id) && ctx.shouldLoadAccount?.(ev.account)) fx.accountsToLoad.add(ev.account.id);
      return;
    }
    case 'account:revoked':
      if (!ctx.isHosted(ev.accountId)) store.removeAccount(ev.accountId as AccountId);
      ctx.onAccountRevoked?.(ev.accountId);
      return;
    case 'member:updated':
      ctx.onMember(ev.member);
      fx.membersChanged = true;
      return;
    case 'access:revoked':
      fx.accessRevoked = true;
      return;
    case 'settings:updated':
      store.setSetting('workspace.settings', ev.settings);
      fx.settingsChanged = true;
      return;
    case 'aiPolicy:updated':
      // Read by the AI gateway before every request, so the next request already obeys it.
      if (ctx.onAiPolicy) ctx.onAiPolicy(ev.policy);
      else store.setSetting(AI_POLICY_SETTING, ev.policy);
      return;
    case 'template:updated':
      store.saveTemplate(ev.template);
      fx.templatesChanged = true;
      return;
    case 'template:deleted':
      store.deleteTemplate(ev.id);
      fx.templatesChanged = true;
      return;
    case 'tag:updated':
    case 'tag:deleted':
      ctx.onTagFact?.(ev);
      return;
    case 'notice:added':
      fx.notices.push(ev.notice);
      return;
  }
}

/** The team's fields of contacts:upserted (a push from a host carries none; contact:update does). */
function applyTeamProfiles(store: ApplyContext['store'], contacts: readonly WireContact[], fx: ApplyEffects): void {
  for (const c of contacts) {
    if (c.customName === undefined && c.labels === undefined && c.note === undefined) continue;
    const changed = store.applyContactProfile(
      {
        accountId: c.accountId,
        jid: c.jid,
        lid: c.lid,
        ...(c.customName !== undefined ? { customName: c.customName } : {}),
        ...(c.labels !== undefined ? { labels: c.labels } : {}),
        ...(c.note !== undefined ? { note: c.note } : {}),
      },
      Date.now(),
    );
    for (const id of changed) fx.chatIds.add(id);
  }
}
