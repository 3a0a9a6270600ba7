/**
 * The whatsapp-web.js provider: one library Client (one Chromium) per account, inside the
 * account's own process. It maps the library's events to ours (events.ts), performs the
 * process's requests (requests.ts), catches up after every `ready` (the library only
 * reports new messages), and makes sure no Chromium outlives it. This file keeps the
 * Client's lifecycle and the state the other two share: the mapping and the requests each
 * grew past what one file should hold, and neither needs the other.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { MessageInput } from '../../../../common/ingest';
import type {
  ProviderEvent,
  ProviderListener,
  ProviderRequest,
  ProviderResults,
  WhatsAppProvider,
} from '../../provider';
import type { ClientFactory, WebjsClient, WebjsMessage } from './client';
import { attachEvents } from './events';
import type { LinkState } from './events';
import { catchUpChats } from './history';
import { messageInputOf } from './map';
import { createMentionLookup } from './mentions';
import { createLidPairing } from './lid-pairs';
import { preflight } from './preflight';
import { errorTextOf, initializeFailure } from './link-errors';
import { createRequestHandler } from './requests';

export type WebjsProviderOptions = {
  readonly accountId: string;
  readonly dataDir: string;
  readonly executablePath: string | null;
  readonly pairingPhone: string | null;
  readonly headless: boolean;
  readonly clientFactory: ClientFactory;
  readonly log: (level: 'info' | 'warn' | 'error', msg: string) => void;
  /** Messages fetched per new chat on first sync; older ones load on demand. */
  readonly firstSyncPerChat?: number;
  /** How a browser is found when none is configured (tests replace the system search). */
  readonly findBrowser?: () => string | null;
};

