import { attachmentKindOf, maxAttachmentBytes } from '../../../../common/providers';
import { stageFile } from '../../api/files';
import type { MessageKey } from '../../i18n';
import type { Attachment } from '../../stores/composer';

/** What the number takes of this type, in bytes (WhatsApp's per-kind limits; Meta's 5 MB images on Cloud numbers). */
export const providerLimitOf = (provider: string | undefined, mimeType: string): number =>
  provider === undefined ? Number.POSITIVE_INFINITY : maxAttachmentBytes(provider, mimeType);

export { attachmentKindOf };

/** Over what the number takes (checked first: its message names the number's limit). */
export const overNumberLimit = (file: Blob, provider: string | undefined): boolean =>
  file.size > providerLimitOf(provider, file.type || 'application/octet-stream');

/**
 * Hands a dropped, pasted, picked or recorded file to the core (by path, upload or inline,
 * api/files.ts); returns an error message key when refused.
 */
export async function readAttachment(file: Blob, name?: string, voice = false): Promise<Attachment | MessageKey> {
  if (file.size === 0) return 'composer.attach.empty';
  const staged = await stageFile(file);
  if (typeof staged === 'string') return staged;
  const mimeType = file.type || 'application/octet-stream';
  return {
    mimeType,
    fileName: name ?? (file instanceof File && file.name ? file.name : 'file'),
    staged,
    voice,
    size: file.size,
    previewUrl: mimeType.startsWith('image/') ? URL.createObjectURL(file) : null,
  };
}
