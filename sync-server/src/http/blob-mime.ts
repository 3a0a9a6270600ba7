/**
 * What a stored blob may claim to be, and how it is served. The uploader chooses the
 * Content-Type, so it is hostile: a page on the server's origin (text/html, SVG, XML,
 * script) could run in a browser that opens the URL. Only well-formed, allow-listed inert
 * types are kept; everything else is stored and served as opaque bytes to download.
 */

export const OPAQUE = 'application/octet-stream';

/** Types the desktops send for WhatsApp media: none of them is executed by a browser. */
const STORABLE = new Set([
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/heic',
  'audio/ogg',
  'audio/mpeg',
  'audio/mp4',
  'audio/aac',
  'audio/amr',
  'audio/wav',
  'audio/webm',
  'video/mp4',
  'video/3gpp',
  'video/quicktime',
  'video/webm',
  'application/pdf',
  'application/zip',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'text/plain',
  'text/csv',
  OPAQUE,
]);

/** The few a browser may show in place: decoded as media, never as a document. */
const INLINE = new Set([
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'audio/ogg',
  'audio/mpeg',
  'audio/mp4',
  'audio/aac',
  'video/mp4',
  'video/webm',
]);

const MAX_LENGTH = 120;
const TYPE = /^[a-z0-9][a-z0-9.+-]{0,63}\/[a-z0-9][a-z0-9.+-]{0,99}$/;
const CHARSET = /^charset=([a-z0-9._-]{1,40})$/;

/**
 * The MIME type to store for an uploaded Content-Type header: `type/subtype` from the
 * allow-list, with a charset only on text; anything else (missing, malformed, too long,
 * other parameters, an active type) becomes application/octet-stream.
 */
export function storableMimeType(header: unknown): string {
  if (typeof header !== 'string' || header.length > MAX_LENGTH) return OPAQUE;
  const [type = '', ...params] = header
    .toLowerCase()
    .split(';')
    .map(p => p.trim());
  if (!TYPE.test(type) || !STORABLE.has(type)) return OPAQUE;
  if (params.length === 0) return type;
  const charset = params.length === 1 ? CHARSET.exec(params[0] ?? '') : null;
  if (!charset || !type.startsWith('text/')) return OPAQUE;
  return `${type}; charset=${charset[1]}`;
}

/**
 * Headers for serving a blob. The stored type is checked again (rows written before the
 * allow-list may hold anything), the browser must not guess another type, and even if it
 * renders the bytes they run in a sandbox with nothing allowed.
 */
export function blobHeaders(storedMimeType: string): Record<string, string> {
  const type = storableMimeType(storedMimeType);
  const bare = type.split(';')[0] ?? OPAQUE;
  return {
    'content-type': type,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "sandbox; default-src 'none'",
    'content-disposition': INLINE.has(bare) ? 'inline' : 'attachment',
  };
}
