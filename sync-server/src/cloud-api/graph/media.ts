/**
 * Meta's media rules, checked before an upload so a file Meta would refuse costs no round
 * trip: the types the Cloud API accepts and the size limit of each kind.
 */
import type { CloudMediaKind } from '../../../../common/cloud-api';
import { CLOUD_MEDIA_LIMITS } from '../../../../common/cloud-api';
import type { GraphError } from './types';
import { graphFail } from './types';

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

/** The kind Meta files a MIME type under, or null when the Cloud API does not take it. */
export function mediaKindOf(mime: string): CloudMediaKind | null {
  const m = mime.split(';')[0]!.trim().toLowerCase();
  if (IMAGE.has(m)) return 'image';
  if (STICKER.has(m)) return 'sticker';
  if (VIDEO.has(m)) return 'video';
  if (AUDIO.has(m)) return 'audio';
  if (DOCUMENT.has(m)) return 'document';
  return null;
}

/** Largest upload Meta accepts for a MIME type, or null when the type is not accepted at all. */
export function uploadLimit(mime: string): number | null {
  const kind = mediaKindOf(mime);
  return kind ? CLOUD_MEDIA_LIMITS[kind] : null;
}

export function checkUpload(size: number, mime: string): GraphError | null {
  const limit = uploadLimit(mime);
  if (limit === null) return graphFail('media_unsupported', `type ${mime.slice(0, 100)} not accepted`).error;
  if (size > limit) return graphFail('media_too_large', `${size} bytes over ${limit}`).error;
  if (size === 0) return graphFail('bad_request', 'empty file').error;
  return null;
}
