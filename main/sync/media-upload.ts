/**
 * The host device's media duty (docs/protocol.md "Host device duties"): when a teammate
 * opens a photo or file of a number hosted here and the workspace server has no copy yet,
 * the server sends `media:requested`; this desktop finds the file (on disk, or downloaded
 * through the account) and uploads it with `PUT /api/blobs/<sha256>`.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { mediaRequestSchema } from '../../common/wire-schemas';
import type { Logger } from '../platform/log';
import { parseLive } from './facts';

export type MediaRequest = { readonly sha256: string; readonly accountId: string; readonly providerMessageId: string };

/** The local file behind a hosted account's message, downloading it first if needed; null when there is none. */
export type HostedMediaFile = (
  accountId: string,
  providerMessageId: string,
) => Promise<{ readonly path: string; readonly mimeType: string } | null>;

/** Where and as whom to call the workspace's HTTP API; null when signed out. */
export type WorkspaceCredentials = () => Promise<{ readonly serverUrl: string; readonly token: string } | null>;

export type MediaUploaderDeps = {
  readonly isHosted: (accountId: string) => boolean;
  readonly hostedFile: HostedMediaFile;
  readonly credentials: WorkspaceCredentials;
  readonly log: Logger;
  readonly fetchImpl?: typeof fetch;
};

const UPLOAD_TIMEOUT_MS = 120_000;

export function createMediaUploader(deps: MediaUploaderDeps) {
  const { log } = deps;
  const fetchImpl = deps.fetchImpl ?? fetch;
  // Several teammates opening the same photo make the server ask several times: one upload
  // per file at a time is enough, the others wait for it.
  const inFlight = new Map<string, Promise<boolean>>();

  async function upload(req: MediaRequest): Promise<boolean> {
    const file = await deps.hostedFile(req.accountId, req.providerMessageId);
    if (!file) {
      log.warn('requested media not found on this desktop', { ...req });
      return false;
    }
    const bytes = await readFile(file.path);
    const actual = createHash('sha256').update(bytes).digest('hex');
    // The server would refuse the bytes anyway; a mismatch means the message's media changed
    // (re-downloaded, or another file), and saying so here is clearer than an HTTP 400.
    if (actual !== req.sha256) {
      log.warn('requested media differs from the file on this desktop', { ...req, actual });
      return false;
    }
    const target = await deps.credentials();
    if (!target) return false;
    const res = await fetchImpl(new URL(`/api/blobs/${req.sha256}`, target.serverUrl), {
      method: 'PUT',
      headers: { authorization: `Bearer ${target.token}`, 'content-type': file.mimeType },
      body: bytes,
      signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
    });
    if (!res.ok) {
      const detail = await res.text().catch(() => '');
      log.warn('media upload refused by the workspace server', { ...req, status: res.status, detail });
      return false;
    }
    log.info('media uploaded to the workspace', { sha256: req.sha256, size: bytes.byteLength });
    return true;
  }

  /** Uploads one requested file; never throws (a failed upload only means the teammate asks again). */
  function requested(req: MediaRequest): Promise<boolean> {
    if (!deps.isHosted(req.accountId)) {
      log.warn('media requested for an account this desktop does not host', { ...req });
      return Promise.resolve(false);
    }
    const running = inFlight.get(req.sha256);
    if (running) return running;
    const done = upload(req)
      .catch((err: unknown) => {
        log.error('media upload failed', { ...req, err: err instanceof Error ? err.message : String(err) });
        return false;
      })
      .finally(() => inFlight.delete(req.sha256));
    inFlight.set(req.sha256, done);
    return done;
  }

  return {
    requested,
    /** A raw `media:requested` payload from the socket: parsed first, dropped if malformed. */
    received(raw: unknown): void {
      const req = parseLive(mediaRequestSchema, 'media:requested', raw, log);
      if (req) void requested(req);
    },
  };
}
