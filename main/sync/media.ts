/**
 * Media through the workspace, both ways: uploads of hosted accounts' files when the server
 * asks (media-upload.ts) and downloads of teammates' media (media-fetch.ts). Both call the
 * server's HTTP API with this device's token.
 */
import type { Logger } from '../platform/log';
import type { AttachmentTransfer } from './attachment-transfer';
import { createAttachmentTransfer } from './attachment-transfer';
import type { FetchFromWorkspace } from './media-fetch';
import { createMediaFetcher } from './media-fetch';
import type { HostedMediaFile, WorkspaceCredentials } from './media-upload';
import { createMediaUploader } from './media-upload';

export type WorkspaceMediaPort = {
  /** The file behind a message of an account hosted here, for uploads. */
  readonly hostedFile: HostedMediaFile;
  /** The app's data folder: teammates' media is kept content-addressed in its media folder. */
  readonly dataDir: string;
};

export type WorkspaceMediaDeps = {
  /** Absent in sync-only setups (tests): nothing is uploaded and nothing fetched. */
  readonly media?: WorkspaceMediaPort;
  readonly isHosted: (accountId: string) => boolean;
  readonly serverUrl: () => string | null;
  readonly token: () => Promise<string | null>;
  readonly log: Logger;
  readonly fetchImpl?: typeof fetch;
};

export function createWorkspaceMedia(deps: WorkspaceMediaDeps): {
  /** A raw `media:requested` from the socket. */
  received(raw: unknown): void;
  fetch: FetchFromWorkspace;
  /** Attachments of messages on numbers hosted elsewhere (attachment-transfer.ts); null without media. */
  attachments: AttachmentTransfer | null;
} {
  const { media, log } = deps;
  if (!media) return { received: () => undefined, fetch: async () => null, attachments: null };
  const credentials: WorkspaceCredentials = async () => {
    const [serverUrl, token] = [deps.serverUrl(), await deps.token()];
    return serverUrl && token ? { serverUrl, token } : null;
  };
  const http = { credentials, log, ...(deps.fetchImpl ? { fetchImpl: deps.fetchImpl } : {}) };
  const uploader = createMediaUploader({ ...http, isHosted: deps.isHosted, hostedFile: media.hostedFile });
  return {
    received: uploader.received,
    fetch: createMediaFetcher({ ...http, dataDir: media.dataDir }),
    attachments: createAttachmentTransfer({ ...http, dataDir: media.dataDir }),
  };
}
