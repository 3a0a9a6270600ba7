/**
 * Outgoing webhooks (issue #22), on a real MariaDB (durable commits):
 *  - webhooks.deliveries_per_s: deliveries queued in webhook_deliveries (one endpoint, each
 *    chat with a few events, so per-chat order holds some back) until every one is recorded
 *    delivered by the server's worker: claim (SKIP LOCKED), sign, POST to a loopback
 *    receiver, record the attempt. Baseline: plain POSTs of the same bodies to the same
 *    receiver with the same number in flight (the worker's concurrency), in the same run.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createApplication } from '../sync-server/src/app';
import { encryptSecret } from '../sync-server/src/auth/mfa-crypto';
import { insertEndpoint } from '../sync-server/src/db/repositories/webhooks';
import { silentLog } from '../sync-server/src/log';
import { DEFAULT_WEBHOOK_OPTIONS } from '../sync-server/src/webhooks/options';
import { startMariaDb } from '../tests/helpers/mariadb';
import { startReceiver } from '../tests/helpers/webhook-receiver';
import type { Receiver } from '../tests/helpers/webhook-receiver';
import type { BenchOptions, BenchResult } from './types';

const EVENTS_PER_CHAT = 4;
const CONCURRENCY = DEFAULT_WEBHOOK_OPTIONS.concurrency;

function body(i: number): string {
  return JSON.stringify({
    id: randomUUID(),
    type: 'message.received',
    occurredAt: new Date().toISOString(),
    data: { accountId: 'bench', chatId: `bench:${i}@c.us`, message: { body: `message ${i}`, fromMe: false } },
  });
}

/** `count` POSTs of the bodies, `CONCURRENCY` in flight over keep-alive connections; per second. */
async function rawPosts(receiver: Receiver, bodies: readonly string[]): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const url = new URL(receiver.url);
  let next = 0;
  const post = (payload: string) =>
    new Promise<void>((resolve, reject) => {
      const req = request(
        url,
        { method: 'POST', agent, headers: { 'content-type': 'application/json', 'blazz-event-id': randomUUID() } },
        res => {
          res.resume();
          res.on('end', () => resolve());
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < bodies.length) await post(bodies[next++]!);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return bodies.length / seconds;
}

export async function run(opts: BenchOptions): Promise<BenchResult[]> {
  const count = opts.scale === 'full' ? 50_000 : 5_000;
  const mariadb = await startMariaDb({ durable: true });
  const receiver = await startReceiver();
  const blobDir = join(opts.workDir, 'blobs');
  mkdirSync(blobDir, { recursive: true });
  const key = randomBytes(32);
  const app = await createApplication({
    databaseUrl: mariadb.url,
    blobDir,
    log: silentLog(),
    poolSize: 20,
    mfaKey: key,
    webhooks: { allowPrivateNetworks: true },
  });
  try {
    const bodies = Array.from({ length: count }, (_, i) => body(i));
    const baseline = await rawPosts(receiver, bodies);
    receiver.requests.length = 0;
    receiver.accepted.clear();

    const endpointId = randomUUID();
    await insertEndpoint(app.database.db, {
      id: endpointId,
      url: receiver.url,
      events: ['message.received'],
      secret: encryptSecret(key, Buffer.from('whsec_bench')),
      createdBy: randomUUID(),
      now: Date.now(),
    });
    await app.webhooks.idle();
    // Queued as the worker's scan would queue them, in chats of a few events each.
    const now = Date.now();
    const rows = bodies.map((b, i) => {
      const id = (JSON.parse(b) as { id: string }).id;
      return [
        endpointId,
        id,
        'message.received',
        `bench:${Math.floor(i / EVENTS_PER_CHAT)}`,
        b,
        'pending',
        0,
        now,
        now,
      ];
    });
    for (let i = 0; i < rows.length; i += 1000)
      await app.database.raw.query(
        `insert into webhook_deliveries (endpoint_id, event_id, event_type, chat_key, payload, status, attempts, next_attempt_at, created_at) values ?`,
        [rows.slice(i, i + 1000)],
      );
    const started = performance.now();
    await app.webhooks.idle();
    const seconds = (performance.now() - started) / 1000;
    const [[done]] = (await app.database.raw.query(
      "select count(*) as n from webhook_deliveries where status = 'delivered'",
    )) as unknown as [[{ n: number }]];
    if (Number(done?.n) !== count) throw new Error(`only ${String(done?.n)} of ${count} deliveries were delivered`);
    if (receiver.accepted.size !== count)
      throw new Error(`the receiver accepted ${receiver.accepted.size} of ${count}`);
    const value = count / seconds;
    return [
      {
        id: 'webhooks.deliveries_per_s',
        value,
        unit: 'deliveries/s',
        baseline,
        ratio: value / baseline,
        target: '>= 1000',
        note: `queued → signed POST → recorded delivered, ${CONCURRENCY} in flight; baseline: raw POSTs, same concurrency`,
        scale: { deliveries: count, chats: Math.ceil(count / EVENTS_PER_CHAT), endpoints: 1 },
      },
    ];
  } finally {
    await app.close();
    await receiver.close();
    await mariadb.stop();
  }
}
