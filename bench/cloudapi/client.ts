/**
 * The Cloud API benchmark's clients in a child process (Meta's POSTs and the admin's device
 * both live outside the server): the server's event loop then runs the server alone, as it
 * does for the receiver baseline. Protocol over IPC, one command per run:
 *   parent → { bodies, url, secret, inFlight, watch?: { url, token, messages } }
 *   child  → { waits, seconds } | { error }
 * `seconds` runs from the first POST until the last answer, or with `watch` until the
 * admin's device has received that many messages live.
 */
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'node:http';
import type { SyncEvent } from '../../common/protocol';
import { metaSignature } from '../../tests/helpers/graph-api/webhooks';
import { connect } from '../server/setup';

export type ClientRun = {
  readonly bodies: readonly string[];
  readonly url: string;
  readonly secret: string;
  readonly inFlight: number;
  readonly watch?: { readonly url: string; readonly token: string; readonly messages: number };
};
export type ClientResult = { readonly waits: number[]; readonly seconds: number };

/** POSTs every body, `inFlight` at a time; each answer's wait in ms. */
async function post(run: ClientRun): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: run.inFlight });
  const target = new URL(run.url);
  const waits: number[] = [];
  let next = 0;
  const one = (raw: string) =>
    new Promise<void>((resolve, reject) => {
      const t0 = performance.now();
      const req = request(
        target,
        {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(run.secret, raw) },
        },
        res => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode !== 200) return reject(new Error(`webhook answered ${res.statusCode}`));
            waits.push(performance.now() - t0);
            resolve();
          });
        },
      );
      req.on('error', reject);
      req.end(raw);
    });
  await Promise.all(
    Array.from({ length: run.inFlight }, async () => {
      while (next < run.bodies.length) await one(run.bodies[next++]!);
    }),
  );
  agent.destroy();
  return waits;
}

async function handle(run: ClientRun): Promise<ClientResult> {
  const watch = run.watch;
  const socket = watch ? await connect(watch.url, watch.token) : null;
  try {
    let seen = 0;
    let allSeen: () => void = () => undefined;
    const delivered = new Promise<void>(resolve => (allSeen = resolve));
    socket?.on('sync:facts', (facts: SyncEvent[]) => {
      for (const f of facts) if (f.type === 'messages:upserted') seen += f.messages.length;
      if (watch && seen >= watch.messages) allSeen();
    });
    const started = performance.now();
    const waits = await post(run);
    if (watch) await delivered;
    return { waits, seconds: (performance.now() - started) / 1000 };
  } finally {
    socket?.disconnect();
  }
}

process.on('message', (run: ClientRun) => {
  handle(run).then(
    reply => process.send?.(reply),
    (err: unknown) => process.send?.({ error: String(err) }),
  );
});
process.on('disconnect', () => process.exit(0));
