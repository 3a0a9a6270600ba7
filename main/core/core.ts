import { chatActionsHandlers } from './handlers/chat-actions';
import { teamTemplateHandlers } from './handlers/team-templates';
import { platform } from 'node:os';
import { join } from 'node:path';
import type { AppInfo, ShellKind } from '../../common/api';
import type { Account } from '../../common/domain';
import { createAiService } from '../ai/service';
import type { ProcessLauncher } from '../accounts/launcher';
import type { AccountManagerOptions } from '../accounts/manager';
import { createAccountManager } from '../accounts/manager';
import type { Store } from '../store';
import type { OpenedStore } from './open-store';
import { openCoreStore } from './open-store';
import { storeAccountRegistry } from './adapters/account-registry';
import { storeAiPort } from './adapters/ai-store';
import { storeIngestSink } from './adapters/ingest-sink';
import type { EventBus } from '../platform/event-bus';
import { createEventBus } from '../platform/event-bus';
import { accountsHandlers } from './handlers/accounts';
import { aiHandlers } from './handlers/ai';
import { aiSettingsHandlers } from './handlers/ai-settings';
import { auditHandlers } from './handlers/audit';
import { automationHandlers } from './handlers/automation';
import { assignmentHandlers } from './handlers/assignment';
import { ruleHandlers } from './handlers/rules';
import { automationAiHandlers } from './handlers/automation-ai';
import { localAutomationHandlers } from './handlers/local-automation';
import { createLocalAutomation } from './local-automation/run';
import { reportsHandlers } from './handlers/reports';
import { createReportsCache } from '../sync/reports-cache';
import { CommandError } from '../../common/result';
import { PERMANENT_SEND_ERRORS, attachmentForRelay } from '../sync/attachment-transfer';
import { webhookHandlers } from './handlers/webhooks';
import { cloudHandlers } from './handlers/cloud';
import { tagHandlers } from './handlers/tags';
import { customerHandlers } from './handlers/customer';
import { backupHandlers } from './handlers/backup';
import { appHandlers } from './handlers/app';
import type { DesktopPort } from './handlers/app';
import { REMOTE_ACCOUNT_ACTION, remoteAccounts } from './adapters/remote-accounts';
import { inboxHandlers } from './handlers/inbox';
import { hostedMediaFile, mediaHandlers } from './handlers/media';
import { messagesHandlers } from './handlers/messages';
import { teammateRelay } from './teammate-relay';
import { createAttachmentFiles } from './attachment-file';
import type { Logger } from '../platform/log';
import { consoleLogger } from '../platform/log';
import { createOutboxSender } from './outbox-sender';
import type { WorkspaceSync } from '../sync/workspace-sync';
import { createWorkspaceSync } from '../sync/workspace-sync';
import { tellChatRead } from '../sync/relay-reads';
import { sendOwnReceipt } from './own-receipts';
import { workspaceHandlers } from './handlers/workspace';
import { securityHandlers } from './handlers/security';
import { mfaHandlers } from './handlers/mfa';
import { apiKeyHandlers } from './handlers/api-keys';
import { teamSettingsHandlers } from './handlers/team-settings';
import { asAccountId } from '../../common/domain';
import type { Dispatch, HandlerTable } from './router';
import { createDispatch } from './router';
import type { SecretVault } from '../platform/secret-vault';
import { fileSecretVault } from '../platform/secret-vault';

export type CoreOptions = {
  readonly dataDir: string;
  readonly shell: ShellKind;
  readonly version: string;
  readonly log?: Logger;
  readonly now?: () => number;
  /** Where secrets live; defaults to a 0600 file in the data folder. */
  readonly vault?: SecretVault;
  /** How account processes start; defaults to child_process.fork (headless host). */
  readonly launcher?: ProcessLauncher;
  /** Folder of the store's migrations (bundles pass dist/migrations/store). */
  readonly migrationsDir?: string;
  /** better_sqlite3.node built for Electron; the headless host and tests use node_modules' own. */
  readonly nativeBinding?: string;
  /** Account runtime tuning (tests shrink timers, make the simulator busier or quieter). */
  readonly accounts?: Pick<AccountManagerOptions, 'timings' | 'simulator' | 'browserPath' | 'clock' | 'liveTrace'>;
  /** Recent warnings and errors for "copy diagnostics" (the file logger keeps them). */
  readonly problems?: () => readonly string[];
  /** Launch at login and auto-update: the Electron shell's settings; the headless host has none. */
  readonly desktop?: DesktopPort;
  /** Bring back accounts that were running when the app last closed (default true). */
  readonly restoreAccounts?: boolean;
  /**
   * The store already opened by openCoreStore (the core process answers the first screen
   * from it while this loads, #23); opened here when absent.
   */
  readonly opened?: OpenedStore;
  /** The event bus to emit on, when the caller serves it before the core is ready. */
  readonly events?: EventBus;
};

