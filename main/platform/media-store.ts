/**
 * Media files of every account, stored content-addressed under the data folder: the same
 * photo forwarded to ten chats is one file. Paths are derived from the hash only, so a
 * sender-chosen file name can never escape the folder.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const extensions: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'video/mp4': 'mp4',
  'audio/ogg': 'ogg',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/wav': 'wav',
  'application/pdf': 'pdf',
};

export const extensionOf = (mimeType: string): string => extensions[mimeType.split(';')[0]?.trim() ?? ''] ?? 'bin';

export type StoredMedia = { readonly sha256: string; readonly localPath: string; readonly size: number };

export function mediaDirOf(dataDir: string): string {
  return join(dataDir, 'media');
}

/** Where saveMedia keeps the bytes with this hash and type: media is found again by its hash. */
export function mediaPathOf(dataDir: string, sha256: string, mimeType: string): string {
  return join(mediaDirOf(dataDir), sha256.slice(0, 2), `${sha256}.${extensionOf(mimeType)}`);
}

export function saveMedia(dataDir: string, bytes: Uint8Array, mimeType: string): StoredMedia {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const localPath = mediaPathOf(dataDir, sha256, mimeType);
  const dir = dirname(localPath);
  if (!existsSync(localPath)) {
    mkdirSync(dir, { recursive: true });
    // Write then rename: a crash mid-write never leaves a truncated file under the final name.
    const tmp = `${localPath}.${process.pid}.tmp`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, localPath);
  }
  return { sha256, localPath, size: bytes.byteLength };
}
