/**
 * What the Graph API answers, validated: an answer that does not match is an error
 * ('unavailable', not retried), never a throw and never trusted half-read.
 */
import { z } from 'zod';

const id = z.string().min(1).max(512);

export const sendAnswerSchema = z.object({ messages: z.array(z.object({ id })).min(1) });
export const successSchema = z.object({ success: z.literal(true) });
export const uploadAnswerSchema = z.object({ id });
export const mediaInfoSchema = z.object({
  url: z.string().min(1).max(4096),
  mime_type: z.string().min(1).max(255),
  sha256: z.string().max(256).optional(),
  file_size: z.union([z.number(), z.string()]).optional(),
  id: id.optional(),
});
export const phoneInfoSchema = z.object({
  display_phone_number: z.string().min(1).max(64),
  verified_name: z.string().max(512),
  quality_rating: z.string().max(32).optional(),
});

const templateComponentSchema = z
  .object({
    type: z.string().min(1).max(64),
    format: z.string().max(64).optional(),
    text: z.string().max(4096).optional(),
    buttons: z
      .array(z.object({ type: z.string().max(64), text: z.string().max(1024) }).loose())
      .max(20)
      .optional(),
  })
  .loose();

export const templatesPageSchema = z.object({
  data: z.array(
    z
      .object({
        id,
        name: z.string().min(1).max(512),
        language: z.string().min(1).max(32),
        status: z.string().min(1).max(64),
        category: z.string().max(64),
        components: z.array(templateComponentSchema).max(20).default([]),
      })
      .loose(),
  ),
  paging: z
    .object({
      cursors: z.object({ before: z.string().max(2048).optional(), after: z.string().max(2048).optional() }).optional(),
      next: z.string().max(8192).optional(),
    })
    .optional(),
});
