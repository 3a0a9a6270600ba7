/**
 * WhatsApp Cloud API facts every layer shares: the error codes the server's Graph client
 * answers with (the renderer translates them), the 24-hour customer-service window, and the
 * shape of a template's parameters as a sender fills them in. Pure: no Node, no DOM.
 */
import { z } from 'zod';

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

/** One parameter of a template component, as Blazz fills it in (the client turns it into Meta's shape). */
export const templateParameterSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().min(1).max(1024) }),
  z.object({
    type: z.literal('currency'),
    fallback: z.string().min(1).max(256),
    code: z.string().regex(/^[A-Z]{3}$/),
    amount1000: z.number().int(),
  }),
  z.object({ type: z.literal('date_time'), fallback: z.string().min(1).max(256) }),
  z.object({
    type: z.enum(['image', 'video', 'document']),
    mediaId: z.string().min(1).max(128).optional(),
    link: z.url().max(2048).optional(),
    filename: z.string().min(1).max(255).optional(),
  }),
  z.object({ type: z.literal('payload'), payload: z.string().min(1).max(1024) }),
  z.object({ type: z.literal('coupon_code'), couponCode: z.string().min(1).max(15) }),
]);
export type TemplateParameter = z.infer<typeof templateParameterSchema>;

export const templateComponentInputSchema = z.discriminatedUnion('type', [
  z.object({ type: z.enum(['header', 'body']), parameters: z.array(templateParameterSchema).max(64) }),
  z.object({
    type: z.literal('button'),
    subType: z.enum(['quick_reply', 'url', 'copy_code']),
    index: z.number().int().min(0).max(9),
    parameters: z.array(templateParameterSchema).max(8),
  }),
]);
export type TemplateComponentInput = z.infer<typeof templateComponentInputSchema>;

/** A message template of the WhatsApp Business Account, as listed by the Graph API. */
export type GraphTemplateComponent = {
  readonly type: string;
  readonly format: string | null;
  readonly text: string | null;
  /** `url` is a URL button's address, `{{1}}` marking the suffix a sender fills in. */
  readonly buttons: readonly { readonly type: string; readonly text: string; readonly url: string | null }[];
};
export type GraphTemplate = {
  readonly id: string;
  readonly name: string;
  readonly language: string;
  /** APPROVED, PENDING, REJECTED, PAUSED, DISABLED…: only APPROVED ones can be sent. */
  readonly status: string;
  readonly category: string;
  readonly components: readonly GraphTemplateComponent[];
};

/** How many `{{n}}` parameters a template text asks for (the highest n). */
export function templateParamCount(text: string | null): number {
  if (!text) return 0;
  let max = 0;
  for (const m of text.matchAll(/\{\{\s*(\d{1,2})\s*\}\}/g)) max = Math.max(max, Number(m[1]));
  return max;
}
