/**
 * REST API benchmark (issue #22), on a real MariaDB (durable commits):
 *  - api.send_p95_ms: POST /api/v1/chats/{id}/messages with an API key, timed until both the
 *    202 came back and the number's host socket received the relayed `send:requested`.
 *    Baseline: the same send as the socket command `message:send` from an admin's device,
 *    timed the same way, in the same run. Sends alternate so both see the same load.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { WireSend } from '../common/protocol';
import { createApplication } from '../sync-server/src/app';
import { silentLog } from '../sync-server/src/log';
import { startMariaDb } from '../tests/helpers/mariadb';
import type { Client } from './server/setup';
import { connect, memberWithDevices, must, percentile } from './server/setup';
import type { BenchOptions, BenchResult } from './types';

const ACCOUNT = 'bench-api';
const JID = '628111000111@c.us';
const CHAT = `${ACCOUNT}:${JID}`;

/** Resolves when the host socket is offered a send with this body. */
function relayed(host: Client): (body: string) => Promise<void> {
  const waiting = new Map<string, () => void>();
  host.on('send:requested', (s: WireSend) => waiting.get(s.body)?.());
  return body =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no send:requested for ${body}`)), 30_000);
      waiting.set(body, () => {
        clearTimeout(timer);
        waiting.delete(body);
        resolve();
      });
    });
}

export async function run(opts: BenchOptions): Promise<BenchResult[]> {
  const mariadb = await startMariaDb({ durable: true });
  const blobDir = join(opts.workDir, 'blobs');
  mkdirSync(blobDir, { recursive: true });
  const app = await createApplication({
    databaseUrl: mariadb.url,
    blobDir,
    log: silentLog(),
    poolSize: 20,
    limits: { sendsPerMinute: 1_000_000, apiPerMinute: 1_000_000 },
  });
  const url = `http://127.0.0.1:${await app.listen(0)}`;
  const clients: Client[] = [];
  try {
    const db = app.database.db;
    const host = await memberWithDevices(db, 'lead', 1);
    const admin = await memberWithDevices(db, 'admin', 1);
    const hostSocket = await connect(url, host.tokens[0]!);
    const adminSocket = await connect(url, admin.tokens[0]!);
    clients.push(hostSocket, adminSocket);
    await must(hostSocket, 'account:register', { accountId: ACCOUNT, name: 'Bench', provider: 'simulator' });
    await must(hostSocket, 'sync:push', {
      chats: [{ accountId: ACCOUNT, jid: JID, isGroup: false, name: 'Customer' }],
    });
    const { secret } = await must(adminSocket, 'apiKey:create', { name: 'bench', scopes: ['messages:send'] });
    const waitFor = relayed(hostSocket);

    const viaRest = async (body: string) => {
      const offered = waitFor(body);
      const started = performance.now();
      const res = await fetch(`${url}/api/v1/chats/${encodeURIComponent(CHAT)}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({ body }),
      });
      if (res.status !== 202) throw new Error(`POST answered ${res.status}: ${await res.text()}`);
      await offered;
      return performance.now() - started;
    };
    const viaSocket = async (body: string) => {
      const offered = waitFor(body);
      const started = performance.now();
      await must(adminSocket, 'message:send', { clientMessageId: randomUUID(), chatId: CHAT, body });
      await offered;
      return performance.now() - started;
    };

    const n = opts.scale === 'full' ? 300 : 40;
    for (let i = 0; i < 5; i++) {
      await viaRest(`warm rest ${i}`);
      await viaSocket(`warm socket ${i}`);
    }
    const rest: number[] = [];
    const socket: number[] = [];
    for (let i = 0; i < n; i++) {
      rest.push(await viaRest(`rest ${i}`));
      socket.push(await viaSocket(`socket ${i}`));
    }
    const value = percentile(rest, 95);
    const baseline = percentile(socket, 95);
    return [
      {
        id: 'api.send_p95_ms',
        value,
        unit: 'ms',
        baseline,
        ratio: value / baseline,
        target: '<= 50',
        note: 'POST with an API key → 202 and relayed to the host socket; baseline: message:send over the socket',
        scale: { sends: n },
      },
    ];
  } finally {
    for (const c of clients) c.disconnect();
    await app.close();
    await mariadb.stop();
  }
}
