/** Why a relayed attachment fails for good is stored with the message: a code the renderer can word. */
import { describe, expect, it } from 'vitest';
import type { AttachmentTransfer } from '../../../main/sync/attachment-transfer';
import { attachmentForRelay } from '../../../main/sync/attachment-transfer';

const media = {
  localPath: '/tmp/x.pdf',
  sha256: 'a'.repeat(64),
  mimeType: 'application/pdf',
  fileName: 'x.pdf',
  size: 3,
};

describe('attachmentForRelay', () => {
  it('answers codes, never sentences, when the message cannot be sent', async () => {
    await expect(attachmentForRelay(null, media)).resolves.toEqual({ failed: 'no_media_service' });
    const transfer = { upload: async () => ({ ok: true as const }) } as unknown as AttachmentTransfer;
    await expect(attachmentForRelay(transfer, { ...media, localPath: null })).resolves.toEqual({
      failed: 'file_missing',
    });
    await expect(attachmentForRelay(transfer, media)).resolves.toEqual({
      attachment: { sha256: media.sha256, mimeType: media.mimeType, fileName: 'x.pdf', size: 3 },
    });
  });
});
