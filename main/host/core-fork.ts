/**
 * Starts the core process. Kept free of the host's other modules so the entry can fork the
 * core before it loads them: the core opens its store while the host's bundle evaluates.
 */
import type { ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import type { CoreProcessConfig } from '../core-process/config';

export type ForkedCore = {
  readonly child: ChildProcess;
  /**
   * What the core sent before the host was ready to listen (its "ready" can come first),
   * handed over once; later messages reach the host's own listeners only.
   */
  takeEarlyMessages(): unknown[];
};

export function forkCoreProcess(entry: string, dataDir: string): ForkedCore {
  const config: CoreProcessConfig = { dataDir, shell: 'headless' };
  const child = fork(entry, ['--config', JSON.stringify(config)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // Structured clone, as a MessagePort carries it in Electron: bytes stay bytes.
    serialization: 'advanced',
  });
  const early: unknown[] = [];
  const keep = (msg: unknown) => early.push(msg);
  child.on('message', keep);
  return {
    child,
    takeEarlyMessages() {
      child.off('message', keep);
      return early.splice(0);
    },
  };
}
