/**
 * The desktop's link to the workspace server: sign-in, pull of the event log from a stored
 * cursor, push of what hosted accounts receive and send, and relayed sends in both
 * directions. Everything survives restarts and outages: the cursor and the push queue live
 * in SQLite, and a reconnect always pulls from the cursor before live events are applied.
 */
import { hostname } from 'node:os';
import type { Socket } from 'socket.io-client';
import type { WorkspaceStatus } from '../../common/api/workspace';
import type { Member, MemberId, Role } from '../../common/domain';
import type { IngestBatchInput } from '../../common/ingest';
import type {
  ClientToServerEvents,
  CommandName as SyncCommand,
  CommandResult as SyncResult,
  PullPage,
  ServerToClientEvents,
  SyncEvent,
  SyncEventType,
  WireSend,
} from '../../common/protocol';
import { MAX_PUSH_ITEMS, SYNC_NAMESPACE } from '../../common/protocol';
import type { Reply } from '../../common/result';
import { CommandError } from '../../common/result';
import type { EventBus } from '../core/event-bus';
import type { Logger } from '../core/log';
import type { SecretVault } from '../core/secret-vault';
import type { Store } from '../store';
import type { ApplyContext } from './apply';
import { applySyncEvent, emptyEffects, ingestWireMessages, messageInputOfStored } from './apply';
import { loginToWorkspace, logoutFromWorkspace } from './session';
import { workspaceRecordSchema } from './record';
import type { WorkspaceRecord } from './record';

type SyncSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const FACT_TYPES: readonly SyncEventType[] = [
  'chat:upserted',
  'chat:updated',
  'chat:granted',
  'chat:revoked',
  'messages:upserted',
  'contacts:upserted',
  'note:added',
  'send:updated',
  'account:updated',
  'account:revoked',
  'member:updated',
  'access:revoked',
  'settings:updated',
  'template:updated',
  'template:deleted',
];
const TOKEN_KEY = 'workspace.token';
const RECORD_KEY = 'workspace';
const CURSOR_KEY = 'workspace';
const MEMBERS_KEY = 'workspace.members';
const ACK_TIMEOUT_MS = 15_000;

export type HostedAccounts = {
  /** Accounts running on this desktop (their provider lives here). */
  list(): readonly { id: string; name: string; phone: string | null; provider: 'webjs' | 'simulator'; state: string }[];
};

export type RelayPort = {
  /** A teammate's reply for an account hosted here: send it through the local outbox. */
  sendForTeammate(
    send: WireSend,
  ): Promise<{ state: 'sent' | 'failed'; providerMessageId: string | null; error: string | null }>;
};

export type WorkspaceSyncDeps = {
  readonly store: Store;
  readonly vault: SecretVault;
  readonly events: Pick<EventBus, 'emit'>;
  readonly hosted: HostedAccounts;
  readonly relay: RelayPort;
  readonly log: Logger;
  readonly fetchImpl?: typeof fetch;
  /** Called when a relayed send of ours settles or the link comes back, so the outbox can move. */
  readonly onOnline?: () => void;
};

export type WorkspaceSync = ReturnType<typeof createWorkspaceSync>;

