/** Waiting for a throwaway server process to accept connections on its loopback port. */
import { createConnection } from 'node:net';

const accepts = (port: number) =>
  new Promise<boolean>(resolve => {
    const s = createConnection({ host: '127.0.0.1', port }, () => {
      s.end();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });

/**
 * Resolves once 127.0.0.1:`port` accepts a connection; throws when `exited()` says the
 * process is gone (with `why()`), or after `timeoutMs`.
 */
export async function waitForPort(
  port: number,
  o: { name: string; timeoutMs: number; exited: () => boolean; why?: () => string },
): Promise<void> {
  const deadline = Date.now() + o.timeoutMs;
  for (;;) {
    if (o.exited()) throw new Error(`${o.name} exited during start-up${o.why ? `: ${o.why()}` : ''}`);
    if (await accepts(port)) return;
    if (Date.now() > deadline) throw new Error(`${o.name} did not answer within ${o.timeoutMs / 1000} s`);
    await new Promise(r => setTimeout(r, 50));
  }
}
