/**
 * The media store in an S3-compatible bucket (AWS S3, MinIO, Cloudflare R2, Backblaze B2,
 * Wasabi…), so every server node behind the load balancer serves the same media. The
 * official AWS SDK (@aws-sdk/client-s3) speaks the protocol: signing, retries with back-off,
 * path-style addressing for self-hosted servers.
 */
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { BlobStore } from './store';
import { blobKey } from './store';

export type S3BlobStoreConfig = {
  /** e.g. https://s3.eu-central-1.amazonaws.com or http://minio:9000; unset: AWS's own for the region. */
  readonly endpoint?: string | undefined;
  readonly region: string;
  readonly bucket: string;
  /** Put before every key, e.g. "blazz/" to share a bucket. */
  readonly prefix: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** bucket in the path, not the host name: what most self-hosted servers need. */
  readonly forcePathStyle: boolean;
};

/** The SDK reports a missing object as NotFound (HEAD) or NoSuchKey (GET), always with a 404. */
const isMissing = (err: unknown): boolean =>
  typeof err === 'object' &&
  err !== null &&
  ((err as { name?: string }).name === 'NotFound' ||
    (err as { name?: string }).name === 'NoSuchKey' ||
    (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404);

export function s3BlobStore(cfg: S3BlobStoreConfig): BlobStore & { close(): void } {
  const client = new S3Client({
    region: cfg.region,
    ...(cfg.endpoint ? { endpoint: cfg.endpoint } : {}),
    forcePathStyle: cfg.forcePathStyle,
    credentials: { accessKeyId: cfg.accessKeyId, secretAccessKey: cfg.secretAccessKey },
    // Checksums only where S3 requires them: the SDK's default sends bodies aws-chunked with
    // a CRC trailer, which many S3-compatible servers store as part of the object. The bytes
    // are verified against their sha-256 before they get here anyway.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const keyOf = (sha: string) => `${cfg.prefix}${blobKey(sha)}`;
  return {
    kind: 's3',
    async put(sha, verifiedFile, size, mimeType) {
      try {
        await client.send(
          new PutObjectCommand({
            Bucket: cfg.bucket,
            Key: keyOf(sha),
            Body: createReadStream(verifiedFile),
            ContentLength: size,
            ContentType: mimeType,
          }),
        );
      } finally {
        await rm(verifiedFile, { force: true });
      }
    },
    async size(sha) {
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket: cfg.bucket, Key: keyOf(sha) }));
        return head.ContentLength ?? null;
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
    },
    async read(sha) {
      try {
        const got = await client.send(new GetObjectCommand({ Bucket: cfg.bucket, Key: keyOf(sha) }));
        return got.Body instanceof Readable ? got.Body : null;
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
    },
    close: () => client.destroy(),
  };
}
