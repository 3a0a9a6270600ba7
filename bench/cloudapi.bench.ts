/**
 * Cloud API webhooks (#19) on a real MariaDB (durable commits), one server node:
 *  - cloudapi.webhook_msgs_per_s: Meta's signed webhook batches (20 customers' messages
 *    each) POSTed to /webhooks/cloud, 16 in flight, until every message is stored and its
 *    messages:upserted fact has reached a connected admin. Baseline, same run: the same
 *    POSTs to a loopback receiver that only reads the body and answers (HTTP alone).
 *  - cloudapi.webhook_ack_p99_ms: how long those POSTs waited for their 200 under that
 *    load. Baseline: the receiver's p99 for the same POSTs.
 */
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import type { SyncEvent } from '../common/protocol';
import { cloudAccountId } from '../common/cloud/ids';
import { insertCloudNumber, upsertCloudAccount } from '../sync-server/src/db/repositories/cloud';
import { seal } from '../sync-server/src/cloud/secrets';
import { startMariaDb } from '../tests/helpers/mariadb';
import { fakeWamid, metaSignature, textMessage } from '../tests/helpers/graph-api/webhooks';
import { startReceiver } from '../tests/helpers/webhook-receiver';
import { connectMany, memberWithDevices, percentile, startServer } from './server/setup';
import type { BenchOptions, BenchResult } from './types';

const PHONE_ID = '106540352242922';
const APP_SECRET = 'bench-app-secret-0123456789';
const PER_BATCH = 20;
const IN_FLIGHT = 16;

/** A batch of `PER_BATCH` messages from distinct customers, as one webhook body. */
function batch(b: number): string {
  const env = { phoneNumberId: PHONE_ID, displayPhone: '+62 811' };
  const bodies = Array.from({ length: PER_BATCH }, (_, i) =>
    textMessage(env, { id: fakeWamid(), from: `62811${String(b * PER_BATCH + i).padStart(7, '0')}`, text: `m ${i}` }),
  );
  // One envelope carrying every change, as Meta batches them.
  const [first, ...rest] = bodies;
  for (const r of rest) first!.entry[0]!.changes.push(...r.entry[0]!.changes);
  return JSON.stringify(first);
}

/** POSTs every body, `IN_FLIGHT` at a time; each answer's wait in ms, and the seconds it took. */
async function post(url: string, bodies: readonly string[]): Promise<{ waits: number[]; seconds: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
  const target = new URL(url);
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
          headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(APP_SECRET, raw) },
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
  const started = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < bodies.length) await one(bodies[next++]!);
    }),
  );
  agent.destroy();
  return { waits, seconds: (performance.now() - started) / 1000 };
}

export async function run(opts: BenchOptions): Promise<BenchResult[]> {
  const batches = opts.scale === 'full' ? 2_500 : 250;
  const messages = batches * PER_BATCH;
  const mariadb = await startMariaDb({ durable: true });
  const receiver = await startReceiver();
  const blobDir = join(opts.workDir, 'blobs-cloudapi');
  mkdirSync(blobDir, { recursive: true });
  const key = randomBytes(32);
  const server = await startServer(mariadb.url, blobDir, undefined, { mfaKey: key, cloud: { pollMs: 200 } });
  const admin = await memberWithDevices(server.app.database.db, 'admin', 1);
  const [socket] = await connectMany(server.url, admin.tokens);
  try {
    const bodies = Array.from({ length: batches }, (_, b) => batch(b));
    const base = await post(receiver.url, bodies);

    const accountId = cloudAccountId(PHONE_ID);
    await upsertCloudAccount(server.app.database.db, { id: accountId, name: 'Bench', phone: null, now: Date.now() });
    await insertCloudNumber(server.app.database.db, {
      accountId,
      phoneNumberId: PHONE_ID,
      wabaId: '1',
      displayPhone: null,
      verifiedName: null,
      accessToken: seal(key, 'EAAG-bench-token-not-used'),
      appSecret: seal(key, APP_SECRET),
      verifyToken: seal(key, 'bench-verify'),
      createdBy: admin.id,
      createdAt: Date.now(),
    });
    let seen = 0;
    let allSeen: () => void = () => undefined;
    const delivered = new Promise<void>(resolve => (allSeen = resolve));
    socket!.on('sync:facts', (facts: SyncEvent[]) => {
      for (const f of facts) if (f.type === 'messages:upserted') seen += f.messages.length;
      if (seen >= messages) allSeen();
    });
    const started = performance.now();
    const load = await post(`${server.url}/webhooks/cloud`, bodies);
    await delivered;
    const seconds = (performance.now() - started) / 1000;
    const value = messages / seconds;
    const baseline = messages / base.seconds;
    const p99 = percentile(load.waits, 99);
    const baseP99 = percentile(base.waits, 99);
    const scale = { messages, batches, inFlight: IN_FLIGHT };
    return [
      {
        id: 'cloudapi.webhook_msgs_per_s',
        value,
        unit: 'messages/s',
        baseline,
        ratio: value / baseline,
        target: '>= 2000',
        note: `signed POST → verified → inbox → stored → fact at a connected admin; baseline: the same POSTs to a receiver that only answers`,
        scale,
      },
      {
        id: 'cloudapi.webhook_ack_p99_ms',
        value: p99,
        unit: 'ms',
        baseline: baseP99,
        ratio: p99 / baseP99,
        target: '<= 50',
        note: 'time to the 200 under that load; baseline: the receiver, same POSTs',
        scale,
      },
    ];
  } finally {
    socket?.disconnect();
    await server.app.close();
    await receiver.close();
    await mariadb.stop();
  }
}
