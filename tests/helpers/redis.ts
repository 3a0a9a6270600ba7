/** A throwaway redis-server on a free loopback port, with persistence off. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import { freePort } from './mariadb';

export type RedisServer = { readonly url: string; readonly port: number; stop(): Promise<void> };

export async function startRedis(): Promise<RedisServer> {
  const bin = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find(p => existsSync(p));
  if (!bin)
    throw new Error("redis-server not found: install the Debian package 'redis-server' (apt-get install redis-server)");
  const port = await freePort();
  const child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (exited) throw new Error('redis-server exited during start-up');
    const up = await new Promise<boolean>(resolve => {
      const s = createConnection({ host: '127.0.0.1', port }, () => {
        s.end();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (up) break;
    if (Date.now() > deadline) throw new Error('redis-server did not answer within 10 s');
    await new Promise(r => setTimeout(r, 50));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      if (exited) return;
      const gone = new Promise<void>(r => child.once('exit', () => r()));
      child.kill('SIGTERM');
      await gone;
    },
  };
}
