/**
 * Runs one provider inside an account's process and speaks the main↔child protocol.
 * Transport-free: child.ts binds it to process IPC, the in-process launcher to a queue.
 */
import type { IngestBatchInput } from '../../../common/ingest';
import { mainToChildSchema, runtimeConfigSchema } from '../protocol';
import type { ChildToMain, ParsedSimulatorControl, RuntimeConfig } from '../protocol';
import type { WhatsAppProvider } from '../provider';
import type { DesktopProviderKind } from '../../../common/domain';

export type RuntimeChannel = {
  send(msg: ChildToMain): void;
  onMessage(cb: (raw: unknown) => void): void;
  /** Ends the runtime: process.exit in a child, a simulated exit in-process. */
  exit(code: number): void;
  rssBytes(): number;
};

export type RuntimeLog = (level: 'info' | 'warn' | 'error', msg: string) => void;

/** A provider that also takes the simulator's test levers. */
export type ControllableProvider = WhatsAppProvider & {
  control?(control: ParsedSimulatorControl): Promise<void>;
};

export type ProviderLoader = (config: RuntimeConfig, log: RuntimeLog) => Promise<ControllableProvider>;

/**
 * The providers a desktop runs, by kind (their capabilities: common/providers.ts). Each is
 * imported only when used: whatsapp-web.js (and puppeteer) never load for the simulator.
 */
export const PROVIDER_LOADERS: Readonly<Record<DesktopProviderKind, ProviderLoader>> = {
  async simulator(config) {
    const { createSimulatorProvider } = await import('../providers/simulator/provider');
    if (!config.simulator) throw new Error('simulator settings missing');
    return createSimulatorProvider({ accountId: config.accountId, dataDir: config.dataDir, ...config.simulator });
  },
  async webjs(config, log) {
    const { createWebjsProvider } = await import('../providers/webjs/provider');
    const { realClientFactory } = await import('../providers/webjs/client');
    return createWebjsProvider({
      accountId: config.accountId,
      dataDir: config.dataDir,
      executablePath: config.webjs?.executablePath ?? null,
      pairingPhone: config.webjs?.pairingPhone ?? null,
      headless: config.webjs?.headless ?? true,
      clientFactory: await realClientFactory(),
      log,
    });
  },
};

export const loadProvider: ProviderLoader = (config, log) => PROVIDER_LOADERS[config.provider](config, log);

/** Bulk chunks in flight before the child waits for main: keeps main's loop responsive. */
const BATCH_WINDOW = 2;
/**
 * At most this many messages cross the pipe in one bulk message. A live message sent while
 * history is in flight queues behind whatever is on the pipe, and the core reads and parses
 * a message whole: 100 simulated messages are about 42 KB of JSON, 50 about 21 KB.
 */
const CHUNK_MESSAGES = 50;

/** A provider's batch as chunks of `size` messages: names with the first, updates with the last. */
export function chunksOf(batch: IngestBatchInput, size: number): IngestBatchInput[] {
  const messages = batch.messages ?? [];
  if (messages.length <= size) return [batch];
  const chunks: IngestBatchInput[] = [];
  for (let i = 0; i < messages.length; i += size) {
    const part = messages.slice(i, i + size);
    if (i === 0) chunks.push({ contacts: batch.contacts ?? [], chats: batch.chats ?? [], messages: part });
    else if (i + size >= messages.length) chunks.push({ ...batch, contacts: [], chats: [], messages: part });
    else chunks.push({ messages: part });
  }
  return chunks;
}

/**
 * Yields to the timers phase: a live message that fell due while a history batch was being
 * built is sent before the next chunk (a zero timeout runs after timers already due).
 */
const afterDueTimers = () => new Promise<void>(resolve => setTimeout(resolve, 0));

export type RuntimeHandle = {
  /** Main is gone: close the provider (and its browser) within a few seconds. */
  abandon(): Promise<void>;
};

