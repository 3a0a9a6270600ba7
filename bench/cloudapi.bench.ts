/**
 * Cloud API webhooks (#19) on a real MariaDB (durable commits), one server node. The POSTing
 * client and the admin's device run in a child process (cloudapi/client.ts), so the server's
 * event loop does not also encode the POSTs and decode the facts (it did until issue #24):
 *  - cloudapi.webhook_msgs_per_s: Meta's signed webhook batches (20 customers' messages
 *    each) POSTed to /webhooks/cloud, 16 in flight, until every message is stored and its
 *    messages:upserted fact has reached a connected admin. Baseline, same run: the same
 *    POSTs to a loopback receiver that only reads the body and answers (HTTP alone).
 *  - cloudapi.webhook_ack_p99_ms: how long those POSTs waited for their 200 under that
 *    load. Baseline: the receiver's p99 for the same POSTs.
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cloudAccountId } from '../common/cloud/ids';
import { insertCloudNumber, upsertCloudAccount } from '../sync-server/src/db/repositories/cloud';
import { seal } from '../sync-server/src/cloud/secrets';
import { startMariaDb } from '../tests/helpers/mariadb';
import { fakeWamid, textMessage } from '../tests/helpers/graph-api/webhooks';
import { startReceiver } from '../tests/helpers/webhook-receiver';
import type { ClientResult, ClientRun } from './cloudapi/client';
import { memberWithDevices, percentile, startServer } from './server/setup';
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

/** Runs the clients in a child process (cloudapi/client.ts) and returns their waits and seconds. */
function inChild(run: ClientRun): Promise<ClientResult> {
  const child = fork(join(dirname(fileURLToPath(import.meta.url)), 'cloudapi', 'client.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: 'inherit',
  });
  return new Promise<ClientResult>((resolve, reject) => {
    child.once('exit', code => reject(new Error(`cloudapi client exited with ${code}`)));
    child.once('message', (r: ClientResult & { error?: string }) => {
      child.kill();
      if (r.error !== undefined) reject(new Error(r.error));
      else resolve(r);
    });
    child.send(run);
  }).finally(() => child.kill());
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
  try {
    const bodies = Array.from({ length: batches }, (_, b) => batch(b));
    const base = await inChild({ bodies, url: receiver.url, secret: APP_SECRET, inFlight: IN_FLIGHT });

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
    const load = await inChild({
      bodies,
      url: `${server.url}/webhooks/cloud`,
      secret: APP_SECRET,
      inFlight: IN_FLIGHT,
      watch: { url: server.url, token: admin.tokens[0]!, messages },
    });
    const seconds = load.seconds;
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
        note: `time to the 200 under that load (p50 ${percentile(load.waits, 50).toFixed(1)} ms); baseline: the receiver, same POSTs (p50 ${percentile(base.waits, 50).toFixed(1)} ms); clients in a child process`,
        scale,
      },
    ];
  } finally {
    await server.app.close();
    await receiver.close();
    await mariadb.stop();
  }
}