export function createWorkspaceSync(deps: WorkspaceSyncDeps) {
  const { store, vault, events, log } = deps;
  let socket: SyncSocket | null = null;
  let connection: WorkspaceStatus['connection'] = 'signed_out';
  let lastError: string | null = null;
  let catchingUp = false;
  let buffered: SyncEvent[] = [];
  let chain: Promise<void> = Promise.resolve();
  let pushing = false;
  let pushTimer: NodeJS.Timeout | null = null;
  let pushBackoffMs = 1_000;

  const record = (): WorkspaceRecord | null => {
    const parsed = workspaceRecordSchema.safeParse(store.getSetting(RECORD_KEY));
    return parsed.success ? parsed.data : null;
  };
  const cursor = (): number => Number(store.getSyncCursor(CURSOR_KEY) ?? '0') || 0;
  const members = (): Member[] => {
    const raw = store.getSetting(MEMBERS_KEY);
    return Array.isArray(raw) ? (raw as unknown as Member[]) : [];
  };
  const isHosted = (accountId: string) => deps.hosted.list().some(a => a.id === accountId);

  const status = (): WorkspaceStatus => {
    const r = record();
    const me = r ? members().find(m => m.id === r.memberId) : undefined;
    return {
      connection: r ? connection : 'signed_out',
      serverUrl: r?.serverUrl ?? null,
      member: r ? { id: r.memberId, name: me?.name ?? r.email, email: r.email, role: r.role } : null,
      deviceName: r?.deviceName ?? null,
      pendingPush: store.countPush(),
      cursor: cursor(),
      lastError,
    };
  };
  const announce = () => events.emit('workspace:changed', { status: status() });
  const setConnection = (next: WorkspaceStatus['connection'], error: string | null = lastError) => {
    connection = next;
    lastError = error;
    announce();
  };

  async function call<K extends SyncCommand>(name: K, args: unknown): Promise<SyncResult<K>> {
    if (!socket?.connected) throw new CommandError('unavailable', 'The workspace server is not reachable right now.');
    let reply: Reply<SyncResult<K>>;
    try {
      // The typed emit cannot express the generic ack here; the reply is checked below.
      const emitter = socket.timeout(ACK_TIMEOUT_MS) as unknown as {
        emitWithAck(n: string, a: unknown): Promise<Reply<SyncResult<K>>>;
      };
      reply = await emitter.emitWithAck(name, args);
    } catch {
      throw new CommandError('timeout', 'The workspace server did not answer in time.');
    }
    if (!reply.ok) throw new CommandError(reply.error.code, reply.error.message, reply.error.details);
    return reply.value;
  }

  // ── applying the event log ───────────────────────────────────────────────────────────
  const applyContext: ApplyContext = {
    store,
    isHosted,
    onMember: m => {
      const list = members().filter(x => x.id !== m.id);
      list.push({ id: m.id as MemberId, name: m.name, email: m.email, role: m.role as Role, active: m.active });
      store.setSetting(MEMBERS_KEY, list);
    },
    memberName: id => members().find(m => m.id === id)?.name ?? 'Teammate',
  };

  function applyEvents(list: readonly SyncEvent[]): void {
    const fx = emptyEffects();
    let at = cursor();
    for (const ev of list) {
      if (ev.seq <= at) continue; // already applied (replay, or a live copy of a pulled event)
      try {
        applySyncEvent(applyContext, fx, ev);
      } catch (err) {
        log.error('workspace event could not be applied', { seq: ev.seq, type: ev.type, err: String(err) });
      }
      at = ev.seq;
    }
    if (at !== cursor()) store.setSyncCursor(CURSOR_KEY, String(at));
    const changed = [...fx.chatIds].filter(id => !fx.removedChatIds.has(id));
    if (changed.length) events.emit('chats:changed', { chats: store.getChats(changed) });
    if (fx.removedChatIds.size) events.emit('chats:removed', { chatIds: [...fx.removedChatIds] });
    for (const id of fx.noteIds) {
      const note = store.getNote(id);
      if (note) events.emit('notes:added', { note });
    }
    if (fx.settledSends.size) {
      const msgs = store.getMessagesByClientIds([...fx.settledSends]);
      if (msgs.length) events.emit('messages:updated', { messages: msgs });
    }
    if (fx.accessRevoked) void wipe('Your access to this workspace was removed.');
    for (const id of fx.newChatIds) void enqueueApply(() => backfill(id));
  }

  /** A chat that just became visible: fetch its latest messages from the server. */
  async function backfill(chatId: string): Promise<void> {
    try {
      const wire = await call('messages:list', { chatId, limit: 200 });
      if (wire.length === 0) return;
      ingestWireMessages(store, wire);
      const chat = store.getChat(chatId as never);
      if (chat) events.emit('chats:changed', { chats: [chat] });
    } catch (err) {
      log.warn('chat history not fetched', { chatId, err: String(err) });
    }
  }

  const enqueueApply = (work: () => Promise<void> | void) => {
    chain = chain.then(work).catch(err => log.error('workspace sync step failed', { err: String(err) }));
    return chain;
  };

  async function pullAll(): Promise<void> {
    catchingUp = true;
    try {
      for (;;) {
        const page: PullPage = await call('sync:pull', { cursor: cursor(), limit: 500 });
        applyEvents(page.events);
        if (page.cursor > cursor()) store.setSyncCursor(CURSOR_KEY, String(page.cursor));
        if (!page.hasMore) break;
      }
    } finally {
      catchingUp = false;
      const live = buffered;
      buffered = [];
      applyEvents(live);
    }
    announce();
  }

  // ── pushing what hosted accounts receive and send ────────────────────────────────────
  function schedulePush(delayMs = 200) {
    if (pushTimer || !record()) return;
    pushTimer = setTimeout(() => {
      pushTimer = null;
      void flushPush();
    }, delayMs);
  }

  async function flushPush(): Promise<void> {
    if (pushing || !socket?.connected) return;
    pushing = true;
    try {
      for (;;) {
        const next = store.peekPush(MAX_PUSH_ITEMS);
        if (!next) break;
        // The protocol has no reactions in a push (they stay on the host for now).
        const { reactions: _reactions, ...payload } = next.batch;
        try {
          await call('sync:push', payload);
          store.removePush(next.ids);
          pushBackoffMs = 1_000;
        } catch (err) {
          if (err instanceof CommandError && err.code === 'invalid_args') {
            // The server will never take this batch; keeping it would block everything behind it.
            log.error('push batch refused by the server, dropped', { items: next.items, err: err.message });
            store.removePush(next.ids);
            continue;
          }
          log.warn('push failed, will retry', { err: String(err), inMs: pushBackoffMs });
          schedulePush(pushBackoffMs);
          pushBackoffMs = Math.min(pushBackoffMs * 2, 60_000);
          break;
        }
      }
    } finally {
      pushing = false;
      announce();
    }
  }

  // ── relayed sends for accounts hosted here ───────────────────────────────────────────
  const handled = new Set<string>();
  async function performRelayedSend(send: WireSend): Promise<void> {
    if (handled.has(send.clientMessageId) || !isHosted(send.accountId)) return;
    handled.add(send.clientMessageId);
    try {
      const result = await deps.relay.sendForTeammate(send);
      await call('send:report', {
        clientMessageId: send.clientMessageId,
        status: result.state,
        providerMessageId: result.providerMessageId,
        error: result.error,
      });
    } catch (err) {
      // Not reported: the server offers it again when we reconnect.
      handled.delete(send.clientMessageId);
      log.warn('relayed send not reported', { clientMessageId: send.clientMessageId, err: String(err) });
    }
  }

  async function registerAccounts(): Promise<void> {
    for (const a of deps.hosted.list()) {
      await call('account:register', { accountId: a.id, name: a.name, phone: a.phone, provider: a.provider });
      await call('account:report-state', { accountId: a.id, state: a.state });
    }
  }

  // ── connection ───────────────────────────────────────────────────────────────────────
  async function connect(): Promise<void> {
    const r = record();
    const token = await vault.get(TOKEN_KEY);
    if (!r || !token) return;
    socket?.close();
    setConnection('connecting');
    // Loaded only once signed in: a desktop without a workspace never pays for the client.
    const { io } = await import('socket.io-client');
    const s: SyncSocket = io(new URL(SYNC_NAMESPACE, r.serverUrl).href, {
      auth: { token },
      transports: ['websocket'],
      reconnectionDelayMax: 5_000,
    });
    socket = s;
    for (const type of FACT_TYPES) {
      s.on(type, ((ev: SyncEvent) => {
        if (catchingUp) buffered.push(ev);
        else void enqueueApply(() => applyEvents([ev]));
      }) as never);
    }
    s.on('send:requested', send => void performRelayedSend(send));
    s.on('connect', () => {
      setConnection('online', null);
      void enqueueApply(async () => {
        await registerAccounts();
        await pullAll();
        if (members().length === 0) await refreshMembers();
        schedulePush(0);
        deps.onOnline?.();
      });
    });
    s.on('disconnect', () => setConnection('offline'));
    s.on('connect_error', err => {
      if (/unauthori[sz]ed|unauthenticated/i.test(err.message)) {
        s.close();
        setConnection('unauthorized', 'The workspace no longer accepts this device. Sign in again.');
      } else {
        setConnection('offline', `Cannot reach the workspace server: ${err.message}`);
      }
    });
  }

  async function refreshMembers(): Promise<void> {
    try {
      const list = await call('member:list', {});
      store.setSetting(
        MEMBERS_KEY,
        list.map(m => ({ id: m.id, name: m.name, email: m.email, role: m.role, active: m.active })),
      );
    } catch (err) {
      log.warn('member list unavailable', { err: String(err) });
    }
  }

  /** Removes everything the workspace gave this device; hosted accounts keep their own data. */
  async function wipe(reason: string | null): Promise<void> {
    socket?.close();
    socket = null;
    await vault.set(TOKEN_KEY, null);
    store.deleteSetting(RECORD_KEY);
    store.deleteSetting(MEMBERS_KEY);
    store.setSyncCursor(CURSOR_KEY, '0');
    store.clearPush();
    store.deleteAccountsExcept(deps.hosted.list().map(a => a.id));
    setConnection('signed_out', reason);
  }

  /** Everything this desktop hosts, queued once after sign-in so the team sees its history. */
  function seedPushQueue(): void {
    for (const a of deps.hosted.list()) {
      let chatCursor: string | null = null;
      do {
        const page = store.inboxPage({ accountIds: [a.id], cursor: chatCursor, limit: 200 });
        store.enqueuePush({
          chats: page.items.map(c => ({
            accountId: c.accountId,
            jid: c.jid,
            isGroup: c.isGroup,
            name: c.name,
            ...(c.lastMessageAt ? { timestamp: c.lastMessageAt } : {}),
          })),
        });
        for (const chat of page.items) {
          const msgs = store.chatPage({ chatId: chat.id, limit: 200 }).messages;
          if (msgs.length) store.enqueuePush({ messages: msgs.map(m => messageInputOfStored(m, chat.jid)) });
        }
        chatCursor = page.nextCursor;
      } while (chatCursor);
    }
  }

  return {
    status,
    start: () => connect(),
    async signIn(input: {
      serverUrl: string;
      email: string;
      password: string;
      deviceName?: string;
    }): Promise<WorkspaceStatus> {
      const deviceName = input.deviceName ?? `Blazz Desk on ${hostname()}`;
      const session = await loginToWorkspace(
        input.serverUrl,
        { email: input.email, password: input.password, deviceName },
        deps.fetchImpl,
      );
      const previous = record();
      if (previous && (previous.serverUrl !== input.serverUrl || previous.memberId !== session.memberId))
        await wipe(null);
      await vault.set(TOKEN_KEY, session.token);
      const next: WorkspaceRecord = {
        serverUrl: input.serverUrl,
        email: input.email,
        memberId: session.memberId,
        role: session.role,
        sessionId: session.sessionId,
        deviceName,
      };
      store.setSetting(RECORD_KEY, next);
      if (!previous) seedPushQueue();
      lastError = null;
      await connect();
      return status();
    },
    async signOut(): Promise<WorkspaceStatus> {
      const r = record();
      const token = await vault.get(TOKEN_KEY);
      if (r && token) await logoutFromWorkspace(r.serverUrl, token, deps.fetchImpl);
      await wipe(null);
      return status();
    },
    /** Hosted accounts' batches, after they were stored locally. */
    pushIngested(batch: IngestBatchInput): void {
      if (!record()) return;
      store.enqueuePush(batch);
      schedulePush();
    },
    accountStateChanged(accountId: string, state: string): void {
      if (socket?.connected) void call('account:report-state', { accountId, state }).catch(() => {});
    },
    isOnline: () => socket?.connected === true,
    isHosted,
    members,
    call,
    /** Waits until queued work (applies, pushes) is done: for tests and shutdown. */
    async settle(): Promise<void> {
      await chain;
      await flushPush();
    },
    close(): void {
      if (pushTimer) clearTimeout(pushTimer);
      socket?.close();
      socket = null;
    },
  };
}
