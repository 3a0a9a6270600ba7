/**
 * Media of a teammate's number: the file lives on the desktop that hosts the number, so
 * this desktop asks the workspace's blob store (`GET /api/blobs/<sha256>`). The first ask
 * of a file the server has no copy of yet answers 503 and makes the server ask the host to
 * upload it, so a 503 is retried for a few seconds. Fetched files are kept content-addressed
 * in the data folder and found again by their hash, without asking the server again.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { CommandError } from '../../common/result';
import { mediaPathOf, saveMedia } from '../platform/media-store';
import type { Logger } from '../platform/log';
import type { WorkspaceCredentials } from './media-upload';

export type WorkspaceMediaRef = { readonly sha256: string; readonly mimeType: string };

/** The local file of a teammate's media, fetched if needed; null when not signed in to a workspace. */
export type FetchFromWorkspace = (media: WorkspaceMediaRef) => Promise<string | null>;

export type MediaFetcherDeps = {
  readonly dataDir: string;
  readonly credentials: WorkspaceCredentials;
  readonly log: Logger;
  readonly fetchImpl?: typeof fetch;
  /** Waits between asks while the server answers 503; about 10 s in all by default. */
  readonly retryDelaysMs?: readonly number[];
};

const RETRY_DELAYS_MS = [500, 1_000, 2_000, 3_000, 3_500];
const FETCH_TIMEOUT_MS = 60_000;

export const HOST_NOT_SENDING =
  'The desktop that hosts this number has not sent the file yet: it may still be sending it, or it is offline. Try again in a moment.';

const sleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms));

export function createMediaFetcher(deps: MediaFetcherDeps): FetchFromWorkspace {
  const { log } = deps;
  const fetchImpl = deps.fetchImpl ?? fetch;
  const delays = deps.retryDelaysMs ?? RETRY_DELAYS_MS;
  // A conversation can show the same photo twice; one download serves both.
  const inFlight = new Map<string, Promise<string | null>>();

  async function ask(serverUrl: string, token: string, sha256: string): Promise<Response> {
    try {
      return await fetchImpl(new URL(`/api/blobs/${sha256}`, serverUrl), {
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      });
    } catch (err) {
      throw new CommandError(
        'unavailable',
        `Could not reach the workspace server for this media: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }

  async function download(media: WorkspaceMediaRef): Promise<string | null> {
    const target = await deps.credentials();
    if (!target) return null;
    for (let attempt = 0; ; attempt++) {
      const res = await ask(target.serverUrl, target.token, media.sha256);
      if (res.ok) {
        const bytes = new Uint8Array(await res.arrayBuffer());
        const got = createHash('sha256').update(bytes).digest('hex');
        if (got !== media.sha256) {
          log.error('workspace media does not match its hash', { expected: media.sha256, got });
          throw new CommandError('unavailable', 'The workspace server sent a damaged copy of this media.');
        }
        return saveMedia(deps.dataDir, bytes, media.mimeType).localPath;
      }
      await res.body?.cancel();
      if (res.status === 404)
        throw new CommandError('not_found', 'The workspace has no such media, or it is in a chat you may not see.');
      if (res.status === 401)
        throw new CommandError('unavailable', 'The workspace no longer accepts this device. Sign in again.');
      if (res.status !== 503)
        throw new CommandError('unavailable', `The workspace server could not send this media (HTTP ${res.status}).`);
      // 503: the server asked the host device to upload the file; give it a few seconds.
      const delay = delays[attempt];
      if (delay === undefined) {
        log.warn('media not uploaded by its host in time', { sha256: media.sha256 });
        throw new CommandError('unavailable', HOST_NOT_SENDING);
      }
      await sleep(delay);
    }
  }

  return async media => {
    const known = mediaPathOf(deps.dataDir, media.sha256, media.mimeType);
    if (existsSync(known)) return known;
    const running = inFlight.get(media.sha256);
    if (running) return running;
    const done = download(media).finally(() => inFlight.delete(media.sha256));
    inFlight.set(media.sha256, done);
    return done;
  };
}
