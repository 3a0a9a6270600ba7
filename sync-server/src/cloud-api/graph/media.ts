/**
 * Meta's media rules, checked before an upload so a file Meta would refuse costs no round
 * trip: the types the Cloud API accepts and the size limit of each kind.
 */
import type { GraphError } from './types';
import { graphFail } from './types';

const MB = 1024 * 1024;

const IMAGE = new Set(['image/jpeg', 'image/png']);
const STICKER = new Set(['image/webp']);
const VIDEO = new Set(['video/mp4', 'video/3gpp']);
const AUDIO = new Set(['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg']);
const DOCUMENT = new Set([
  'text/plain',
  'application/pdf',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
]);

/** Largest upload Meta accepts for a MIME type, or null when the type is not accepted at all. */
export function uploadLimit(mime: string): number | null {
  const m = mime.split(';')[0]!.trim().toLowerCase();
  if (IMAGE.has(m)) return 5 * MB;
  if (STICKER.has(m)) return 500 * 1024;
  if (VIDEO.has(m) || AUDIO.has(m)) return 16 * MB;
  if (DOCUMENT.has(m)) return 100 * MB;
  return null;
}

export function checkUpload(size: number, mime: string): GraphError | null {
  const limit = uploadLimit(mime);
  if (limit === null) return graphFail('media_unsupported', `type ${mime.slice(0, 100)} not accepted`).error;
  if (size > limit) return graphFail('media_too_large', `${size} bytes over ${limit}`).error;
  if (size === 0) return graphFail('bad_request', 'empty file').error;
  return null;
}
