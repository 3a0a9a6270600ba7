/**
 * The typed channel between main and one account's child process. Main validates every
 * message from a child with these schemas: a child runs a browser that talks to the
 * internet, so its output is untrusted input like any other.
 */
import { z } from 'zod';
import type { IngestBatchInput } from '../../common/ingest';
import { providerEventSchema, providerRequestSchema } from './provider';
import type { ProviderEvent, ProviderRequestInput } from './provider';

/** How the child should run its provider; sent once, right after launch. */
export const runtimeConfigSchema = z.object({
  accountId: z.string().regex(/^[-_\w]{1,64}$/),
  provider: z.enum(['webjs', 'simulator']),
  /** Where sessions and media live; the child never writes outside it. */
  dataDir: z.string().min(1).max(4096),
  webjs: z
    .object({
      executablePath: z.string().max(4096).nullable(),
      pairingPhone: z
        .string()
        .regex(/^\d{5,20}$/)
        .nullable(),
      headless: z.boolean().default(true),
    })
    .nullable()
    .default(null),
  simulator: z
    .object({
      seed: z.number().int(),
      /** Start of the simulated world: the account's creation time. */
      epochMs: z.number().int().nonnegative(),
      chats: z.number().int().min(1).max(500).default(8),
      /** Mean gap between incoming messages; 0 keeps the simulated contacts quiet. */
      chatterIntervalMs: z.number().int().nonnegative().default(20_000),
      qrScanDelayMs: z.number().int().nonnegative().default(3_000),
      /** Messages that exist before the first link (the history sync of a new device). */
      history: z.number().int().nonnegative().max(1_000_000).default(60),
      ackStepMs: z.number().int().nonnegative().default(1_500),
      /** Link by pairing code instead of QR, like a webjs account with a pairing phone. */
      pairingPhone: z
        .string()
        .regex(/^\d{5,20}$/)
        .nullable()
        .default(null),
      /** Messages per chat the phone holds before that history: only older-history pages reach them. */
      olderHistory: z.number().int().nonnegative().max(100_000).default(80),
      /** 'never' imitates a WhatsApp Web update that breaks `ready`. */
      ready: z.enum(['normal', 'never']).default('normal'),
    })
    .nullable()
    .default(null),
});
export type RuntimeConfig = z.output<typeof runtimeConfigSchema>;
export type RuntimeConfigInput = z.input<typeof runtimeConfigSchema>;

/** Test and demo levers of the simulator; ignored by real providers. */
export const simulatorControlSchema = z.discriminatedUnion('kind', [
  /** Lose the connection for a while; `messages` arrive at the network meanwhile. */
  z.object({
    kind: z.literal('offline'),
    durationMs: z.number().int().min(0).max(3_600_000),
    messages: z.number().int().min(0).max(100_000).default(0),
  }),
  /** Deliver any provider event as if WhatsApp had sent it. */
  z.object({ kind: z.literal('inject'), event: providerEventSchema }),
  /**
   * A member of the first simulated group sends a poll (ON_DEMAND_POLL, then three votes) or a
   * message @mentioning another member and us (simulator/group-extras.ts).
   */
  z.object({ kind: z.literal('customer_sends'), what: z.enum(['poll', 'mention', 'hidden_number']) }),
  /** Stop answering health probes, like a hung browser. */
  z.object({ kind: z.literal('hang') }),
  /** Die at once, like a crashed browser. */
  z.object({ kind: z.literal('crash') }),
  /**
   * Start a browser in its own process group, as puppeteer does: an idle stand-in, or the
   * Chromium at `chromium` (headless, a throwaway profile) with its own helper processes.
   */
  z.object({ kind: z.literal('spawn_browser'), chromium: z.string().min(1).max(4096).optional() }),
  /** Grow memory by this many megabytes (resource governor tests). */
  z.object({ kind: z.literal('bloat'), megabytes: z.number().int().min(1).max(4096) }),
]);
export type SimulatorControl = z.input<typeof simulatorControlSchema>;
export type ParsedSimulatorControl = z.output<typeof simulatorControlSchema>;

