/**
 * Desktops for the team-sync tests: full cores, each in its own throwaway data folder, with a
 * fast simulator (QR scanned at once) whose customers write every `chatterIntervalMs`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Core } from '../../../main/core/core';
import { createCore } from '../../../main/core/core';
import { silentLogger } from '../../../main/core/log';

export type DesktopPace = { readonly chatterIntervalMs: number; readonly ackStepMs: number; readonly history: number };
const QUIET: DesktopPace = { chatterIntervalMs: 60_000, ackStepMs: 100, history: 3 };

export function desktops(prefix: string) {
  const dirs: string[] = [];
  return {
    async open(pace: DesktopPace = QUIET): Promise<Core> {
      const dataDir = mkdtempSync(join(tmpdir(), `blazz-${prefix}-`));
      dirs.push(dataDir);
      return createCore({
        dataDir,
        shell: 'headless',
        version: 'test',
        log: silentLogger,
        accounts: { simulator: { qrScanDelayMs: 50, chats: 3, ...pace } },
      });
    },
    /** Removes every data folder; close the cores first. */
    removeAll(): void {
      for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
    },
  };
}
