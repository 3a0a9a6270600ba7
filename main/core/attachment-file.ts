/**
 * Where an attachment of `messages:send` comes from, turned into a file in the outbox's
 * content-addressed folder (media/outgoing/<sha256><ext>):
 * - `dataBase64`: a small file inside the command;
 * - `path` (Electron): the file the agent picked, read from disk by the core;
 * - `uploadId` (headless host): a file the browser uploaded to the host (main/host/uploads.ts),
 *   waiting in media/uploads/<sha256>.
 * Files are streamed and hashed, never held whole in memory; WhatsApp's limits apply.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { extname, isAbsolute, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { z } from 'zod';
import type { attachmentSchema } from '../../common/api/messages';
import { MAX_ATTACHMENT_FILE_BYTES } from '../../common/api/messages';
import { WHATSAPP_MEDIA_LIMITS, attachmentKindOf } from '../../common/providers';
import { CommandError } from '../../common/result';
import type { CallContext } from './router';

export type Attachment = z.infer<typeof attachmentSchema>;

/** A file in the outbox's folder, as an outgoing message refers to it. */
export type StoredFile = {
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
  readonly mimeType: string;
  readonly fileName: string | null;
};

/** Where the host leaves uploaded files for the core (both processes share the data folder). */
export const uploadsDirOf = (mediaDir: string): string => join(mediaDir, 'uploads');

const extOf = (fileName: string): string =>
  extname(fileName)
    .replace(/[^.\w]/g, '')
    .slice(0, 10);

/** WhatsApp's limit for this type (16 MB media, 100 MB documents). */
function checkSize(size: number, mimeType: string): void {
  if (size === 0) throw new CommandError('invalid_args', 'attachment_empty');
  const max = Math.min(MAX_ATTACHMENT_FILE_BYTES, WHATSAPP_MEDIA_LIMITS[attachmentKindOf(mimeType)]);
  if (size > max) throw new CommandError('payload_too_large', 'media_too_large', { maxBytes: max });
}

/** A regular file's size, or a CommandError: missing, a folder, a device… are refused. */
async function regularFileSize(path: string): Promise<number> {
  const s = await stat(path).catch(() => null);
  if (!s) throw new CommandError('not_found', 'attachment_missing');
  if (!s.isFile()) throw new CommandError('invalid_args', 'attachment_not_a_file');
  return s.size;
}

export function createAttachmentFiles(mediaDir: string) {
  const outgoing = join(mediaDir, 'outgoing');
  const target = (sha256: string, fileName: string) => join(outgoing, `${sha256}${extOf(fileName)}`);

  /** Copies a file into the outbox's folder while hashing it (one read, bounded memory). */
  async function copyHashed(path: string, a: Attachment, size: number): Promise<StoredFile> {
    await mkdir(outgoing, { recursive: true });
    const temp = join(outgoing, `.${randomUUID()}.part`);
    const hash = createHash('sha256');
    let seen = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        seen += chunk.length;
        // The file grew after it was measured: stop rather than send more than was checked.
        if (seen > size) done(new CommandError('payload_too_large', 'attachment_changed'));
        else {
          hash.update(chunk);
          done(null, chunk);
        }
      },
    });
    try {
      await pipeline(createReadStream(path), tap, createWriteStream(temp));
    } catch (err) {
      await rm(temp, { force: true });
      if (err instanceof CommandError) throw err;
      throw new CommandError('not_found', 'attachment_unreadable');
    }
    const sha256 = hash.digest('hex');
    const dest = target(sha256, a.fileName);
    await rename(temp, dest);
    return { path: dest, size: seen, sha256, mimeType: a.mimeType, fileName: a.fileName };
  }

  async function fromBase64(a: Attachment, data: string): Promise<StoredFile> {
    const bytes = Buffer.from(data, 'base64');
    checkSize(bytes.length, a.mimeType);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await mkdir(outgoing, { recursive: true });
    const dest = target(sha256, a.fileName);
    await writeFile(dest, bytes);
    return { path: dest, size: bytes.length, sha256, mimeType: a.mimeType, fileName: a.fileName };
  }

  async function fromUpload(a: Attachment, uploadId: string): Promise<StoredFile> {
    const dest = target(uploadId, a.fileName);
    const uploaded = join(uploadsDirOf(mediaDir), uploadId);
    const stored = (size: number): StoredFile => ({
      path: dest,
      size,
      sha256: uploadId,
      mimeType: a.mimeType,
      fileName: a.fileName,
    });
    if (!(await stat(uploaded).catch(() => null))) {
      // The same send again (a retry after a lost answer): the upload already moved here.
      const moved = await stat(dest).catch(() => null);
      if (moved?.isFile()) return stored(moved.size);
    }
    // The host checked the hash when it stored the upload; its name is the hash.
    const size = await regularFileSize(uploaded);
    checkSize(size, a.mimeType);
    await mkdir(outgoing, { recursive: true });
    await rename(uploaded, dest);
    return stored(size);
  }

  async function fromPath(a: Attachment, path: string, ctx: CallContext): Promise<StoredFile> {
    // A browser on the host must not name files on the host's disk: only Electron's own
    // window (whose path came from the file the user picked) and the core itself may.
    if (ctx.transport === 'host') throw new CommandError('forbidden', 'attachment_path_not_allowed');
    if (!isAbsolute(path)) throw new CommandError('invalid_args', 'attachment_path_not_absolute');
    const size = await regularFileSize(path);
    checkSize(size, a.mimeType);
    return copyHashed(path, a, size);
  }

  return {
    /** The attachment as a file of the outbox; CommandError codes tell the renderer why not. */
    async store(a: Attachment, ctx: CallContext): Promise<StoredFile> {
      if (a.dataBase64 !== undefined) return fromBase64(a, a.dataBase64);
      if (a.uploadId !== undefined) return fromUpload(a, a.uploadId);
      if (a.path !== undefined) return fromPath(a, a.path, ctx);
      throw new CommandError('invalid_args', 'attachment_without_source');
    },
  };
}
export type AttachmentFiles = ReturnType<typeof createAttachmentFiles>;