export function createWebjsProvider(o: WebjsProviderOptions): WhatsAppProvider {
  const listeners = new Set<ProviderListener>();
  const dataPath = join(o.dataDir, 'wa');
  let client: WebjsClient | null = null;
  // Who we are and whether the link is up: the event handlers (events.ts) keep it current.
  const link: LinkState = { me: null, everReady: false, ready: false };
  let browserPid: number | null = null;
  // The same message can be reported twice (message + message_create, ciphertext retries);
  // one IPC message per (id, type) is enough. The store is idempotent either way.
  const recent = new Map<string, true>();
  // How many messages of each chat the page holds after our fetches: a new page starts empty.
  const depths = new Map<string, number>();

  const emit = (event: ProviderEvent) => {
    for (const l of listeners) l(event);
  };
  const emitMessage = (m: MessageInput | null) => {
    if (!m) return;
    const key = `${m.providerMessageId}|${m.type}|${m.edited}|${m.revoked}`;
    if (recent.has(key)) return;
    recent.set(key, true);
    if (recent.size > 5000) recent.delete(recent.keys().next().value as string);
    emit({ kind: 'message', message: m });
  };
  // Our phone jid, and our lid once the library names it: a quote of our own message may
  // carry either.
  let myLid: string | null = null;
  const myIds = (): string[] => [link.me, myLid].filter((id): id is string => id !== null);
  // Whoever a message @mentions becomes a contact, so the inbox shows a name, not digits.
  const mentioned = createMentionLookup({
    accountId: o.accountId,
    client: () => (link.ready ? client : null),
    report: contact => emit({ kind: 'contact', contact }),
    log: msg => o.log('warn', msg),
  });
  // A chat or a sender that arrives as a lid is paired with its phone, so one person stays one chat.
  const lids = createLidPairing({
    accountId: o.accountId,
    client: () => (link.ready ? client : null),
    report: contact => emit({ kind: 'contact', contact }),
    log: msg => o.log('warn', msg),
  });
  const map = (m: WebjsMessage) => {
    const input = messageInputOf(o.accountId, m, myIds());
    if (input?.mentions) mentioned.learn(input.mentions);
    if (input) lids.learn([input.chatJid, input.author]);
    return input;
  };
  const learnMyLid = async (c: WebjsClient) => {
    const me = link.me;
    if (!me || !c.getContactLidAndPhone) return;
    try {
      const [pair] = await c.getContactLidAndPhone([me]);
      myLid = pair?.lid?.endsWith('@lid') ? pair.lid : me.endsWith('@lid') ? me : null;
    } catch (err) {
      o.log('warn', `could not look up our own lid: ${String(err)}`);
    }
  };

  const hookBrowser = (c: WebjsClient) => {
    const browser = c.pupBrowser;
    if (!browser || browserPid !== null) return;
    browserPid = browser.process()?.pid ?? null;
    if (browserPid !== null) emit({ kind: 'browser', pid: browserPid });
    // Plain network loss often brings no `disconnected`; a dead browser certainly doesn't.
    browser.on?.('disconnected', () => {
      if (client !== c) return;
      link.ready = false;
      emit({
        kind: 'status',
        status: { state: 'disconnected', action: 'reconnect', code: 'browser_closed', reason: 'browser disconnected' },
      });
    });
  };

  const killBrowser = () => {
    if (browserPid === null) return;
    try {
      process.kill(browserPid, 'SIGKILL');
    } catch {
      // already gone: the normal case after destroy()
    }
    browserPid = null;
  };

  const withTimeout = <T>(p: Promise<T>, ms: number, what: string): Promise<T> =>
    Promise.race([
      p,
      new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} timed out`)), ms).unref()),
    ]);

  const need = (): WebjsClient => {
    if (!client || !link.ready) throw new Error('WhatsApp is not connected');
    return client;
  };

  const handle = createRequestHandler({
    accountId: o.accountId,
    dataDir: o.dataDir,
    clientFactory: o.clientFactory,
    need,
    client: () => client,
    map,
    emit,
    depths,
  });

  return {
    async start() {
      const pre = preflight({
        configuredPath: o.executablePath,
        profileDir: join(dataPath, `session-${o.accountId}`),
        ...(o.findBrowser ? { findBrowser: o.findBrowser } : {}),
      });
      if (!pre.ok) {
        emit({ kind: 'status', status: pre.status });
        return;
      }
      if (pre.note) o.log('info', pre.note);
      const executablePath = pre.executablePath;
      const c = o.clientFactory.create({
        accountId: o.accountId,
        dataPath,
        executablePath,
        headless: o.headless,
        pairingPhone: o.pairingPhone,
      });
      client = c;
      depths.clear();
      attachEvents(c, {
        accountId: o.accountId,
        link,
        emit,
        emitMessage,
        map,
        lids,
        hookBrowser,
        learnMyLid,
        log: o.log,
      });
      emit({ kind: 'status', status: { state: 'connecting', code: 'opening', reason: null } });
      // The browser starts inside initialize(), long before any event: watch for it, so an
      // account process killed while WhatsApp Web still loads cannot orphan it.
      let ticks = 0;
      const watch = setInterval(() => {
        if (client !== c || browserPid !== null || ++ticks > 600) clearInterval(watch);
        else if (c.pupBrowser) hookBrowser(c);
      }, 200);
      watch.unref?.();
      // initialize() resolves only after login; its failures arrive here, not as events.
      c.initialize().catch((err: unknown) => {
        if (client !== c) return;
        emit({ kind: 'status', status: initializeFailure(errorTextOf(err)) });
      });
    },
    async stop() {
      const c = client;
      client = null;
      link.ready = false;
      if (c) {
        c.removeAllListeners();
        await withTimeout(c.destroy(), 10_000, 'closing WhatsApp Web').catch(err => o.log('warn', String(err)));
      }
      killBrowser(); // destroy() can hang or fail half-way; the browser must not outlive us
    },
    async logout() {
      const c = client;
      if (c) await withTimeout(c.logout(), 15_000, 'logging out').catch(err => o.log('warn', String(err)));
      await this.stop();
      rmSync(join(dataPath, `session-${o.accountId}`), { recursive: true, force: true, maxRetries: 4 });
    },
    request: <R extends ProviderRequest>(req: R) => handle(req) as Promise<ProviderResults[R['op']]>,
    catchUp: (watermarks, send) =>
      catchUpChats(need(), o.accountId, map, watermarks, send, o.firstSyncPerChat ?? 50, lids.resolve),
    async probe() {
      if (!client) throw new Error('not started');
      await client.getState();
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