// ── main → child ────────────────────────────────────────────────────────────────────────

export type MainToChild =
  | { readonly t: 'start'; readonly config: RuntimeConfigInput }
  | { readonly t: 'stop' }
  | { readonly t: 'logout' }
  | { readonly t: 'ping'; readonly id: number }
  | { readonly t: 'request'; readonly id: number; readonly request: ProviderRequestInput }
  | { readonly t: 'catch_up'; readonly watermarks: ReadonlyArray<readonly [string, number]> }
  | { readonly t: 'batch_ack'; readonly seq: number }
  | { readonly t: 'control'; readonly control: SimulatorControl };

export const mainToChildSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('start'), config: runtimeConfigSchema }),
  z.object({ t: z.literal('stop') }),
  z.object({ t: z.literal('logout') }),
  z.object({ t: z.literal('ping'), id: z.number().int() }),
  z.object({ t: z.literal('request'), id: z.number().int(), request: providerRequestSchema }),
  z.object({ t: z.literal('catch_up'), watermarks: z.array(z.tuple([z.string(), z.number()])).max(100_000) }),
  z.object({ t: z.literal('batch_ack'), seq: z.number().int() }),
  z.object({ t: z.literal('control'), control: simulatorControlSchema }),
]);

/**
 * A catch-up batch as it arrives: only its shape and size are checked here. Its items are
 * validated a slice at a time when the core stores them (ingest-batcher.ts), so a batch
 * arriving never holds the core's thread for a parse of all of it while a live message
 * waits behind it on the pipe (accounts.ingest_to_event.p95_ms).
 */
const uncheckedItems = z.array(z.unknown()).max(5000).optional();
export const uncheckedBatchSchema = z.object({
  contacts: uncheckedItems,
  chats: uncheckedItems,
  messages: uncheckedItems,
  acks: uncheckedItems,
  revokes: uncheckedItems,
  edits: uncheckedItems,
  reactions: uncheckedItems,
  votes: uncheckedItems,
});

// ── child → main ────────────────────────────────────────────────────────────────────────

export type ChildToMain =
  /** `at`: the child's clock when sent, so lag between a provider event and main shows. */
  | { readonly t: 'event'; readonly event: ProviderEvent; readonly at?: number }
  /** Bulk data (catch-up, history sync). The child waits for `batch_ack` before the next. */
  | { readonly t: 'batch'; readonly seq: number; readonly batch: IngestBatchInput }
  | { readonly t: 'pong'; readonly id: number; readonly rssBytes: number }
  | { readonly t: 'result'; readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly t: 'result'; readonly id: number; readonly ok: false; readonly error: string }
  | { readonly t: 'caught_up'; readonly chats: number; readonly messages: number }
  | { readonly t: 'log'; readonly level: 'info' | 'warn' | 'error'; readonly msg: string }
  /** Sent just before the child exits on purpose, so main can tell it from a crash. */
  | { readonly t: 'exiting'; readonly reason: string };

export const childToMainSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('event'), event: providerEventSchema, at: z.number().optional() }),
  z.object({ t: z.literal('batch'), seq: z.number().int(), batch: uncheckedBatchSchema }),
  z.object({ t: z.literal('pong'), id: z.number().int(), rssBytes: z.number().nonnegative() }),
  z.object({
    t: z.literal('result'),
    id: z.number().int(),
    ok: z.boolean(),
    value: z.unknown().optional(),
    error: z.string().max(2000).optional(),
  }),
  z.object({
    t: z.literal('caught_up'),
    chats: z.number().int().nonnegative(),
    messages: z.number().int().nonnegative(),
  }),
  z.object({ t: z.literal('log'), level: z.enum(['info', 'warn', 'error']), msg: z.string().max(4000) }),
  z.object({ t: z.literal('exiting'), reason: z.string().max(500) }),
]);
export type ParsedChildMessage = z.output<typeof childToMainSchema>;
