/**
 * A throwaway S3-compatible server for the media store's S3 backend: s3rver (npm), run as
 * its own process from its command line on a free loopback port, with one bucket and its
 * data in a temporary folder. It checks request signatures like S3 does.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3BlobStoreConfig } from '../../sync-server/src/blobs/s3-store';
import { freePort } from './mariadb';
import { waitForPort } from './tcp';

export type S3Server = {
  readonly endpoint: string;
  /** Settings for the store, with s3rver's fixed credentials. */
  config(bucket?: string): S3BlobStoreConfig;
  stop(): Promise<void>;
};

export const TEST_BUCKET = 'blazz-media';

export async function startS3(): Promise<S3Server> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'blazz-s3-'));
  const bin = join(process.cwd(), 'node_modules', 's3rver', 'bin', 's3rver.js');
  const child = spawn(
    process.execPath,
    [bin, '-d', dir, '-a', '127.0.0.1', '-p', String(port), '--silent', '--configure-bucket', TEST_BUCKET],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let exited = false;
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  child.on('exit', () => (exited = true));
  await waitForPort(port, { name: 's3rver', timeoutMs: 15_000, exited: () => exited, why: () => stderr });
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    config: (bucket = TEST_BUCKET) => ({
      endpoint,
      region: 'us-east-1',
      bucket,
      prefix: 'media/',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    }),
    async stop() {
      if (!exited) {
        const gone = new Promise<void>(r => child.once('exit', () => r()));
        child.kill('SIGTERM');
        await gone;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
