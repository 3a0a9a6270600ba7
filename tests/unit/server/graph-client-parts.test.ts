import { describe, expect, it } from 'vitest';
import { CLOUD_MEDIA_LIMITS } from '../../../common/cloud-api';
import { mapGraphError, mediaKindOf, normaliseTo, uploadLimit } from '../../../sync-server/src/cloud-api/graph';
import { parseRetryAfter } from '../../../sync-server/src/cloud-api/graph/http';

describe('Graph client parts', () => {
  it('reads Retry-After as seconds or as an HTTP date, and ignores nonsense', () => {
    const now = Date.UTC(2026, 11, 5, 11, 0, 0);
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Sat, 05 Dec 2026 11:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter('Sat, 05 Dec 2026 10:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  it('files MIME types under Meta’s kinds with their limits', () => {
    expect(mediaKindOf('image/jpeg')).toBe('image');
    expect(mediaKindOf('image/webp')).toBe('sticker');
    expect(mediaKindOf('audio/ogg; codecs=opus')).toBe('audio');
    expect(mediaKindOf('application/pdf')).toBe('document');
    expect(mediaKindOf('image/gif')).toBeNull();
    expect(uploadLimit('video/mp4')).toBe(CLOUD_MEDIA_LIMITS.video);
    expect(uploadLimit('application/zip')).toBeNull();
  });

  it('keeps only international numbers, without the plus', () => {
    expect(normaliseTo('+6281234567890')).toBe('6281234567890');
    expect(normaliseTo(' 15551234567 ')).toBe('15551234567');
    expect(normaliseTo('081234567')).toBeNull();
    expect(normaliseTo('62 812')).toBeNull();
  });

  it('maps an error body it cannot read by the HTTP status alone', () => {
    expect(mapGraphError(503, '<html/>')).toMatchObject({ code: 'unavailable', metaCode: null, retryable: true });
    expect(mapGraphError(403, { error: 'nope' })).toMatchObject({ code: 'bad_request', retryable: false });
    expect(
      mapGraphError(400, {
        error: { code: 131053, message: 'Media upload error', error_data: { details: 'file size too big' } },
      }),
    ).toMatchObject({ code: 'media_too_large', metaCode: 131053 });
  });
});
