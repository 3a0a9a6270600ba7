import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAttachmentFiles, uploadsDirOf } from '../../../main/core/attachment-file';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'blazz-attach-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const electron = { transport: 'electron' } as const;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const base = { fileName: 'report.pdf', mimeType: 'application/pdf', voice: false };

describe('attachment files (messages:send)', () => {
  it('copies a picked file by path into the outbox, named by its hash', async () => {
    const bytes = Buffer.alloc(3 * 1024 * 1024, 9);
    const src = join(dir, 'report.pdf');
    writeFileSync(src, bytes);
    const stored = await createAttachmentFiles(join(dir, 'media')).store({ ...base, path: src }, electron);
    expect(stored).toMatchObject({ size: bytes.length, sha256: sha(bytes), fileName: 'report.pdf' });
    expect(stored.path).toBe(join(dir, 'media', 'outgoing', `${sha(bytes)}.pdf`));
    expect(readFileSync(stored.path).equals(bytes)).toBe(true);
  });

  it('refuses a missing path, a folder, a relative path and a file over WhatsApp’s limit', async () => {
    const files = createAttachmentFiles(join(dir, 'media'));
    await expect(files.store({ ...base, path: join(dir, 'nope') }, electron)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(files.store({ ...base, path: dir }, electron)).rejects.toMatchObject({
      message: 'attachment_not_a_file',
    });
    await expect(files.store({ ...base, path: 'report.pdf' }, electron)).rejects.toMatchObject({
      message: 'attachment_path_not_absolute',
    });
    const big = join(dir, 'big.jpg');
    writeFileSync(big, '');
    truncateSync(big, 17 * 1024 * 1024); // an image: 16 MB is WhatsApp's limit
    await expect(
      files.store({ fileName: 'big.jpg', mimeType: 'image/jpeg', voice: false, path: big }, electron),
    ).rejects.toMatchObject({ code: 'payload_too_large', details: { maxBytes: 16 * 1024 * 1024 } });
    // The same size as a document is fine (100 MB).
    await expect(
      files.store({ fileName: 'big.bin', mimeType: 'application/octet-stream', voice: false, path: big }, electron),
    ).resolves.toMatchObject({ size: 17 * 1024 * 1024 });
  });

  it('moves a host upload into the outbox, and answers the same file for a repeated send', async () => {
    const media = join(dir, 'media');
    const bytes = Buffer.from('voice bytes');
    const id = sha(bytes);
    mkdirSync(uploadsDirOf(media), { recursive: true });
    writeFileSync(join(uploadsDirOf(media), id), bytes);
    const files = createAttachmentFiles(media);
    const a = { fileName: 'voice.ogg', mimeType: 'audio/ogg', voice: true, uploadId: id };
    const first = await files.store(a, { transport: 'host' });
    expect(first).toMatchObject({ sha256: id, size: bytes.length });
    await expect(files.store(a, { transport: 'host' })).resolves.toEqual(first);
    await expect(files.store({ ...a, uploadId: 'b'.repeat(64) }, { transport: 'host' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('stores small inline files too', async () => {
    const bytes = Buffer.from('tiny');
    const stored = await createAttachmentFiles(join(dir, 'media')).store(
      { ...base, dataBase64: bytes.toString('base64') },
      { transport: 'host' },
    );
    expect(readFileSync(stored.path).toString()).toBe('tiny');
  });
});
