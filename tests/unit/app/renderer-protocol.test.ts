/**
 * The app:// handler that serves the built renderer to the desktop window: files, the SPA
 * fallback, and nothing from outside the bundle.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleRendererRequest } from '../../../main/app/renderer-protocol';

let dir: string;
let bundle: string;
const SECRET = 'root:x:0:0:secret';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'blazz-protocol-'));
  bundle = join(dir, 'renderer');
  mkdirSync(join(bundle, 'assets'), { recursive: true });
  writeFileSync(join(bundle, 'index.html'), '<!doctype html><title>shell</title>');
  writeFileSync(join(bundle, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), SECRET);
  writeFileSync(join(dir, 'secret'), SECRET);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Records every file the handler reads. */
function recordingRead() {
  const reads: string[] = [];
  const read = (file: string) => {
    reads.push(file);
    return readFile(file);
  };
  return { reads, read };
}

describe('app:// protocol', () => {
  it('serves files with their type and the CSP', async () => {
    const res = await handleRendererRequest(bundle, 'app://bundle/assets/app.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('Content-Security-Policy')).toContain("default-src 'self'");
    expect(await res.text()).toBe('console.log(1)');
  });

  it('answers client-side routes with index.html and missing assets with 404', async () => {
    const route = await handleRendererRequest(bundle, 'app://bundle/inbox/chat-1');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>shell</title>');
    expect((await handleRendererRequest(bundle, 'app://bundle/assets/gone.js')).status).toBe(404);
    expect((await handleRendererRequest(bundle, 'app://elsewhere/index.html')).status).toBe(404);
  });

  it('answers 404 when the renderer is not built, reading only inside the bundle (never an empty path)', async () => {
    rmSync(join(bundle, 'index.html'));
    const { reads, read } = recordingRead();
    const res = await handleRendererRequest(bundle, 'app://bundle/inbox', read);
    expect(res.status).toBe(404);
    expect(reads).toEqual([join(bundle, 'inbox'), join(bundle, 'index.html')]);
  });

  it('refuses encoded traversal and never serves a file outside the bundle', async () => {
    for (const url of [
      'app://bundle/..%2fsecret.txt',
      'app://bundle/..%2Fsecret',
      'app://bundle/%2e%2e%2fsecret',
      'app://bundle/assets/%2e%2e%5c%2e%2e%5csecret.txt',
      'app://bundle/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      'app://bundle/%E0%A4%A',
    ]) {
      const { reads, read } = recordingRead();
      const res = await handleRendererRequest(bundle, url, read);
      expect(res.status, url).toBe(400);
      expect(reads, url).toEqual([]);
    }
  });

  it('keeps literal ../ inside the bundle (the URL is normalised before any file is read)', async () => {
    for (const url of [
      'app://bundle/../secret.txt',
      'app://bundle/%2e%2e/secret',
      'app://bundle/assets/../../../etc/passwd',
    ]) {
      const { reads, read } = recordingRead();
      const res = await handleRendererRequest(bundle, url, read);
      expect(await res.text(), url).not.toContain(SECRET);
      for (const file of reads) expect(file.startsWith(bundle + '/'), `${url} read ${file}`).toBe(true);
    }
  });
});
