import { describe, expect, it } from 'vitest';
import { attachmentRefSchema } from '../../../common/protocol-attachments';
import { attachmentColumn, attachmentOf } from '../../../sync-server/src/db/repositories/uploads';

const ref = { sha256: 'a'.repeat(64), mimeType: 'audio/ogg', fileName: 'voice.ogg', size: 1234 };

describe('a relayed voice note keeps its voice flag', () => {
  it('through message:send, the sends table and back', () => {
    expect(attachmentRefSchema.parse({ ...ref, voice: true })).toEqual({ ...ref, voice: true });
    expect(attachmentOf(attachmentColumn({ ...ref, voice: true }))).toEqual({ ...ref, voice: true });
    // An attachment stored before the flag existed reads as before.
    expect(attachmentOf(attachmentColumn(ref))).toEqual(ref);
  });

  it('refuses a voice flag that is not a boolean', () => {
    expect(attachmentRefSchema.safeParse({ ...ref, voice: 'yes' }).success).toBe(false);
  });
});
