/**
 * Files members upload to send (PUT /api/uploads/<sha256>, POST /api/v1/media): who uploaded
 * which blob, and the attachment a send carries, stored as JSON in sends.attachment.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { WireAttachment } from '../../../../common/protocol';
import type { Exec } from '../index';
import { blobUploads, messages } from '../schema';

export async function recordUpload(db: Exec, sha256: string, memberId: string, now: number): Promise<void> {
  await db.insert(blobUploads).ignore().values({ sha256, memberId, createdAt: now });
}

export async function uploadedBy(db: Exec, sha256: string, memberId: string): Promise<boolean> {
  const rows = await db
    .select({ sha256: blobUploads.sha256 })
    .from(blobUploads)
    .where(and(eq(blobUploads.sha256, sha256), eq(blobUploads.memberId, memberId)))
    .limit(1);
  return rows.length > 0;
}

const storedAttachmentSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  mimeType: z.string().min(1),
  fileName: z.string().nullable(),
  size: z.number().int().nonnegative(),
  voice: z.boolean().optional(),
});

export const attachmentColumn = (a: WireAttachment | null): string | null => (a ? JSON.stringify(a) : null);

/** The stored attachment of a send; null for text (or a row this server cannot read). */
export function attachmentOf(text: string | null): WireAttachment | null {
  if (!text) return null;
  try {
    const parsed = storedAttachmentSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The media hash of a message of this chat, by its provider id; null when it has none. */
export async function mediaShaOfMessage(db: Exec, chatId: string, providerMessageId: string): Promise<string | null> {
  const rows = await db
    .select({ sha: messages.mediaSha256 })
    .from(messages)
    .where(and(eq(messages.chatId, chatId), eq(messages.providerMessageId, providerMessageId)))
    .limit(1);
  return rows[0]?.sha ?? null;
}
