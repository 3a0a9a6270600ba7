/**
 * The bytes of a customer's photo, voice note or document on a Cloud number: Meta sends only
 * a media id, whose URL lives for minutes, so the worker fetches it through Graph before the
 * message is stored and keeps it in the workspace's blob store, owned by the number's account.
 * Members then open it like any relayed media (GET /api/blobs/<sha256>). A fetch that fails
 * leaves the message without its bytes rather than holding the message back.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IngestBatch, MessageInput } from '../../../common/ingest';
import { addBlobOwners, insertBlob } from '../db/repositories/blobs';
import { cloudNumberOf, storedMediaSha } from '../db/repositories/cloud';
import type { Services } from '../handlers/context';
import { storableMimeType } from '../http/blob-mime';
import type { GraphPort } from './graph-port';
import { openNumber } from './secrets';

async function keep(services: Services, accountId: string, bytes: Uint8Array, mime: string): Promise<string> {
  const sha = createHash('sha256').update(bytes).digest('hex');
  await mkdir(join(services.blobDir, 'tmp'), { recursive: true });
  const tmp = join(services.blobDir, 'tmp', randomUUID());
  try {
    await writeFile(tmp, bytes);
    await services.blobs.put(sha, tmp, bytes.byteLength, mime);
  } finally {
    await rm(tmp, { force: true });
  }
  await insertBlob(services.db, { sha256: sha, size: bytes.byteLength, mimeType: mime, now: Date.now() });
  await addBlobOwners(services.db, sha, [accountId]);
  return sha;
}

async function withBytes(
  services: Services,
  client: GraphPort,
  m: MessageInput,
  mediaId: string,
): Promise<MessageInput> {
  if (!m.media) return m;
  const known = await storedMediaSha(services.database.raw, m.accountId, m.providerMessageId);
  if (known) return { ...m, media: { ...m.media, sha256: known } };
  const r = await client.downloadMedia(mediaId);
  if (!r.ok || r.value.bytes.byteLength > services.limits.maxBlobBytes) {
    services.log.warn(
      { accountId: m.accountId, code: r.ok ? 'media_too_large' : r.error.code },
      'cloud media not fetched',
    );
    return m;
  }
  const mime = storableMimeType(r.value.mime || m.media.mimeType);
  const sha = await keep(services, m.accountId, r.value.bytes, mime);
  return { ...m, media: { ...m.media, sha256: sha, size: r.value.bytes.byteLength, mimeType: mime } };
}

/** The batch with each media message's bytes fetched and its hash filled in, where Graph gave them. */
export async function fetchInboundMedia(
  services: Services,
  accountId: string,
  batch: IngestBatch,
  mediaIds: ReadonlyMap<string, string> | undefined,
): Promise<IngestBatch> {
  if (!mediaIds || mediaIds.size === 0) return batch;
  const row = await cloudNumberOf(services.db, accountId);
  const number = row ? openNumber(services.mfaKey, row) : null;
  if (!number) return batch;
  const client = services.cloud.graph(number);
  const messages: MessageInput[] = [];
  for (const m of batch.messages) {
    const mediaId = mediaIds.get(m.providerMessageId);
    messages.push(mediaId ? await withBytes(services, client, m, mediaId) : m);
  }
  return { ...batch, messages };
}
