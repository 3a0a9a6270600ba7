import { describe, expect, it } from 'vitest';
import { blobHeaders, storableMimeType } from '../../../sync-server/src/http/blob-mime';

describe('the MIME type stored for an upload', () => {
  it('keeps allow-listed inert types, lower-cased', () => {
    expect(storableMimeType('image/png')).toBe('image/png');
    expect(storableMimeType('IMAGE/JPEG')).toBe('image/jpeg');
    expect(storableMimeType('application/pdf')).toBe('application/pdf');
    expect(storableMimeType('text/plain; charset=UTF-8')).toBe('text/plain; charset=utf-8');
  });

  it('turns active, unknown, malformed or decorated types into opaque bytes', () => {
    for (const header of [
      'text/html',
      'text/html; charset=utf-8',
      'image/svg+xml',
      'application/xhtml+xml',
      'application/xml',
      'text/xml',
      'application/javascript',
      'text/javascript',
      'application/x-shockwave-flash',
      'image/png; foo=bar',
      'image/png; charset=utf-8',
      'text/plain; charset=utf-8; boundary=x',
      'text/plain; charset="utf-8"',
      'image/png, text/html',
      'image/png\r\nx: y',
      'image',
      '/png',
      '',
      'image/' + 'p'.repeat(200),
      undefined,
      ['image/png'],
    ]) {
      expect(storableMimeType(header), String(header)).toBe('application/octet-stream');
    }
  });
});

describe('the headers a blob is served with', () => {
  it('shows inert media inline, but never lets the browser sniff or run it', () => {
    expect(blobHeaders('image/png')).toEqual({
      'content-type': 'image/png',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "sandbox; default-src 'none'",
      'content-disposition': 'inline',
    });
  });

  it('serves documents as attachments and rows stored before the allow-list as opaque bytes', () => {
    expect(blobHeaders('application/pdf')['content-disposition']).toBe('attachment');
    expect(blobHeaders('text/plain; charset=utf-8')).toMatchObject({
      'content-type': 'text/plain; charset=utf-8',
      'content-disposition': 'attachment',
    });
    expect(blobHeaders('text/html')).toMatchObject({
      'content-type': 'application/octet-stream',
      'content-disposition': 'attachment',
      'x-content-type-options': 'nosniff',
    });
  });
});
