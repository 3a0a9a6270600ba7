/**
 * The media store's two backends (ARCHITECTURE §13): a folder, and an S3-compatible bucket
 * every server node shares, against a real S3 server process (s3rver). The same contract
 * holds for both; with S3, media one node stored is served by another.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlobStore } from '../../../sync-server/src/blobs';
import { folderBlobStore } from '../../../sync-server/src/blobs/folder-store';
import { s3BlobStore } from '../../../sync-server/src/blobs/s3-store';
import type { S3Server } from '../../helpers/s3';
import { startS3 } from '../../helpers/s3';
import type { Node, Stack } from './harness';
import { hostWithChat, must, NOW, startNode, startStack } from './harness';

let s3: S3Server;
const work = mkdtempSync(join(tmpdir(), 'blazz-blobstore-'));
beforeAll(async () => {
  s3 = await startS3();
}, 30_000);
afterAll(async () => {
  await s3?.stop();
  rmSync(work, { recursive: true, force: true });
});

const shaOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const bytesOf = async (r: Readable) => {
  const chunks: Buffer[] = [];
  for await (const c of r) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};
let n = 0;
/** A verified upload as the HTTP layer leaves it: a temporary file. */
const tempFile = (bytes: Buffer) => {
  const file = join(work, `upload-${n++}`);
  writeFileSync(file, bytes);
  return file;
};

describe.each([
  ['folder', () => folderBlobStore(join(work, 'folder'))],
  ['s3', () => s3BlobStore(s3.config())],
] as const)('the %s store', (_kind, open: () => BlobStore) => {
  it('stores verified bytes under their hash, hands them back, and knows what it lacks', async () => {
    const store = open();
    const bytes = Buffer.from(`a customer's photo ${Math.random()}`);
    const sha = shaOf(bytes);
    expect(await store.size(sha)).toBeNull();
    expect(await store.read(sha)).toBeNull();

    const file = tempFile(bytes);
    await store.put(sha, file, bytes.length, 'image/jpeg');
    expect(existsSync(file)).toBe(false);
    expect(await store.size(sha)).toBe(bytes.length);
    expect((await bytesOf((await store.read(sha))!)).equals(bytes)).toBe(true);

    // A second upload of the same media (another number forwarded it) is harmless.
    await store.put(sha, tempFile(bytes), bytes.length, 'image/jpeg');
    expect((await bytesOf((await store.read(sha))!)).equals(bytes)).toBe(true);
    expect(await store.size(shaOf(Buffer.from('never stored')))).toBeNull();
  });
});

describe('the S3 store refuses cleanly', () => {
  it('an unknown access key or a missing bucket is an error for the caller, never a crash', async () => {
    const bytes = Buffer.from('x');
    // (s3rver knows its keys; it does not check the signature of an upload's body.)
    const wrongKey = s3BlobStore({ ...s3.config(), accessKeyId: 'NOT-A-KEY' });
    await expect(wrongKey.put(shaOf(bytes), tempFile(bytes), 1, 'text/plain')).rejects.toThrow();
    const noBucket = s3BlobStore(s3.config('no-such-bucket'));
    const file = tempFile(bytes);
    await expect(noBucket.put(shaOf(bytes), file, 1, 'text/plain')).rejects.toThrow();
    // The unverified copy is not left behind either way.
    expect(existsSync(file)).toBe(false);
  });
});

describe('two server nodes on one bucket', () => {
  let stack: Stack;
  let second: Node;
  beforeAll(async () => {
    stack = await startStack({ blobStore: { kind: 's3', ...s3.config() } });
    second = await startNode(stack.mariadb.url, { blobStore: { kind: 's3', ...s3.config() } });
  }, 120_000);
  afterAll(async () => {
    await second?.app.close();
    await stack?.stop();
  });

  it('serves from one node what a host uploaded to the other', async () => {
    const h = await hostWithChat(stack);
    const photo = Buffer.from(`photo shared by the nodes ${Date.now()}`);
    const sha = shaOf(photo);
    await must(h.host.socket, 'sync:push', {
      messages: [
        {
          accountId: h.accountId,
          chatJid: h.jid,
          providerMessageId: 'shared-photo',
          fromMe: false,
          type: 'image',
          media: { mimeType: 'image/jpeg', sha256: sha, size: photo.length },
          timestamp: NOW(),
        },
      ],
    });
    const put = await fetch(`${stack.node.url}/api/blobs/${sha}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${h.host.token}`, 'content-type': 'image/jpeg' },
      body: new Uint8Array(photo),
    });
    expect(put.status).toBe(201);

    const admin = await stack.device('admin');
    const got = await fetch(`${second.url}/api/blobs/${sha}`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-length')).toBe(String(photo.length));
    expect(Buffer.from(await got.arrayBuffer()).equals(photo)).toBe(true);
  });
});
