/**
 * Entry of one account's process (forked by the core with child_process.fork). Only
 * wiring: the runtime lives in host.ts. Kept free of heavy imports so a simulated account
 * stays small; whatsapp-web.js is imported lazily, only by the webjs provider.
 */
import { runAccountRuntime } from './host';
import type { ChildToMain } from '../protocol';

type ParentPort = {
  postMessage(msg: unknown): void;
  on(event: 'message', cb: (e: { data: unknown }) => void): void;
};

// An Electron utilityProcess would expose process.parentPort instead of process.send.
const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;

const send = (msg: ChildToMain): void => {
  if (parentPort) parentPort.postMessage(msg);
  else if (process.connected) process.send?.(msg);
};

const runtime = runAccountRuntime({
  send,
  onMessage(cb) {
    if (parentPort) parentPort.on('message', e => cb(e.data));
    else process.on('message', cb);
  },
  exit(code) {
    // Let the last IPC message flush before leaving.
    setTimeout(() => process.exit(code), 20);
  },
  rssBytes: () => process.memoryUsage.rss(),
});

// If main dies, this account must not live on as an orphan with its browser: leave.
process.on('disconnect', () => {
  void runtime.abandon().finally(() => process.exit(0));
});
