/**
 * WhatsApp Cloud API numbers on the sync protocol (admins: capability `accounts.manage`).
 * The server hosts them: it stores their credentials encrypted, receives Meta's webhook and
 * sends through the Graph API. Secrets go in with `cloud:add` and never come back out.
 * Registered in protocol.ts and reply-schemas.ts; described in docs/cloud-api.md.
 */
import { z } from 'zod';
import { GRAPH_ID_PATTERN } from './cloud/ids';
import type { WireSend } from './protocol-wire';
import type { Reply } from './result';

export type WireCloudNumber = {
  accountId: string;
  name: string;
  phoneNumberId: string;
  wabaId: string;
  displayPhone: string | null;
  verifiedName: string | null;
  createdAt: number;
  /** GREEN, YELLOW, RED (or UNKNOWN) as Meta rates the number; null until Meta reported it. */
  qualityRating: string | null;
  /** The messaging limit of Meta's last quality update (TIER_250, TIER_2K…, TIER_UNLIMITED). */
  messagingLimit: string | null;
  /** That update's event (ONBOARDING, THROUGHPUT_UPGRADE, FLAGGED…). */
  qualityEvent: string | null;
  /** When Meta last reported on the number's standing. */
  qualityAt: number | null;
};

const graphId = z.string().regex(GRAPH_ID_PATTERN, 'digits only');
const secret = (min: number) => z.string().trim().min(min).max(1000);

export const cloudAddSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  phoneNumberId: graphId,
  wabaId: graphId,
  accessToken: secret(20),
  appSecret: secret(16),
  /** Chosen by the admin and typed into Meta's dashboard: Meta echoes it when it checks the URL. */
  verifyToken: secret(8),
});
export type CloudAdd = z.infer<typeof cloudAddSchema>;
export const cloudAccountSchema = z.strictObject({ accountId: z.string().min(1).max(64) });

const paramText = z.string().trim().min(1).max(1024);
/** Meta fetches a header's media from the link itself: only https is offered to it. */
const httpsLink = z
  .url()
  .max(2048)
  .refine(u => u.toLowerCase().startsWith('https://'), 'an https link');

/**
 * An amount of money. Meta shows `fallback` as written (the Cloud API does not localise it);
 * `code` (ISO 4217) and `amount1000` (the amount times 1,000) travel with it.
 */
export const templateCurrencySchema = z.strictObject({
  type: z.literal('currency'),
  fallback: z.string().trim().min(1).max(256),
  code: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code'),
  amount1000: z.number().int().min(-1e15).max(1e15),
});
/** A date and time: Meta shows `fallback` as written. */
export const templateDateTimeSchema = z.strictObject({
  type: z.literal('date_time'),
  fallback: z.string().trim().min(1).max(256),
});
export type TemplateCurrency = z.infer<typeof templateCurrencySchema>;
export type TemplateDateTime = z.infer<typeof templateDateTimeSchema>;

/** One `{{n}}` value: text (a plain string), an amount or a date-time. */
export const templateValueSchema = z.union([paramText, templateCurrencySchema, templateDateTimeSchema]);
export type TemplateValue = z.infer<typeof templateValueSchema>;

/** A file the member uploaded (PUT /api/uploads/<sha256>), by its hash and size. */
export const templateUploadSchema = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a sha-256'),
  size: z.number().int().positive(),
});

/**
 * The header's parameter: its `{{1}}` as text, an amount or a date-time; or the media of an
 * image, video or document header, as an https link Meta fetches or as a file the member
 * uploaded to the server (the server uploads it to Graph and sends its media id).
 */
export const templateHeaderSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('text'), text: paramText }),
  templateCurrencySchema,
  templateDateTimeSchema,
  z
    .strictObject({
      type: z.enum(['image', 'video', 'document']),
      link: httpsLink.optional(),
      upload: templateUploadSchema.optional(),
      filename: z.string().trim().min(1).max(255).optional(),
    })
    .refine(h => (h.link === undefined) !== (h.upload === undefined), 'exactly one of link or upload'),
]);
export type TemplateHeader = z.infer<typeof templateHeaderSchema>;