export function runAccountRuntime(channel: RuntimeChannel, load: ProviderLoader = loadProvider): RuntimeHandle {
  let provider: ControllableProvider | null = null;
  let seq = 0;
  let inFlight = 0;
  const acks = new Map<number, () => void>();
  const slotWaiters: Array<() => void> = [];
  const log: RuntimeLog = (level, msg) => channel.send({ t: 'log', level, msg: msg.slice(0, 4000) });

  const sendBatch = async (batch: IngestBatchInput): Promise<void> => {
    for (const chunk of chunksOf(batch, CHUNK_MESSAGES)) await sendChunk(chunk);
  };
  const sendChunk = async (batch: IngestBatchInput): Promise<void> => {
    await afterDueTimers();
    while (inFlight >= BATCH_WINDOW) await new Promise<void>(resolve => slotWaiters.push(resolve));
    inFlight++;
    const mySeq = ++seq;
    // Don't wait for this ack: the window lets the next batch be prepared meanwhile.
    acks.set(mySeq, () => {
      inFlight--;
      slotWaiters.shift()?.();
    });
    channel.send({ t: 'batch', seq: mySeq, batch });
  };

  const finish = async (how: 'stop' | 'logout', reason: string) => {
    try {
      if (provider) await (how === 'stop' ? provider.stop() : provider.logout());
    } catch (err) {
      log('warn', `${how} failed: ${String(err)}`);
    }
    channel.send({ t: 'exiting', reason });
    channel.exit(0);
  };

  channel.onMessage(raw => {
    const parsed = mainToChildSchema.safeParse(raw);
    if (!parsed.success) {
      log('warn', `ignored a malformed message from main: ${parsed.error.issues[0]?.message ?? ''}`);
      return;
    }
    const msg = parsed.data;
    switch (msg.t) {
      case 'start':
        void (async () => {
          try {
            const config = runtimeConfigSchema.parse(msg.config);
            provider = await load(config, log);
            provider.onEvent(event => channel.send({ t: 'event', event, at: Date.now() }));
            await provider.start();
          } catch (err) {
            const reason = `Could not start: ${err instanceof Error ? err.message : String(err)}`.slice(0, 500);
            channel.send({
              t: 'event',
              event: { kind: 'status', status: { state: 'failed', code: 'unknown', reason, action: 'reconnect' } },
            });
          }
        })();
        return;
      case 'ping':
        void (async () => {
          if (!provider) return;
          await provider.probe();
          channel.send({ t: 'pong', id: msg.id, rssBytes: channel.rssBytes() });
        })().catch(() => undefined); // a failed probe is the same as no answer
        return;
      case 'request':
        void (async () => {
          try {
            if (!provider) throw new Error('the account is not started');
            const value = await provider.request(msg.request);
            channel.send({ t: 'result', id: msg.id, ok: true, value });
          } catch (err) {
            channel.send({
              t: 'result',
              id: msg.id,
              ok: false,
              error: err instanceof Error ? err.message : String(err),
            });
          }
        })();
        return;
      case 'catch_up':
        void (async () => {
          if (!provider) return;
          try {
            const report = await provider.catchUp(new Map(msg.watermarks), sendBatch);
            channel.send({ t: 'caught_up', chats: report.chats, messages: report.messages });
          } catch (err) {
            log('warn', `catch-up failed: ${String(err)}`);
          }
        })();
        return;
      case 'batch_ack':
        acks.get(msg.seq)?.();
        acks.delete(msg.seq);
        return;
      case 'control':
        if (msg.control.kind === 'crash') {
          channel.exit(70); // like a browser that took the process down: no goodbye
          return;
        }
        void provider?.control?.(msg.control);
        return;
      case 'stop':
        void finish('stop', 'stopped');
        return;
      case 'logout':
        void finish('logout', 'logged out');
        return;
    }
  });
  return {
    async abandon() {
      const stopping = provider?.stop() ?? Promise.resolve();
      await Promise.race([stopping.catch(() => undefined), new Promise(r => setTimeout(r, 5000))]);
    },
  };
}
