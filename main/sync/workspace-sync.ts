/**
 * The desktop's link to the workspace server: sign-in, pull of the event log from a stored
 * cursor, push of what hosted accounts receive and send, and relayed sends in both
 * directions. Everything survives restarts and outages: the cursor and the push queue live
 * in SQLite, and a reconnect always pulls from the cursor before live events are applied.
 */
import { hostname } from 'node:os';
import type { WorkspaceStatus } from '../../common/api/workspace';
import type { Member } from '../../common/domain';
import type { IngestBatchInput } from '../../common/ingest';
import type { CommandName as SyncCommand, CommandResult as SyncResult, WireMember } from '../../common/protocol';
import { SYNC_NAMESPACE } from '../../common/protocol';
import { wirePresenceSchema, wireSendSchema } from '../../common/wire-schemas';
import type { EventBus } from '../platform/event-bus';
import type { Logger } from '../platform/log';
import type { SecretVault } from '../platform/secret-vault';
import type { Store } from '../store';
import type { ApplyContext, ApplyEffects } from './apply';
import { applySyncEvent } from './apply';
import { createPushQueue } from './push';
import { createCatchUp } from './catch-up';
import { emitEffectEvents } from './effect-events';
import { CURSOR_KEY, createEventLog, readCursor } from './event-log';
import { parseLive } from './facts';
import { createLoadedAccounts, createMemberCache, memberOfWire } from './members';
import { callOver } from './call';
import { createAccountRegistration } from './registration';
import type { HostedAccounts, RelayPort } from './relay';
import { createRelayExecutor, hostedLookup } from './relay';
import { createHostRelays } from './relay-reads';
import { deviceKeyOf, loginToWorkspace, logoutFromWorkspace } from './session';
import type { SignInInput } from './session';
import type { RecoverableRefusal, SyncSocket } from './connection';
import { REFUSAL_WORDS, watchConnection } from './connection';
import { createWorkspaceMedia } from './media';
import type { WorkspaceMediaPort } from './media';
export type { HostedAccounts, RelayPort } from './relay';
import { forgetWorkspaceData, readRecord, saveRecord, workspaceStatus } from './record';
import type { WorkspaceRecord } from './record';
import { createMfaGate } from './mfa-gate';
import { changeSettled } from './relay-message-changes';
import { wireMessageChangeSchema } from '../../common/protocol-message-changes';
import { AUTOMATION_SENDER } from '../../common/protocol-automation';
import { createTeamServices } from './team-services';

const TOKEN_KEY = 'workspace.token';
const ACCESS_REMOVED = 'Your access to this workspace was removed.';

export type WorkspaceSyncDeps = {
  readonly store: Store;
  readonly vault: SecretVault;
  readonly events: Pick<EventBus, 'emit'>;
  readonly hosted: HostedAccounts;
  readonly relay: RelayPort;
  readonly log: Logger;
  readonly fetchImpl?: typeof fetch;
  /** Media: files of hosted accounts to upload on request, and the folder teammates' media is kept in. */
  readonly media?: WorkspaceMediaPort;
  /** Called when a relayed send of ours settles or the link comes back, so the outbox can move. */
  readonly onOnline?: () => void;
};

export type WorkspaceSync = ReturnType<typeof createWorkspaceSync>;

