/** The media store in a folder of this node (the default; one node, or a shared mount). */
import { createReadStream } from 'node:fs';
import { mkdir, rename, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { BlobStore } from './store';
import { blobKey } from './store';

export const blobPath = (blobDir: string, sha: string) => join(blobDir, ...blobKey(sha).split('/'));

export function folderBlobStore(blobDir: string): BlobStore {
  const sizeOf = async (sha: string) => {
    try {
      return (await stat(blobPath(blobDir, sha))).size;
    } catch {
      return null;
    }
  };
  return {
    kind: 'folder',
    async put(sha, verifiedFile) {
      const target = blobPath(blobDir, sha);
      await mkdir(dirname(target), { recursive: true });
      await rename(verifiedFile, target);
    },
    size: sizeOf,
    async read(sha) {
      // Checked first: a stream of a missing file fails only once piped.
      if ((await sizeOf(sha)) === null) return null;
      return createReadStream(blobPath(blobDir, sha));
    },
  };
}
