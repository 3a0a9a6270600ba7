/**
 * Cloud API facts the renderer needs at start (error codes, media limits, the 24-hour
 * window, Meta's coupon limit), apart from the zod schemas of common/cloud-api.ts and
 * common/protocol-cloud.ts, which re-export them: importing a constant must not build
 * every schema in the page's first script (#23). Pure: no Node, no DOM.
 */
/** What went wrong talking to Meta's Graph API, as a code the UI can translate. */
export const GRAPH_ERROR_CODES = [
  'token_expired',
  'window_closed',
  'rate_limited',
  'invalid_number',
  'media_too_large',
  'media_unsupported',
  'template_invalid',
  'not_found',
  'bad_request',
  'unavailable',
] as const;
export type GraphErrorCode = (typeof GRAPH_ERROR_CODES)[number];

export type CloudMediaKind = 'image' | 'video' | 'audio' | 'document' | 'sticker';

/**
 * Largest file Meta's Cloud API takes for each kind (bytes): the desktop can refuse a file
 * before it travels, and the server's Graph client checks again before uploading.
 */
export const CLOUD_MEDIA_LIMITS: Readonly<Record<CloudMediaKind, number>> = {
  image: 5 * 1024 * 1024,
  video: 16 * 1024 * 1024,
  audio: 16 * 1024 * 1024,
  document: 100 * 1024 * 1024,
  sticker: 500 * 1024,
};

/** Free-form messages may be sent for 24 hours after the customer's last message. */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

export type ServiceWindow = { readonly open: boolean; readonly closesAt: number | null };

/**
 * The customer-service window of a chat at `now` (epoch ms). `lastInboundAt` is when the
 * customer last wrote (null: never). The window is open strictly before `closesAt`: at
 * exactly 24 h Meta already answers 131047, so the composer must offer templates then.
 */
export function serviceWindow(lastInboundAt: number | null, now: number): ServiceWindow {
  if (lastInboundAt === null || !Number.isFinite(lastInboundAt)) return { open: false, closesAt: null };
  const closesAt = lastInboundAt + SERVICE_WINDOW_MS;
  return { open: now < closesAt, closesAt };
}

/** Meta's limit for a coupon code (a copy-code button's value). */
export const COUPON_CODE_MAX = 15;
