/**
 * Files members upload to send as attachments on numbers hosted elsewhere (a teammate's
 * desktop, or a Cloud API number this server hosts). `PUT /api/uploads/<sha256>` with the
 * socket session token; the REST API's `POST /api/v1/media` shares `receiveUpload`. The body
 * streams to a temporary file (never buffered), is hashed on the way, and reaches the store
 * only when its length and sha-256 are what the client said. Limits are WhatsApp's per kind.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { WHATSAPP_MEDIA_LIMITS, attachmentKindOf } from '../../../common/providers';
import { can } from '../../../common/permissions';
import { CommandError } from '../../../common/result';
import { insertBlob } from '../db/repositories/blobs';
import { recordUpload } from '../db/repositories/uploads';
import { accountById, hitRateLimit, sendByClientId } from '../db/repositories/workspace';
import type { Services } from '../handlers/context';
import { OPAQUE, blobHeaders, storableMimeType } from './blob-mime';
import { bearer, send } from './respond';

export type Uploaded = { sha256: string; size: number; mimeType: string };

/** The stored type of an upload: an allow-listed type, or octet-stream only when said so. */
function uploadMimeType(header: unknown): string {
  const mimeType = storableMimeType(header);
  const said = typeof header === 'string' ? header.split(';')[0]?.trim().toLowerCase() : '';
  if (mimeType === OPAQUE && said !== OPAQUE)
    throw new CommandError('invalid_args', 'media_unsupported', { reason: 'media_unsupported' });
  return mimeType;
}

/** The declared length: required, so an over-size file is refused before a byte is read. */
function declaredLength(req: IncomingMessage, max: number): number {
  const raw = req.headers['content-length'];
  const length = raw !== undefined && /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(length) || length <= 0)
    throw new CommandError('invalid_args', 'length_required', { reason: 'length_required' });
  if (length > max)
    throw new CommandError('payload_too_large', 'media_too_large', { reason: 'media_too_large', maxBytes: max });
  return length;
}

async function writeStream(req: IncomingMessage, tmp: string, length: number): Promise<{ sha: string; size: number }> {
  const hash = createHash('sha256');
  const out = createWriteStream(tmp);
  let size = 0;
  try {
    for await (const chunk of req) {
      const b = chunk as Buffer;
      size += b.length;
      if (size > length) throw new CommandError('invalid_args', 'length_mismatch', { reason: 'length_mismatch' });
      hash.update(b);
      if (!out.write(b)) await new Promise<void>(r => out.once('drain', () => r()));
    }
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  } catch (err) {
    out.destroy();
    throw err;
  }
  // An aborted upload ends early (or throws above): never stored.
  if (size !== length) throw new CommandError('invalid_args', 'length_mismatch', { reason: 'length_mismatch' });
  return { sha: hash.digest('hex'), size };
}

/**
 * Streams a member's upload into the blob store and records who uploaded it.
 * expectedSha: the hash the client named (checked); null to take the computed one (REST).
 */
export async function receiveUpload(
  services: Services,
  req: IncomingMessage,
  memberId: string,
  expectedSha: string | null,
): Promise<Uploaded> {
  const mimeType = uploadMimeType(req.headers['content-type']);
  const length = declaredLength(req, WHATSAPP_MEDIA_LIMITS[attachmentKindOf(mimeType)]);
  // Each upload may be 100 MB: a member gets as many a minute as sends, no more.
  const hits = await hitRateLimit(services.db, `upload:${memberId}`, 60_000, Date.now());
  if (hits > services.limits.sendsPerMinute) throw new CommandError('rate_limited', 'too many uploads; wait a minute');
  await mkdir(join(services.blobDir, 'tmp'), { recursive: true });
  const tmp = join(services.blobDir, 'tmp', randomUUID());
  try {
    const { sha, size } = await writeStream(req, tmp, length);
    if (expectedSha !== null && sha !== expectedSha)
      throw new CommandError('invalid_args', 'sha256_mismatch', { reason: 'sha256_mismatch' });
    await services.blobs.put(sha, tmp, size, mimeType);
    const now = Date.now();
    await insertBlob(services.db, { sha256: sha, size, mimeType, now });
    await recordUpload(services.db, sha, memberId, now);
    return { sha256: sha, size, mimeType };
  } finally {
    // Gone already when the store moved it; otherwise the refused bytes go.
    await rm(tmp, { force: true });
  }
}

export async function putUpload(services: Services, req: IncomingMessage, res: ServerResponse, sha: string) {
  const principal = await bearer(services, req);
  if (!can(principal.role, 'messages.send')) throw new CommandError('forbidden', 'you may not send messages');
  const uploaded = await receiveUpload(services, req, principal.memberId, sha);
  send(res, 201, { ok: true, value: uploaded });
}

/**
 * The file of a relayed send, for the device hosting its account (it sends the file through
 * its own provider): `GET /api/sends/<clientMessageId>/attachment`. Nobody else may read it
 * here; teammates see the file once the host's push stores the sent message.
 */
export async function getSendAttachment(
  services: Services,
  req: IncomingMessage,
  res: ServerResponse,
  clientMessageId: string,
) {
  const principal = await bearer(services, req);
  const stored = await sendByClientId(services.db, clientMessageId);
  const account = stored ? await accountById(services.db, stored.accountId) : undefined;
  // An unknown send and another host's send answer the same.
  if (!stored?.attachment || !account || account.hostDeviceId !== principal.sessionId)
    throw new CommandError('not_found', 'no such attachment');
  const bytes = await services.blobs.read(stored.attachment.sha256);
  if (!bytes) throw new CommandError('not_found', 'no such attachment');
  res.writeHead(200, {
    ...blobHeaders(stored.attachment.mimeType),
    'content-length': String(stored.attachment.size),
    'cache-control': 'private, no-store',
  });
  return pipeline(bytes, res);
}