export function createWorkspaceSync(deps: WorkspaceSyncDeps) {
  const { store, vault, events, log } = deps;
  let socket: SyncSocket | null = null;
  let connection: WorkspaceStatus['connection'] = 'signed_out';
  let lastError: string | null = null;
  let refusal: RecoverableRefusal | null = null;
  let chain: Promise<void> = Promise.resolve();
  /** Set when our role changed: the chats we may see are listed again once connected. */
  let reloadAll = false;

  const record = (): WorkspaceRecord | null => readRecord(store);
  const cursor = (): number => readCursor(store);
  const memberCache = createMemberCache(
    store,
    () => call('member:list', {}),
    list => events.emit('members:changed', { members: list }),
    log,
  );
  const refreshMembers = memberCache.refresh;
  const loadedAccounts = createLoadedAccounts(store);
  const members = memberCache.list;
  const isHosted = hostedLookup(deps.hosted);

  const status = (): WorkspaceStatus =>
    workspaceStatus(record(), {
      connection,
      lastError,
      refusal,
      members: members(),
      pendingPush: store.countPush(),
      cursor: cursor(),
      mfaEnrolmentRequired: mfaGate.required(),
    });
  const announce = () => events.emit('workspace:changed', { status: status() });
  const setConnection = (
    next: WorkspaceStatus['connection'],
    error: string | null = lastError,
    why: RecoverableRefusal | null = null,
  ) => {
    refusal = why;
    // Transitions only: enough to tell afterwards when the link went and why (diagnostics, CI).
    if (next !== connection) log.info('workspace link', { from: connection, to: next, reason: error });
    connection = next;
    lastError = error;
    announce();
  };

  const call = <K extends SyncCommand>(name: K, args: unknown): Promise<SyncResult<K>> => callOver(socket, name, args);
  const mfaGate = createMfaGate({
    isAdmin: () => record()?.role === 'admin',
    status: () => call('mfa:status', {}),
    log,
  });

  const isOnline = () => socket?.connected === true;
  const me = () => {
    const r = record();
    return r ? { id: r.memberId, name: members().find(m => m.id === r.memberId)?.name ?? r.email } : null;
  };
  const push = createPushQueue({
    store,
    push: payload => call('sync:push', payload),
    isConnected: isOnline,
    signedIn: () => record() !== null,
    log,
    onPassDone: () => announce(),
  });
  const services = createTeamServices({ store, events, log, call, isOnline, me });
  const { presence, typing, tags, aiPolicy, notes, chatChanges } = services;

  // ── applying the event log ───────────────────────────────────────────────────────────
  /** Remembers a member (from an event, or an admin's own change) and tells the UI. */
  function rememberMember(m: WireMember): Member {
    const member = memberOfWire(m);
    memberCache.save(member);
    const r = record();
    if (r && m.id === r.memberId && m.role !== r.role) {
      // Our role changed: what we may see changed with it, and no event replays those chats.
      saveRecord(store, { ...r, role: member.role });
      reloadAll = true;
      announce();
    }
    return member;
  }
  const applyContext: ApplyContext = {
    store,
    isHosted,
    onMember: m => void rememberMember(m),
    memberName: id => members().find(m => m.id === id)?.name ?? (id === AUTOMATION_SENDER ? 'Automation' : 'Teammate'),
    shouldLoadAccount: a =>
      (record()?.role === 'admin' || a.memberIds.includes(record()?.memberId ?? '')) && !loadedAccounts.has(a.id),
    onAccountRevoked: id => loadedAccounts.remove(id),
    onTagFact: fact => tags.applyFact(fact),
    onAiPolicy: policy => aiPolicy.applyFact(policy),
  };

  function emitEffects(fx: ApplyEffects): void {
    emitEffectEvents({ store, events, members, reconcileNote: (n, c) => notes.reconcile(n, c) }, fx);
    if (fx.accessRevoked) void wipe(ACCESS_REMOVED);
    for (const id of fx.newChatIds) void enqueueApply(() => catchUp.backfill(id));
    for (const id of fx.accountsToLoad) void enqueueApply(() => catchUp.loadAccountChats(id));
    if (reloadAll && isOnline()) void enqueueApply(reloadAllAccounts);
  }
  const log_ = createEventLog({
    store,
    pull: args => call('sync:pull', args),
    apply: (fx, ev) => applySyncEvent(applyContext, fx, ev),
    emitEffects,
    enqueue: work => enqueueApply(work),
    isOnline,
    announce,
    log,
  });
  const catchUp = createCatchUp({ store, call, applyContext, emitEffects, events, log, loaded: loadedAccounts }, work =>
    enqueueApply(work),
  );
  async function reloadAllAccounts(): Promise<void> {
    reloadAll = false;
    if (!(await catchUp.reloadAllAccounts(isHosted))) reloadAll = true;
  }

  const enqueueApply = (work: () => Promise<void> | void) => {
    // Work queued before a sign-out or a wipe must not write the workspace's data back.
    chain = chain
      .then(() => (record() ? work() : undefined))
      .catch(err => log.error('workspace sync step failed', { err: String(err) }));
    return chain;
  };

  // ── relayed sends for accounts hosted here ───────────────────────────────────────────
  const performRelayedSend = createRelayExecutor({
    isHosted,
    relay: deps.relay,
    report: args => call('send:report', args),
    log,
  });
  const hostRelays = createHostRelays({ isHosted, relay: deps.relay, call, log });

  const registration = createAccountRegistration({
    call,
    hosted: deps.hosted,
    isConnected: () => socket?.connected === true,
    enqueue: enqueueApply,
    afterRegistered: () => push.schedule(0),
    log,
  });

  const token = () => vault.get(TOKEN_KEY);
  const media = createWorkspaceMedia({ ...deps, isHosted, token, serverUrl: () => record()?.serverUrl ?? null });

  // ── connection ───────────────────────────────────────────────────────────────────────
  let connectAttempt = 0;
  async function connect(): Promise<void> {
    disconnect();
    const attempt = connectAttempt;
    const r = record();
    const token = await vault.get(TOKEN_KEY);
    if (!r || !token || attempt !== connectAttempt) return;
    setConnection('connecting');
    // Loaded only once signed in: a desktop without a workspace never pays for the client.
    const { io } = await import('socket.io-client');
    // A newer connect (a sign-in during start-up, say) owns the link: two sockets would apply everything twice.
    if (attempt !== connectAttempt) return;
    const s: SyncSocket = io(new URL(SYNC_NAMESPACE, r.serverUrl).href, {
      auth: { token },
      transports: ['websocket'],
      reconnectionDelayMax: 5_000,
    });
    socket = s;
    // Nothing from the socket is trusted: each payload is parsed first (facts.ts), and
    // what does not parse is logged and dropped.
    s.on('sync:facts', packet => log_.live(packet));
    s.on('send:requested', raw => {
      const send = parseLive(wireSendSchema, 'send:requested', raw, log);
      if (send) void performRelayedSend(send);
    });
    hostRelays.listen(s);
    s.on('message-change:settled', raw =>
      changeSettled(events, parseLive(wireMessageChangeSchema, 'message-change:settled', raw, log)),
    );
    s.on('presence:changed', raw => {
      const p = parseLive(wirePresenceSchema, 'presence:changed', raw, log);
      if (!p) return;
      presence.changed(p);
      // Someone we have never heard of (created by the server's CLI, say) just signed in.
      if (!members().some(m => m.id === p.memberId)) void enqueueApply(refreshMembers);
    });
    s.on('typing:changed', t => typing.received(t));
    s.on('media:requested', raw => media.received(raw));
    watchConnection(s, {
      connected: () => {
        setConnection('online', null);
        void enqueueApply(async () => {
          // An admin the workspace requires to enrol a second factor first does only that.
          const confined = await mfaGate.check();
          announce();
          if (confined) return;
          await registration.registerAll();
          await log_.pullAll();
          // Every connect: members created or renamed while we were away are not all in the log.
          await refreshMembers();
          await tags.refresh();
          // Not awaited: a server from before policies never answers, and the push must not wait 15 s for it.
          void aiPolicy.refresh();
          push.schedule(0);
          if (reloadAll) await reloadAllAccounts();
          deps.onOnline?.();
          void notes.flush();
          void chatChanges.flush();
          catchUp.retryOwed();
          void presence.connected();
        });
      },
      disconnected: reason => {
        log.info('workspace link lost', { reason });
        presence.disconnected();
        typing.reset();
        setConnection('offline');
      },
      accessRemoved: () => void wipe(ACCESS_REMOVED),
      refused: reason => setConnection('unauthorized', REFUSAL_WORDS[reason], reason),
      unreachable: reason => setConnection('offline', `Cannot reach the workspace server: ${reason}`),
    });
  }

  /** Closes the link; a connect still starting up does not open one afterwards. */
  function disconnect(): void {
    connectAttempt++;
    mfaGate.reset();
    socket?.close();
    socket = null;
  }

  /** Removes everything the workspace gave this device; hosted accounts keep their own data. */
  async function wipe(reason: string | null): Promise<void> {
    disconnect();
    // All at once, before anything awaits: queued work checks the record and finds none.
    forgetWorkspaceData(
      store,
      CURSOR_KEY,
      deps.hosted.list().map(a => a.id),
    );
    memberCache.clear();
    tags.clear();
    loadedAccounts.clear();
    aiPolicy.forget();
    presence.disconnected();
    setConnection('signed_out', reason);
    await vault.set(TOKEN_KEY, null);
  }

  return {
    status,
    start: () => connect(),
    async signIn(input: SignInInput): Promise<WorkspaceStatus> {
      const deviceName = input.deviceName ?? `Blazz Desk on ${hostname()}`;
      const session = await loginToWorkspace(
        input.serverUrl,
        { ...input, deviceName, deviceKey: await deviceKeyOf(vault) },
        deps.fetchImpl,
      );
      const previous = record();
      const previousToken = previous ? await vault.get(TOKEN_KEY) : null;
      if (previous && (previous.serverUrl !== input.serverUrl || previous.memberId !== session.memberId))
        await wipe(null);
      // The replaced session would otherwise stay valid on the server, listed as a device nobody
      // uses. Its socket goes first: refused after the logout, it would wipe the new sign-in.
      disconnect();
      if (previous && previousToken) await logoutFromWorkspace(previous.serverUrl, previousToken, deps.fetchImpl);
      await vault.set(TOKEN_KEY, session.token);
      // Never the token: it lives in the vault (the record is a plain setting).
      const { memberId, role, sessionId } = session;
      saveRecord(store, { serverUrl: input.serverUrl, email: input.email, memberId, role, sessionId, deviceName });
      if (!previous) push.seed(deps.hosted.list().map(a => a.id));
      lastError = null;
      await connect();
      return status();
    },
    async signOut(): Promise<WorkspaceStatus> {
      const r = record();
      const token = await vault.get(TOKEN_KEY);
      // Off the socket first: dropped by our own logout and refused, it would report access removed.
      disconnect();
      if (r && token) await logoutFromWorkspace(r.serverUrl, token, deps.fetchImpl);
      await wipe(null);
      return status();
    },
    /** Hosted accounts' batches, after they were stored locally. */
    pushIngested(batch: IngestBatchInput): void {
      if (!record()) return;
      push.enqueue(batch);
      push.schedule();
    },
    accountStateChanged: registration.stateChanged,
    /** A teammate's media through the workspace's blob store (media-fetch.ts). */
    fetchMedia: media.fetch,
    attachments: media.attachments,
    isOnline,
    isHosted,
    members,
    rememberMember,
    refreshMembers,
    presence,
    typing,
    notes,
    chatChanges,
    tags,
    aiPolicy,
    call,
    /** Waits until queued work (applies, pushes, notes) is done: for tests and shutdown. */
    async settle(): Promise<void> {
      await chain;
      await push.flush();
      await notes.flush();
      await chatChanges.flush();
    },
    close(): void {
      catchUp.close();
      log_.close();
      push.close();
      notes.close();
      chatChanges.close();
      disconnect();
    },
  };
}
