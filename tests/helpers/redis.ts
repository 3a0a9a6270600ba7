/** A throwaway redis-server on a free loopback port, with persistence off. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { freePort } from './mariadb';
import { waitForPort } from './tcp';

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
  await waitForPort(port, { name: 'redis-server', timeoutMs: 10_000, exited: () => exited });
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
