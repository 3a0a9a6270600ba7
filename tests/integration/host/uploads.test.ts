import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHost } from '../../helpers/host';
import { connectBridge, invoke, startTestHost } from '../../helpers/host';

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(async () => {
  await host.stop();
});

type Res = { status: number; body: unknown };
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const uploadsDir = () => join(host.dataDir, 'media', 'uploads');

/** A raw PUT, so headers a browser would never send can be tried too. */
function put(path: string, body: Buffer | null, headers: Record<string, string>): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, method: 'PUT', path, headers }, res => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) }));
    });
    req.on('error', reject);
    req.end(body ?? undefined);
  });
}
const auth = () => ({ authorization: `Bearer ${host.token}` });

describe('host uploads (PUT /api/files/<sha256>)', () => {
  it('stores a 2 MB file under its hash, checked while it streams', async () => {
    const file = Buffer.alloc(2 * 1024 * 1024, 7);
    const id = sha(file);
    const r = await put(`/api/files/${id}`, file, { ...auth(), 'content-length': String(file.length) });
    expect(r).toEqual({ status: 201, body: { ok: true, value: { uploadId: id, size: file.length } } });
    expect(existsSync(join(uploadsDir(), id))).toBe(true);
  });

  it('refuses a wrong token, a foreign Host header, a bad hash, no length and an oversized file', async () => {
    const file = Buffer.from('hello');
    const id = sha(file);
    const len = { 'content-length': '5' };
    const codeOf = (r: Res) => [(r.body as { error: { code: string } }).error.code, r.status];
    expect(codeOf(await put(`/api/files/${id}`, file, { authorization: 'Bearer nope', ...len }))).toEqual([
      'unauthenticated',
      401,
    ]);
    expect(codeOf(await put(`/api/files/${id}`, file, { ...auth(), ...len, host: 'evil.example' }))).toEqual([
      'bad_host',
      403,
    ]);
    expect(codeOf(await put(`/api/files/${'0'.repeat(64)}`, file, { ...auth(), ...len }))).toEqual([
      'hash_mismatch',
      400,
    ]);
    expect(codeOf(await put(`/api/files/${id}`, file, { ...auth(), 'transfer-encoding': 'chunked' }))).toEqual([
      'length_required',
      411,
    ]);
    expect(
      codeOf(await put(`/api/files/${id}`, null, { ...auth(), 'content-length': String(101 * 1024 * 1024) })),
    ).toEqual(['too_large', 413]);
    expect(codeOf(await put('/api/files/../../etc', file, { ...auth(), ...len }))).toEqual(['not_found', 404]);
    expect(existsSync(join(uploadsDir(), '0'.repeat(64)))).toBe(false);
  });

  it('survives an upload cut off half-way and leaves no partial file', async () => {
    const req = request({
      host: '127.0.0.1',
      port: host.port,
      method: 'PUT',
      path: `/api/files/${'a'.repeat(64)}`,
      headers: { ...auth(), 'content-length': String(4 * 1024 * 1024) },
    });
    req.on('error', () => undefined);
    req.write(Buffer.alloc(256 * 1024, 1));
    await new Promise(r => setTimeout(r, 200));
    req.destroy();
    await new Promise(r => setTimeout(r, 300));
    expect(readdirSync(uploadsDir()).filter(n => n.endsWith('.part'))).toEqual([]);
    const health = await fetch(`http://127.0.0.1:${host.port}/healthz`);
    expect(health.status).toBe(200);
  });

  it('lets a browser send an upload by its id, but never a path on the host', async () => {
    const socket = await connectBridge(host.port, host.token);
    const byPath = await invoke(socket, 'messages:send', {
      chatId: 'acc:123456@c.us',
      text: '',
      attachment: { fileName: 'passwd', mimeType: 'text/plain', path: '/etc/passwd' },
    });
    expect(byPath).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'attachment_path_not_allowed' } });
    const both = await invoke(socket, 'messages:send', {
      chatId: 'acc:123456@c.us',
      text: '',
      attachment: { fileName: 'x', mimeType: 'text/plain', path: '/etc/passwd', uploadId: 'a'.repeat(64) },
    });
    expect(both).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    socket.close();
  });
});
