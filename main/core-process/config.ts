import { z } from 'zod';

/**
 * What main tells the core process on its command line (`--config <json>`). The core
 * process checks it by hand, as strictly as this schema (config-args.ts, #23).
 */
export const coreProcessConfigSchema = z.strictObject({
  dataDir: z.string().min(1).max(4096),
  /** better_sqlite3.node built for Electron; absent under plain Node. */
  nativeBinding: z.string().min(1).max(4096).optional(),
  /** Environment for account processes (Electron: ELECTRON_RUN_AS_NODE, see docs/architecture.md). */
  accountEnv: z.record(z.string().max(100), z.string().max(4096)).optional(),
  /**
   * Who started the core: Electron's main (the default; it keeps the vault and the desktop
   * preferences) or the headless host, whose core keeps its own secrets file and serves its
   * renderer tunnel from the start.
   */
  shell: z.enum(['electron', 'headless']).optional(),
  /**
   * Pace of simulated accounts, for benchmarks and tests that run the core process as the
   * desktop does (how busy, how much history). Main never sets it; real accounts ignore it.
   */
  simulator: z
    .strictObject({
      chats: z.number().int().min(1).max(500).optional(),
      chatterIntervalMs: z.number().int().nonnegative().max(3_600_000).optional(),
      qrScanDelayMs: z.number().int().nonnegative().max(600_000).optional(),
      history: z.number().int().nonnegative().max(1_000_000).optional(),
    })
    .optional(),
  /**
   * Benchmarks only: a file to append the marks of each live message to (when its account
   * process sent it, when the core received and stored it; live-trace-file.ts). Main never sets it.
   */
  liveTrace: z.string().min(1).max(4096).optional(),
});
export type CoreProcessConfig = z.infer<typeof coreProcessConfigSchema>;
