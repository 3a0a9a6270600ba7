/**
 * Files a browser attaches on the headless host: `PUT /api/files/<sha256>` with the bridge's
 * token (`Authorization: Bearer …`), the file's bytes as the body. Streamed to a temporary
 * file in the data folder, hashed on the way, kept as media/uploads/<sha256> when the hash
 * matches; `messages:send` then names it by `uploadId` and the core moves it into the outbox.
 * Every failure is answered with a code (JSON `{ ok: false, error: { code } }`) and the
 * temporary file removed; nothing a page sends can stop the host.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { MAX_ATTACHMENT_FILE_BYTES } from '../../common/api/attachment-limits';
import { HOST_UPLOAD_PATH } from '../../common/ipc';
import type { Logger } from '../platform/log';
import { isLoopbackHost, tokenMatches } from './bridge-auth';

/** Uploads at once: more waits for one to end (a page sends one file at a time). */
const MAX_CONCURRENT = 4;
/** Uploaded files never sent are removed after a day. */
const STALE_MS = 24 * 60 * 60_000;

export type UploadsOptions = {
  readonly token: string;
  /** media/uploads in the data folder, shared with the core. */
  readonly dir: string;
  readonly log: Logger;
  readonly maxBytes?: number;
};

type Outcome = { status: number; body: unknown };

const refuse = (status: number, code: string): Outcome => ({ status, body: { ok: false, error: { code } } });

function answer(res: ServerResponse, { status, body }: Outcome): void {
  if (res.headersSent || res.destroyed) return;
  // The connection closes after a refusal: the rest of a refused body is not read.
  res
    .writeHead(status, {
      'content-type': 'application/json',
      'cache-control': 'no-store',
      ...(status >= 400 ? { connection: 'close' } : {}),
    })
    .end(JSON.stringify(body));
}

const bearer = (req: IncomingMessage): string | null => {
  const h = req.headers.authorization ?? '';
  return h.startsWith('Bearer ') ? h.slice(7) : null;
};

export function createUploads(options: UploadsOptions) {
  const max = options.maxBytes ?? MAX_ATTACHMENT_FILE_BYTES;
  let running = 0;

  /** Writes the body to `temp` while hashing; resolves with the byte count and digest. */
  function receive(req: IncomingMessage, temp: string, declared: number): Promise<Outcome | { sha256: string }> {
    return new Promise(resolve => {
      const hash = createHash('sha256');
      const out = createWriteStream(temp);
      let seen = 0;
      let done = false;
      const finish = (o: Outcome | { sha256: string }) => {
        if (done) return;
        done = true;
        resolve(o);
      };
      const fail = (o: Outcome) => {
        out.destroy();
        req.unpipe(out);
        finish(o);
      };
      req.on('data', (chunk: Buffer) => {
        seen += chunk.length;
        if (seen > declared) fail(refuse(400, 'length_mismatch'));
        else hash.update(chunk);
      });
      req.on('close', () => {
        if (!req.complete) fail(refuse(400, 'aborted'));
      });
      req.on('error', () => fail(refuse(400, 'aborted')));
      out.on('error', () => fail(refuse(507, 'disk_error')));
      out.on('finish', () => {
        if (seen !== declared) finish(refuse(400, 'length_mismatch'));
        else finish({ sha256: hash.digest('hex') });
      });
      req.pipe(out);
    });
  }

  async function accept(req: IncomingMessage, sha256: string): Promise<Outcome> {
    const length = Number(req.headers['content-length']);
    if (req.headers['content-length'] === undefined || !Number.isSafeInteger(length) || length < 0)
      return refuse(411, 'length_required');
    if (length === 0) return refuse(400, 'empty');
    if (length > max) return refuse(413, 'too_large');
    if (running >= MAX_CONCURRENT) return refuse(429, 'busy');
    running++;
    const temp = join(options.dir, `.${randomUUID()}.part`);
    try {
      await mkdir(options.dir, { recursive: true });
      const got = await receive(req, temp, length);
      if ('status' in got) return got;
      if (got.sha256 !== sha256) return refuse(400, 'hash_mismatch');
      await rename(temp, join(options.dir, sha256));
      return { status: 201, body: { ok: true, value: { uploadId: sha256, size: length } } };
    } catch (err) {
      options.log.warn('upload failed', { err: String(err) });
      return refuse(507, 'disk_error');
    } finally {
      running--;
      await rm(temp, { force: true }).catch(() => undefined);
    }
  }

  return {
    /** True when the request was an upload (answered here), false to let the host serve it. */
    handle(req: IncomingMessage, res: ServerResponse): boolean {
      const url = req.url ?? '';
      if (!url.startsWith(`${HOST_UPLOAD_PATH}/`) && url !== HOST_UPLOAD_PATH) return false;
      const sha256 = /^\/api\/files\/([0-9a-f]{64})$/.exec(url)?.[1];
      if (!isLoopbackHost(req)) answer(res, refuse(403, 'bad_host'));
      else if (!tokenMatches(options.token, bearer(req))) answer(res, refuse(401, 'unauthenticated'));
      else if (req.method !== 'PUT') answer(res, refuse(405, 'method_not_allowed'));
      else if (!sha256) answer(res, refuse(404, 'not_found'));
      else {
        void accept(req, sha256).then(
          o => answer(res, o),
          () => answer(res, refuse(500, 'internal')),
        );
        return true;
      }
      req.resume();
      return true;
    },
    /** Removes uploads older than a day (picked, never sent) and half-written ones. */
    async sweep(now = Date.now()): Promise<void> {
      const names = await readdir(options.dir).catch(() => [] as string[]);
      for (const name of names) {
        const path = join(options.dir, name);
        const s = await stat(path).catch(() => null);
        if (s && now - s.mtimeMs > STALE_MS) await rm(path, { force: true }).catch(() => undefined);
      }
    },
  };
}
