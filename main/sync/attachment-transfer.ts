/**
 * Attachments on numbers hosted elsewhere, both ends (docs/protocol.md, message:send):
 * - the sender's desktop uploads the file to the workspace (`PUT /api/uploads/<sha256>`)
 *   before it sends `message:send` with the attachment's reference;
 * - the host's desktop downloads a relayed send's file (`GET /api/sends/<id>/attachment`)
 *   into its content-addressed media folder and sends it through its own provider.
 * Files stream from disk on upload; a download is checked against its sha-256.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { WireAttachment } from '../../common/protocol';
import { CommandError } from '../../common/result';
import { saveMedia } from '../platform/media-store';
import type { Logger } from '../platform/log';
import type { WorkspaceCredentials } from './media-upload';

export type LocalFile = { readonly path: string; readonly sha256: string; readonly mimeType: string };

/** Refused for good (too large, a type not sent, …): the message fails; anything else is retried. */
export type UploadOutcome = { ok: true } | { ok: false; permanent: boolean; error: string };

export type AttachmentTransferDeps = {
  readonly dataDir: string;
  readonly credentials: WorkspaceCredentials;
  readonly log: Logger;
  readonly fetchImpl?: typeof fetch;
};

const TIMEOUT_MS = 10 * 60_000;

async function errorCodeOf(res: Response): Promise<string> {
  const body: unknown = await res.json().catch(() => null);
  const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : null;
  const message = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : null;
  return typeof message === 'string' ? message.slice(0, 200) : `http_${res.status}`;
}

export function createAttachmentTransfer(deps: AttachmentTransferDeps) {
  const fetchImpl = deps.fetchImpl ?? fetch;

  async function upload(file: LocalFile): Promise<UploadOutcome> {
    const target = await deps.credentials();
    if (!target) return { ok: false, permanent: false, error: 'signed_out' };
    const size = (await stat(file.path)).size;
    const res = await fetchImpl(new URL(`/api/uploads/${file.sha256}`, target.serverUrl), {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${target.token}`,
        'content-type': file.mimeType,
        'content-length': String(size),
      },
      // Streamed from disk: a 100 MB document is never held in memory.
      body: Readable.toWeb(createReadStream(file.path)) as ReadableStream<Uint8Array>,
      duplex: 'half',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    } as RequestInit);
    if (res.ok) {
      await res.body?.cancel();
      return { ok: true };
    }
    const error = await errorCodeOf(res);
    deps.log.warn('attachment upload refused by the workspace server', {
      sha256: file.sha256,
      status: res.status,
      error,
    });
    // 4xx: the server will refuse this file again; 401 and 5xx may pass later.
    return { ok: false, permanent: res.status >= 400 && res.status < 500 && res.status !== 401, error };
  }

  /** The relayed send's file, in this desktop's media folder; throws when it cannot be had now. */
  async function download(clientMessageId: string, a: WireAttachment): Promise<string> {
    const target = await deps.credentials();
    if (!target) throw new CommandError('unavailable', 'not signed in to the workspace');
    const res = await fetchImpl(new URL(`/api/sends/${clientMessageId}/attachment`, target.serverUrl), {
      headers: { authorization: `Bearer ${target.token}` },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!res.ok) {
      await res.body?.cancel();
      throw new CommandError('unavailable', `the workspace server did not send the attachment (HTTP ${res.status})`);
    }
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (createHash('sha256').update(bytes).digest('hex') !== a.sha256)
      throw new CommandError('unavailable', 'the workspace server sent a damaged attachment');
    return saveMedia(deps.dataDir, bytes, a.mimeType).localPath;
  }

  return { upload, download };
}
export type AttachmentTransfer = ReturnType<typeof createAttachmentTransfer>;

/** The outbox's stored file of a message going to a number hosted elsewhere. */
export type OutgoingMedia = {
  readonly localPath: string | null;
  readonly sha256: string | null;
  readonly mimeType: string;
  readonly fileName: string | null;
  readonly size: number | null;
};

/**
 * Uploads an outgoing message's file and answers its reference for message:send, or why the
 * message fails for good. Throws when it may pass later (offline, server busy): the outbox
 * then hands the message over again when the link is back.
 */
export async function attachmentForRelay(
  transfer: AttachmentTransfer | null,
  media: OutgoingMedia,
): Promise<{ attachment: WireAttachment } | { failed: string }> {
  // Codes, not sentences: the reason is stored with the failed message and shown translated.
  if (!transfer) return { failed: 'no_media_service' };
  if (!media.localPath || !media.sha256 || media.size === null) return { failed: 'file_missing' };
  const file = { path: media.localPath, sha256: media.sha256, mimeType: media.mimeType };
  const uploaded = await transfer.upload(file);
  if (!uploaded.ok && uploaded.permanent) return { failed: uploaded.error };
  if (!uploaded.ok) throw new CommandError('unavailable', uploaded.error);
  return {
    attachment: { sha256: media.sha256, mimeType: media.mimeType, fileName: media.fileName, size: media.size },
  };
}

/** Refusals of message:send that a retry would meet again: the message fails instead. */
export const PERMANENT_SEND_ERRORS: ReadonlySet<string> = new Set([
  'payload_too_large',
  'invalid_args',
  'not_found',
  'forbidden',
]);
