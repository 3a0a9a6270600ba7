/**
 * The desktop's media exchange with the workspace's blob store, with fetch answered in the
 * test: the host uploads only bytes whose hash matches, once per file at a time; a teammate
 * retries while the server waits for the host, and keeps what it fetched.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CommandError } from '../../../common/result';
import type { Logger } from '../../../main/platform/log';
import { HOST_NOT_SENDING, createMediaFetcher } from '../../../main/sync/media-fetch';
import { createMediaUploader } from '../../../main/sync/media-upload';

const SERVER = 'http://workspace.test';
const credentials = async () => ({ serverUrl: SERVER, token: 'device-token-0123456789' });
const shaOf = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const BYTES = Buffer.from('a photo of a parcel');
const SHA = shaOf(BYTES);

type Call = { url: string; method: string; headers: Headers; body: Uint8Array | null };

/** A fetch that records each call and answers with the next of `answers` (the last repeats). */
function scriptedFetch(answers: Array<() => Response | Promise<Response>>) {
  const calls: Call[] = [];
  const impl: typeof fetch = async (input, init) => {
    calls.push({
      url: String(input),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: init?.body instanceof Uint8Array ? init.body : null,
    });
    const answer = answers[Math.min(calls.length - 1, answers.length - 1)];
    return answer ? answer() : new Response(null, { status: 500 });
  };
  return { impl, calls };
}

function recordingLog() {
  const lines: { level: string; msg: string }[] = [];
  const log: Logger = {
    info: msg => void lines.push({ level: 'info', msg }),
    warn: msg => void lines.push({ level: 'warn', msg }),
    error: msg => void lines.push({ level: 'error', msg }),
  };
  return { log, lines };
}

const dirs: string[] = [];
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'blazz-media-unit-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('host: media:requested', () => {
  function uploader(file: string | null, answers: Array<() => Response | Promise<Response>>) {
    const fetch = scriptedFetch(answers);
    const { log, lines } = recordingLog();
    const up = createMediaUploader({
      isHosted: id => id === 'acc-1',
      hostedFile: async () => (file ? { path: file, mimeType: 'image/jpeg' } : null),
      credentials,
      log,
      fetchImpl: fetch.impl,
    });
    return { up, calls: fetch.calls, lines };
  }
  const req = { sha256: SHA, accountId: 'acc-1', providerMessageId: 'pm-1' };

  it('uploads the bytes with the token and the content type', async () => {
    const file = join(tmp(), 'photo.jpg');
    writeFileSync(file, BYTES);
    const { up, calls } = uploader(file, [() => new Response('{"ok":true}', { status: 201 })]);
    expect(await up.requested(req)).toBe(true);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(`${SERVER}/api/blobs/${SHA}`);
    expect(calls[0]!.method).toBe('PUT');
    expect(calls[0]!.headers.get('authorization')).toBe('Bearer device-token-0123456789');
    expect(calls[0]!.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(calls[0]!.body!).equals(BYTES)).toBe(true);
  });

  it('does not upload a file whose sha-256 differs from the requested one', async () => {
    const file = join(tmp(), 'photo.jpg');
    writeFileSync(file, Buffer.from('another picture'));
    const { up, calls, lines } = uploader(file, [() => new Response(null, { status: 201 })]);
    expect(await up.requested(req)).toBe(false);
    expect(calls).toHaveLength(0);
    expect(lines).toContainEqual({ level: 'warn', msg: 'requested media differs from the file on this desktop' });
  });

  it('uploads once while the same file is asked for again, and again once that upload is done', async () => {
    const file = join(tmp(), 'photo.jpg');
    writeFileSync(file, BYTES);
    let release: () => void = () => undefined;
    const gate = new Promise<void>(r => (release = r));
    const { up, calls } = uploader(file, [
      async () => {
        await gate;
        return new Response(null, { status: 201 });
      },
      () => new Response(null, { status: 201 }),
    ]);
    const first = up.requested(req);
    const second = up.requested({ ...req, providerMessageId: 'pm-2' });
    await new Promise(r => setTimeout(r, 20));
    release();
    expect(await Promise.all([first, second])).toEqual([true, true]);
    expect(calls).toHaveLength(1);
    expect(await up.requested(req)).toBe(true);
    expect(calls).toHaveLength(2);
  });

  it('ignores accounts it does not host and malformed requests, and survives a refused upload', async () => {
    const file = join(tmp(), 'photo.jpg');
    writeFileSync(file, BYTES);
    const { up, calls, lines } = uploader(file, [() => new Response('too large', { status: 413 })]);
    expect(await up.requested({ ...req, accountId: 'acc-elsewhere' })).toBe(false);
    up.received({ sha256: 'not-a-hash', accountId: 'acc-1', providerMessageId: 'pm-1' });
    expect(calls).toHaveLength(0);
    expect(lines.map(l => l.msg)).toContain('malformed workspace event dropped');
    expect(await up.requested(req)).toBe(false);
    expect(lines).toContainEqual({ level: 'warn', msg: 'media upload refused by the workspace server' });
  });
});

describe('teammate: fetching from the workspace', () => {
  function fetcher(answers: Array<() => Response | Promise<Response>>, signedIn = true) {
    const fetch = scriptedFetch(answers);
    const dataDir = tmp();
    const get = createMediaFetcher({
      dataDir,
      credentials: signedIn ? credentials : async () => null,
      log: recordingLog().log,
      fetchImpl: fetch.impl,
      retryDelaysMs: [5, 5, 5],
    });
    return { get, calls: fetch.calls };
  }
  const ref = { sha256: SHA, mimeType: 'image/jpeg' };
  const photo = () => new Response(BYTES, { status: 200, headers: { 'content-type': 'image/jpeg' } });
  const waiting = () => new Response('{"ok":false}', { status: 503 });

  it('retries while the host uploads, then keeps the file and does not ask again', async () => {
    const { get, calls } = fetcher([waiting, waiting, photo]);
    const path = await get(ref);
    expect(path).toMatch(new RegExp(`${SHA}\\.jpg$`));
    expect(calls).toHaveLength(3);
    expect(calls[0]!.headers.get('authorization')).toBe('Bearer device-token-0123456789');
    expect(await get(ref)).toBe(path);
    expect(calls).toHaveLength(3);
  });

  it('gives up with a clear unavailable when the host never sends the file', async () => {
    const { get, calls } = fetcher([waiting]);
    await expect(get(ref)).rejects.toEqual(new CommandError('unavailable', HOST_NOT_SENDING));
    expect(calls).toHaveLength(4);
  });

  it('answers not_found for unknown media, a damaged copy as unavailable, and null when signed out', async () => {
    await expect(fetcher([() => new Response(null, { status: 404 })]).get(ref)).rejects.toMatchObject({
      code: 'not_found',
    });
    const damaged = () => new Response(Buffer.from('not the photo'), { status: 200 });
    await expect(fetcher([damaged]).get(ref)).rejects.toMatchObject({ code: 'unavailable' });
    const signedOut = fetcher([photo], false);
    expect(await signedOut.get(ref)).toBeNull();
    expect(signedOut.calls).toHaveLength(0);
  });
});
