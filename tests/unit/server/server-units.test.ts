import { describe, expect, it } from 'vitest';
import { hashPassword, tokenHash, verifyPassword } from '../../../sync-server/src/auth/crypto';
import { readConfig } from '../../../sync-server/src/config';
import type { Delivery } from '../../../sync-server/src/handlers/rooms';
import { audienceRooms } from '../../../sync-server/src/handlers/rooms';

describe('passwords and tokens', () => {
  it('verifies the right password only, with salted hashes', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).not.toBe(b);
    expect(a.startsWith('scrypt$')).toBe(true);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('wrong horse battery', a)).toBe(false);
    expect(await verifyPassword('x', 'not a hash')).toBe(false);
  });
  it('stores tokens as sha-256 hex', () => {
    expect(tokenHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('configuration', () => {
  it('reads env, lets flags win and validates', () => {
    const c = readConfig(['--port', '9000'], {
      DATABASE_URL: 'mysql://u@h/db',
      PORT: '8000',
      REDIS_URL: 'redis://r:6379',
    });
    expect(c).toMatchObject({
      command: 'serve',
      port: 9000,
      databaseUrl: 'mysql://u@h/db',
      redisUrl: 'redis://r:6379',
    });
    expect(() => readConfig([], {})).toThrow(/databaseUrl/);
    expect(() => readConfig([], { DATABASE_URL: 'postgres://x' })).toThrow(/mysql/);
    expect(readConfig(['--help'], {}).command).toBe('help');
  });

  it("reads Graph's address and version for Cloud API numbers, refusing a malformed version", () => {
    const db = { DATABASE_URL: 'mysql://u@h/db' };
    expect(readConfig([], db)).toMatchObject({
      cloudGraphUrl: 'https://graph.facebook.com',
      cloudGraphVersion: 'v21.0',
    });
    expect(
      readConfig([], { ...db, CLOUD_GRAPH_URL: 'http://127.0.0.1:9', CLOUD_GRAPH_VERSION: 'v23.0' }),
    ).toMatchObject({
      cloudGraphUrl: 'http://127.0.0.1:9',
      cloudGraphVersion: 'v23.0',
    });
    expect(() => readConfig([], { ...db, CLOUD_GRAPH_VERSION: '21' })).toThrow(/v21\.0/);
  });

  it('reads the media store: a folder by default, an S3 bucket with all its settings', () => {
    const db = { DATABASE_URL: 'mysql://u@h/db' };
    expect(readConfig([], db).blobStore).toEqual({ kind: 'folder' });
    expect(() => readConfig([], { ...db, BLOB_STORE: 's3' })).toThrow(
      /S3_BUCKET is required[\s\S]*S3_ACCESS_KEY_ID is required[\s\S]*S3_SECRET_ACCESS_KEY is required/,
    );
    expect(() => readConfig([], { ...db, BLOB_STORE: 'ftp' })).toThrow(/blobStore/);
    const s3 = { ...db, BLOB_STORE: 's3', S3_BUCKET: 'media', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' };
    // AWS itself: virtual-hosted buckets; a self-hosted endpoint: the bucket in the path.
    expect(readConfig([], s3).blobStore).toEqual({
      kind: 's3',
      bucket: 'media',
      region: 'us-east-1',
      endpoint: undefined,
      prefix: '',
      accessKeyId: 'k',
      secretAccessKey: 's',
      forcePathStyle: false,
    });
    expect(
      readConfig([], { ...s3, S3_ENDPOINT: 'http://minio:9000', S3_REGION: 'eu-central-1', S3_PREFIX: 'blazz/' })
        .blobStore,
    ).toMatchObject({ endpoint: 'http://minio:9000', region: 'eu-central-1', prefix: 'blazz/', forcePathStyle: true });
    expect(
      readConfig([], { ...s3, S3_ENDPOINT: 'http://minio:9000', S3_FORCE_PATH_STYLE: 'false' }).blobStore,
    ).toMatchObject({
      forcePathStyle: false,
    });
    expect(
      readConfig(['create-admin', '--email', 'a@b.co'], { DATABASE_URL: 'mysql://x', PASSWORD: 'long enough pw' }),
    ).toMatchObject({
      command: 'create-admin',
      email: 'a@b.co',
      password: 'long enough pw',
    });
  });
});

describe('live fan-out rooms', () => {
  const chatEvent = (assigneeId: string | null): Delivery => ({
    event: { type: 'chat:revoked', chatId: 'c', reason: 'unassigned', seq: 1 },
    audience: 'chat',
    accountId: 'a1',
    memberId: null,
    assigneeId,
    originDevice: null,
  });
  it('sends chat events to admins, the account leads and the assignee (through the account) or the pool', () => {
    expect(audienceRooms(chatEvent('m1'))).toEqual(['admins', 'acct:a1:lead', 'acct:a1:m:m1']);
    // Whether agents see unassigned chats is who is in the pool (settings:update moves them), not a check here.
    expect(audienceRooms(chatEvent(null))).toEqual(['admins', 'acct:a1:lead', 'acct:a1:pool']);
  });
  it('sends a chat event whose chat changed hands since it was written to admins and leads only', () => {
    const moved = { ...chatEvent('m2'), assigneeMoved: true };
    expect(audienceRooms(moved)).toEqual(['admins', 'acct:a1:lead']);
    expect(audienceRooms({ ...moved, assigneeId: null })).toEqual(['admins', 'acct:a1:lead']);
  });
});