import { COUPON_CODE_MAX } from './cloud/constants';

export { COUPON_CODE_MAX };

/**
 * A button's parameter, by the button's position in the template: a URL's `{{1}}` suffix, a
 * quick reply's payload, or the code a copy-code button copies.
 */
export const templateButtonSchema = z.discriminatedUnion('subType', [
  z.strictObject({ subType: z.literal('url'), index: z.number().int().min(0).max(9), text: paramText }),
  z.strictObject({ subType: z.literal('quick_reply'), index: z.number().int().min(0).max(9), payload: paramText }),
  z.strictObject({
    subType: z.literal('copy_code'),
    index: z.number().int().min(0).max(9),
    code: z.string().trim().min(1).max(COUPON_CODE_MAX),
  }),
]);
export type TemplateButton = z.infer<typeof templateButtonSchema>;

/**
 * A template send: the template's name and language, its body's `{{n}}` values in order
 * (each text, an amount or a date-time), and (when the template has them) the header's
 * parameter and the buttons' parameters.
 */
export const cloudTemplateSendSchema = z.strictObject({
  chatId: z.string().min(1).max(420),
  clientMessageId: z.uuid(),
  name: z.string().regex(/^[a-z0-9_]{1,512}$/, 'a template name'),
  language: z.string().regex(/^[A-Za-z]{2,3}(_[A-Za-z0-9]{2,8})?$/, 'a language code'),
  parameters: z.array(templateValueSchema).max(20),
  header: templateHeaderSchema.optional(),
  buttons: z.array(templateButtonSchema).max(10).optional(),
});
export type CloudTemplateSend = z.infer<typeof cloudTemplateSendSchema>;

type Cmd<T> = (payload: unknown, ack: (reply: Reply<T>) => void) => void;

export interface CloudCommands {
  'cloud:list': Cmd<WireCloudNumber[]>;
  'cloud:add': Cmd<WireCloudNumber>;
  'cloud:remove': Cmd<{ accountId: string }>;
  'cloud:templates': Cmd<WireCloudTemplate[]>;
  'cloud:send-template': Cmd<WireSend>;
}

export const CLOUD_COMMAND_SCHEMAS = {
  'cloud:list': z.strictObject({}),
  'cloud:add': cloudAddSchema,
  'cloud:remove': cloudAccountSchema,
  'cloud:templates': cloudAccountSchema,
  'cloud:send-template': cloudTemplateSendSchema,
} as const;

const wireCloudNumberSchema = z.object({
  accountId: z.string(),
  name: z.string(),
  phoneNumberId: z.string(),
  wabaId: z.string(),
  displayPhone: z.string().nullable(),
  verifiedName: z.string().nullable(),
  createdAt: z.number().int(),
  qualityRating: z.string().nullable(),
  messagingLimit: z.string().nullable(),
  qualityEvent: z.string().nullable(),
  qualityAt: z.number().int().nullable(),
});

export const wireCloudTemplateSchema = z.object({
  id: z.string(),
  name: z.string(),
  language: z.string(),
  status: z.string(),
  category: z.string(),
  components: z.array(
    z.object({
      type: z.string(),
      format: z.string().nullable(),
      text: z.string().nullable(),
      buttons: z.array(z.object({ type: z.string(), text: z.string(), url: z.string().nullable() })),
    }),
  ),
});

/** A template of the number's WhatsApp Business Account: only `APPROVED` ones can be sent. */
export type WireCloudTemplate = z.infer<typeof wireCloudTemplateSchema>;

export const CLOUD_REPLY_SCHEMAS = {
  'cloud:list': z.array(wireCloudNumberSchema),
  'cloud:add': wireCloudNumberSchema,
  'cloud:remove': z.object({ accountId: z.string() }),
  'cloud:templates': z.array(wireCloudTemplateSchema),
  // 'cloud:send-template' answers a WireSend: registered in reply-schemas.ts beside message:send.
} as const;
