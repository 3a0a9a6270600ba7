/**
 * The parts of Meta's webhook body the server reads (docs/cloud-api.md, "What is stored").
 * Objects are not strict: Meta adds fields over time and an unknown one must not cost a
 * customer's message. Every string is bounded; a body that does not fit is recorded as
 * failed, never thrown past the worker.
 */
import { z } from 'zod';

const str = (max = 200) => z.string().max(max);
const text = z.string().max(200_000);

const media = z.object({
  id: str(),
  mime_type: str().optional(),
  sha256: str().optional(),
  caption: text.optional(),
  filename: str(500).optional(),
  voice: z.boolean().optional(),
});

export const cloudMessageSchema = z.object({
  id: str(),
  from: str(40),
  timestamp: z.string().regex(/^\d{1,12}$/),
  type: str(40),
  context: z.object({ id: str().optional() }).optional(),
  text: z.object({ body: text }).optional(),
  image: media.optional(),
  video: media.optional(),
  audio: media.optional(),
  document: media.optional(),
  sticker: media.optional(),
  location: z
    .object({
      latitude: z.number().min(-90).max(90),
      longitude: z.number().min(-180).max(180),
      name: str(500).optional(),
      address: str(1000).optional(),
    })
    .optional(),
  contacts: z
    .array(
      z.object({
        name: z.object({ formatted_name: str(500).optional() }).optional(),
        phones: z
          .array(z.object({ phone: str(60).optional(), wa_id: str(40).optional() }))
          .max(20)
          .optional(),
      }),
    )
    .max(20)
    .optional(),
  interactive: z
    .object({
      type: str(40),
      button_reply: z.object({ id: str(), title: str(500) }).optional(),
      list_reply: z.object({ id: str(), title: str(500), description: str(1000).optional() }).optional(),
    })
    .optional(),
  button: z.object({ text: str(1000), payload: str(1000).optional() }).optional(),
  reaction: z.object({ message_id: str(), emoji: str(64).optional() }).optional(),
});
export type CloudMessage = z.infer<typeof cloudMessageSchema>;

export const cloudStatusSchema = z.object({
  id: str(),
  status: z.enum(['sent', 'delivered', 'read', 'failed', 'deleted', 'warning']),
  timestamp: z.string().regex(/^\d{1,12}$/),
  recipient_id: str(40).optional(),
  errors: z
    .array(z.object({ code: z.number().int(), title: str(1000).optional() }))
    .max(20)
    .optional(),
});
export type CloudStatus = z.infer<typeof cloudStatusSchema>;

export const cloudChangeValueSchema = z.object({
  messaging_product: str(40).optional(),
  metadata: z.object({ phone_number_id: str(40), display_phone_number: str(40).optional() }),
  contacts: z
    .array(z.object({ wa_id: str(40), profile: z.object({ name: str(500).optional() }).optional() }))
    .max(1000)
    .optional(),
  messages: z.array(z.unknown()).max(1000).optional(),
  statuses: z.array(z.unknown()).max(1000).optional(),
});

export const cloudWebhookSchema = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z
    .array(
      z.object({
        id: str(40),
        changes: z.array(z.object({ field: str(100), value: z.unknown() })).max(100),
      }),
    )
    .max(100),
});
export type CloudWebhook = z.infer<typeof cloudWebhookSchema>;