/** The app's core as both shells see it: one dispatch, one event stream, one shutdown. */
export type Core = {
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  /** Direct access for tests, benchmarks and the shells' own wiring (never the renderer). */
  readonly store: Store;
  info(): AppInfo;
  close(): Promise<void>;
};

export async function createCore(options: CoreOptions): Promise<Core> {
  const log = options.log ?? consoleLogger('core');
  const now = options.now ?? Date.now;
  const events = options.events ?? createEventBus(err => log.error('event listener failed', { err: String(err) }));
  const vault = options.vault ?? fileSecretVault(join(options.dataDir, 'secrets.json'));
  const { store, backupPaths, startedAt } =
    options.opened ??
    openCoreStore({
      dataDir: options.dataDir,
      log,
      now,
      migrationsDir: options.migrationsDir,
      nativeBinding: options.nativeBinding,
    });

  // Unread counts live in the store; account states in the runtime. Every account list the
  // renderer sees is the runtime's, with the store's counts filled in.
  let storeOpen = true;
  const withUnread = (list: readonly Account[]): Account[] => {
    // Late state events while shutting down must not touch a closed database.
    if (!storeOpen) return [...list];
    const unread = new Map(store.unreadCounts().map(u => [u.accountId as string, u.unreadMessages]));
    return list.map(a => ({ ...a, unreadCount: unread.get(a.id) ?? 0 }));
  };
  /** This desktop's numbers and, signed in to a workspace, the teammates' numbers it may see. */
  const everyAccount = (hosted: readonly Account[]): Account[] =>
    withUnread(storeOpen ? [...hosted, ...remoteAccounts(store)] : hosted);
  const lastStates = new Map<string, string>();
  const accountEvents: Pick<EventBus, 'emit'> = {
    emit(name, payload) {
      if (name === 'accounts:changed') {
        const p = payload as { accounts: readonly Account[] };
        events.emit('accounts:changed', { accounts: everyAccount(p.accounts) });
        for (const a of p.accounts) {
          if (lastStates.get(a.id) !== a.state) sync.accountStateChanged(a.id, a.state);
          lastStates.set(a.id, a.state);
        }
        // An account that just became ready may have messages waiting in the outbox.
        if (storeOpen) for (const a of p.accounts) if (a.state === 'ready') outbox.drain(a.id);
      } else {
        events.emit(name, payload);
      }
    },
  };

  // New messages change unread badges and the workspace changes teammates' numbers: tell the
  // rail, at most a few times a second.
  let accountsTimer: NodeJS.Timeout | null = null;
  const announceAccounts = () => {
    if (accountsTimer) return;
    accountsTimer = setTimeout(() => {
      accountsTimer = null;
      if (storeOpen) events.emit('accounts:changed', { accounts: everyAccount(accounts.list()) });
    }, 250);
  };
  events.subscribe(name => {
    if (name === 'workspace:changed' || name === 'chats:changed' || name === 'chats:removed') announceAccounts();
  });
  const sink = storeIngestSink(store, events, log, {
    onIngested: report => {
      localAutomation.onIngested(report.newMessageIds);
      if (report.messagesInserted === 0) return;
      ai.sentiment.kick();
      announceAccounts();
    },
    forward: batch => sync.pushIngested(batch),
  });

  const accounts = createAccountManager({
    dataDir: options.dataDir,
    registry: storeAccountRegistry(store),
    sink,
    events: accountEvents,
    log,
    ...(options.launcher ? { launcher: options.launcher } : {}),
    ...options.accounts,
  });

  const outbox = createOutboxSender({
    store,
    accounts,
    events,
    log,
    relay: () =>
      sync.status().connection === 'signed_out'
        ? null
        : {
            isOnline: () => sync.isOnline(),
            send: async (entry, chatId, quotedProviderMessageId) => {
              const media = entry.payload.media;
              const ready = media ? await attachmentForRelay(sync.attachments, media) : null;
              if (ready && 'failed' in ready) return ready;
              try {
                await sync.call('message:send', {
                  clientMessageId: entry.clientMessageId,
                  chatId,
                  body: entry.payload.body ?? entry.payload.caption ?? '',
                  quotedProviderMessageId,
                  attachment: ready
                    ? { ...ready.attachment, ...(entry.payload.type === 'voice' ? { voice: true } : {}) }
                    : null,
                });
              } catch (err) {
                if (err instanceof CommandError && PERMANENT_SEND_ERRORS.has(err.code)) return { failed: err.code };
                throw err;
              }
              return undefined;
            },
          },
  });

  const isHosted = (id: string) => accounts.list().some(a => a.id === id);
  const numberName = (id: string) => accounts.list().find(a => a.id === id)?.name ?? '';
  const signedIn = () => sync.status().connection !== 'signed_out';
  // Not signed in, this desktop runs its numbers' automation itself; signed in, the server does.
  const localAutomation = createLocalAutomation({
    store,
    events,
    log,
    now,
    active: () => !signedIn(),
    isHosted,
    numberName,
    send: (chatId, text, clientMessageId) =>
      outbox.send({ chatId, text, quotedMessageId: null, file: null, clientMessageId }),
    sentiment: text => ai.sentimentOf(text),
  });

  // A number's "Send read receipts", read at each receipt (own-receipts.ts).
  const receipts = {
    sendsReceipts: (id: string) => store.getAccount(asAccountId(id))?.config.readReceipts !== false,
    markRead: (id: string, chatJid: string) => accounts.request(id, { op: 'markRead', chatJid }),
  };
  const sync: WorkspaceSync = createWorkspaceSync({
    store,
    vault,
    events,
    log,
    hosted: {
      list: () =>
        // The manager runs desktop providers only; 'meta' numbers are the server's.
        accounts
          .list()
          .flatMap(a =>
            a.provider === 'meta'
              ? []
              : [{ id: a.id, name: a.name, phone: a.phone, provider: a.provider, state: a.state }],
          ),
    },
    relay: teammateRelay({ store, accounts, outbox, receipts, attachments: () => sync.attachments }),
    onOnline: () => outbox.drainAll(),
    media: { dataDir: options.dataDir, hostedFile: hostedMediaFile(store, accounts) },
  });

  const ai = createAiService({
    store: storeAiPort(store),
    secrets: { getApiKey: () => vault.get('ai.apiKey'), setApiKey: key => vault.set('ai.apiKey', key) },
    emit: events.emit,
    log,
    now,
    policy: () => sync.aiPolicy.current(),
  });

  const info = (): AppInfo => ({
    name: 'Blazz Desk',
    version: options.version,
    shell: options.shell,
    platform: platform(),
    dataDir: options.dataDir,
    startedAt,
    firstRun: accounts.list().length === 0,
  });

  const isRemote = (id: string) => store.getAccount(asAccountId(id))?.config.remote === true;
  const attachmentFiles = createAttachmentFiles(join(options.dataDir, 'media'));
  const handlers: HandlerTable = {
    ...appHandlers(
      info,
      now,
      {
        accounts: () => accounts.list(),
        workspace: () => sync.status(),
        problems: () => options.problems?.() ?? [],
      },
      options.desktop,
    ),
    ...accountsHandlers(
      { ...accounts, list: () => everyAccount(accounts.list()) },
      {
        isRemote,
        refusal: REMOTE_ACCOUNT_ACTION,
      },
    ),
    ...inboxHandlers(store, chat => {
      sendOwnReceipt({ ...receipts, isRemote, signedIn, log }, chat);
      tellChatRead(
        {
          isRemote,
          // Signed out there is no workspace to hold the number's "Send read receipts": nothing is sent.
          isHostedInWorkspace: id => !isRemote(id) && signedIn(),
          call: (c, a) => sync.call(c, a),
          log,
        },
        chat,
      );
    }),
    ...messagesHandlers(outbox, store, accounts, attachmentFiles, {
      isRemote,
      react: args => sync.call('message:react', args),
      change: args => sync.call('message:change', args),
    }),
    ...mediaHandlers(store, accounts, media => sync.fetchMedia(media)),
    ...aiHandlers(ai),
    ...aiSettingsHandlers(ai, { ...sync.aiPolicy, signedIn: () => sync.status().connection !== 'signed_out' }),
    ...workspaceHandlers(sync, store, events, localAutomation),
    ...auditHandlers(sync, store),
    ...reportsHandlers(sync, createReportsCache(store)),
    ...webhookHandlers(sync),
    ...cloudHandlers(sync, attachmentFiles),
    ...securityHandlers(sync),
    ...mfaHandlers(sync),
    ...apiKeyHandlers(sync),
    ...teamSettingsHandlers(sync, store, events),
    ...tagHandlers(sync),
    ...teamTemplateHandlers(sync, store),
    ...chatActionsHandlers({
      store,
      accounts,
      events,
      log,
      isRemote,
      team: {
        inWorkspace: () => sync.status().connection !== 'signed_out',
        shareFlags: (chatId, flags) => sync.chatChanges.shareFlags(chatId, flags),
      },
    }),
    ...customerHandlers({ store, sync, events, now }),
    ...backupHandlers(store, backupPaths, now),
    ...automationHandlers(sync),
    ...assignmentHandlers(sync),
    ...ruleHandlers(sync),
    ...automationAiHandlers(sync),
    ...localAutomationHandlers({ store, signedIn, isHosted, numberName, now }),
  };
  const dispatch = createDispatch(handlers, {
    onInternalError: (name, err) =>
      log.error('command failed', { name, err: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  });

  localAutomation.catchUp();
  if (options.restoreAccounts !== false) accounts.restore();
  ai.sentiment.start();
  void sync.start();

  let closed = false;
  return {
    dispatch,
    events,
    store,
    info,
    async close() {
      if (closed) return;
      closed = true;
      if (accountsTimer) clearTimeout(accountsTimer);
      sync.close();
      localAutomation.stop();
      await ai.close();
      await accounts.close();
      await localAutomation.idle();
      await outbox.idle();
      storeOpen = false;
      store.close();
    },
  };
}
