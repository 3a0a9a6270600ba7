/**
 * The file a `message:send` carries on a number hosted elsewhere (docs/protocol.md,
 * "Attachments on numbers hosted elsewhere"): uploaded first (PUT /api/uploads/<sha256>),
 * then named here; the server checks it against what it stored.
 */
import { z } from 'zod';

export const attachmentRefSchema = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  mimeType: z.string().min(1).max(200),
  fileName: z.string().min(1).max(255).nullable().default(null),
  size: z.number().int().positive(),
  /** An audio file to send as a voice note (push-to-talk) rather than as an audio file. */
  voice: z.boolean().optional(),
});
