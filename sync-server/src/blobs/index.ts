/** The media store the configuration asks for. */
import { folderBlobStore } from './folder-store';
import type { S3BlobStoreConfig } from './s3-store';
import { s3BlobStore } from './s3-store';
import type { BlobStore } from './store';

export type BlobStoreConfig = { readonly kind: 'folder' } | ({ readonly kind: 's3' } & S3BlobStoreConfig);

export function openBlobStore(cfg: BlobStoreConfig, blobDir: string): BlobStore & { close(): void } {
  return cfg.kind === 's3' ? s3BlobStore(cfg) : { ...folderBlobStore(blobDir), close: () => {} };
}
export type { BlobStore } from './store';
export { blobPath } from './folder-store';
