/**
 * Where the workspace keeps media bytes, content-addressed by sha-256 (ARCHITECTURE §13):
 * a folder on this node, or an S3-compatible bucket that several server nodes share. The
 * HTTP layer verifies every upload into a local temporary file first; a store only moves
 * verified bytes into place and hands them back.
 */
import type { Readable } from 'node:stream';

export type BlobStore = {
  readonly kind: 'folder' | 's3';
  /** Moves a verified file into the store under its hash (the file is gone afterwards). Storing twice is harmless. */
  put(sha: string, verifiedFile: string, size: number, mimeType: string): Promise<void>;
  /** The stored size in bytes, or null when this store has no such blob. */
  size(sha: string): Promise<number | null>;
  /** The bytes, or null when this store has no such blob. */
  read(sha: string): Promise<Readable | null>;
};

/** Two levels of fan-out keep folders (and bucket listings) small: ab/cd/abcd…. */
export const blobKey = (sha: string): string => `${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`;
