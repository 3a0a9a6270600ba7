/**
 * The content-addressed media store: PUT /api/blobs/<sha256> by the device hosting an
 * account, GET by members who may see a chat of an account that owns the blob.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { canSeeChat } from '../../../common/permissions';
import type { Viewer } from '../../../common/permissions';
import { CommandError } from '../../../common/result';
import type { Principal } from '../auth/sessions';
import {
  accountsReferencingMedia,
  addBlobOwners,
  blobBySha,
  blobOwners,
  chatsWithMedia,
  insertBlob,
  messageWithMedia,
} from '../db/repositories/blobs';
import type { ChatRow } from '../db/repositories/chats';
import { accountIdsOfMember, getSettings } from '../db/repositories/members';
import { accountById, accountsHostedBy } from '../db/repositories/workspace';
import type { Services } from '../handlers/context';
import { rooms } from '../handlers/rooms';
import { blobHeaders, storableMimeType } from './blob-mime';
import { bearer, send, sendError } from './respond';

export { blobPath } from '../blobs';

/** Streams the body to a temporary file and hands it to the store only if its sha-256 matches. */
async function storeVerified(services: Services, req: IncomingMessage, sha: string, mimeType: string): Promise<number> {
  await mkdir(join(services.blobDir, 'tmp'), { recursive: true });
  const tmp = join(services.blobDir, 'tmp', randomUUID());
  const hash = createHash('sha256');
  let size = 0;
  const out = createWriteStream(tmp);
  try {
    for await (const chunk of req) {
      const b = chunk as Buffer;
      size += b.length;
      if (size > services.limits.maxBlobBytes) throw new CommandError('payload_too_large', 'media too large');
      hash.update(b);
      if (!out.write(b)) await new Promise<void>(r => out.once('drain', () => r()));
    }
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    if (hash.digest('hex') !== sha) throw new CommandError('invalid_args', 'the bytes do not match their sha-256');
    await services.blobs.put(sha, tmp, size, mimeType);
    return size;
  } catch (err) {
    out.destroy();
    await rm(tmp, { force: true });
    throw err;
  }
}

export async function putBlob(services: Services, req: IncomingMessage, res: ServerResponse, sha: string) {
  const principal = await bearer(services, req);
  // The upload is for the uploader's hosted accounts that have a message with this media.
  const hosted = await accountsHostedBy(services.db, principal.sessionId);
  const owners = await accountsReferencingMedia(services.db, sha, hosted);
  if (owners.length === 0) throw new CommandError('forbidden', 'no message of your accounts refers to this media');
  const length = Number(req.headers['content-length'] ?? '0');
  if (length > services.limits.maxBlobBytes) throw new CommandError('payload_too_large', 'media too large');
  // Always re-read and verify, even when the blob is stored already: the hash proves the
  // uploader has the bytes, which is what earns its accounts ownership.
  const mimeType = storableMimeType(req.headers['content-type']);
  const size = await storeVerified(services, req, sha, mimeType);
  await insertBlob(services.db, { sha256: sha, size, mimeType, now: Date.now() });
  await addBlobOwners(services.db, sha, owners);
  send(res, 201, { ok: true, value: { sha256: sha, size } });
}

async function viewerOf(services: Services, principal: Principal): Promise<Viewer> {
  const accountIds = await accountIdsOfMember(services.db, principal.memberId);
  return {
    id: principal.memberId as Viewer['id'],
    role: principal.role,
    active: true,
    accountIds: new Set(accountIds),
  };
}

/** Asks the device hosting the chat's account to upload the media (at most once per window). */
export async function askHostToUpload(services: Services, sha: string, chat: ChatRow): Promise<void> {
  const [message, account] = await Promise.all([
    messageWithMedia(services.db, sha, chat.accountId),
    accountById(services.db, chat.accountId),
  ]);
  if (message && account?.hostDeviceId && services.uploadAsks.due(chat.accountId, sha, Date.now())) {
    services.io.to(rooms.device(account.hostDeviceId)).emit('media:requested', {
      sha256: sha,
      accountId: message.accountId,
      providerMessageId: message.providerMessageId,
    });
  }
}

/** Asks the host to upload the media, and says so. */
async function requestUpload(services: Services, res: ServerResponse, sha: string, chat: ChatRow): Promise<void> {
  await askHostToUpload(services, sha, chat);
  sendError(res, 'unavailable', 'the host device was asked to upload this media; retry shortly', {
    'retry-after': '2',
  });
}

export async function getBlob(services: Services, req: IncomingMessage, res: ServerResponse, sha: string) {
  const principal = await bearer(services, req);
  const [viewer, settings, owners] = await Promise.all([
    viewerOf(services, principal),
    getSettings(services.db),
    blobOwners(services.db, sha),
  ]);
  const scope = viewer.role === 'admin' ? null : [...viewer.accountIds];
  const visible = (chats: ChatRow[]) => chats.filter(c => canSeeChat(viewer, c, settings));
  const inOwners = scope ? owners.filter(id => scope.includes(id)) : owners;
  const owned = visible(await chatsWithMedia(services.db, sha, inOwners));
  const blob = owned.length > 0 ? await blobBySha(services.db, sha) : undefined;
  // Null when the store lost it (or never had it): the host is then asked again.
  const size = blob ? await services.blobs.size(sha) : null;
  const bytes = blob && size !== null ? await services.blobs.read(sha) : null;
  if (blob && size !== null && bytes) {
    res.writeHead(200, {
      ...blobHeaders(blob.mimeType),
      'content-length': String(size),
      'cache-control': 'private, max-age=31536000, immutable',
    });
    return pipeline(bytes, res);
  }
  // Not uploaded for an account the viewer sees (or lost): ask a host of one that has it.
  const chat = owned[0] ?? visible(await chatsWithMedia(services.db, sha, scope))[0];
  // Unknown media and media of chats one may not see answer the same.
  if (!chat) throw new CommandError('not_found', 'no such media');
  return requestUpload(services, res, sha, chat);
}
