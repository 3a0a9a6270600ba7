import { attachmentKindOf, maxAttachmentBytes } from '../../../../common/providers';
import type { MessageKey } from '../../i18n';
import type { Attachment } from '../../stores/composer';

/**
 * The bridge carries at most 1 MB of JSON per call; base64 grows bytes by a third. This is
 * the renderer→core hop's limit whatever the number: WhatsApp's own limits are larger.
 */
export const MAX_ATTACHMENT_BYTES = 700_000;

/** What the number takes of this type, in bytes (WhatsApp's per-kind limits; Meta's 5 MB images on Cloud numbers). */
export const providerLimitOf = (provider: string | undefined, mimeType: string): number =>
  provider === undefined ? Number.POSITIVE_INFINITY : maxAttachmentBytes(provider, mimeType);

/** The largest file of this type that can be attached here now: the bridge's or the number's limit. */
export const attachLimitOf = (provider: string | undefined, mimeType: string): number =>
  Math.min(MAX_ATTACHMENT_BYTES, providerLimitOf(provider, mimeType));

export { attachmentKindOf };

/** Over what the number takes (checked first: its message names the number's limit). */
export const overNumberLimit = (file: File, provider: string | undefined): boolean =>
  file.size > providerLimitOf(provider, file.type || 'application/octet-stream');

/** Reads a dropped, pasted or picked file; returns an error message key when refused. */
export async function readAttachment(file: File): Promise<Attachment | MessageKey> {
  if (file.size === 0) return 'composer.attach.empty';
  if (file.size > MAX_ATTACHMENT_BYTES) return 'composer.attach.tooLarge';
  const dataUrl = await new Promise<string | null>(resolve => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : null);
    reader.onerror = () => resolve(null);
    reader.readAsDataURL(file);
  });
  const comma = dataUrl?.indexOf(',') ?? -1;
  if (!dataUrl || comma < 0) return 'composer.attach.unreadable';
  const mimeType = file.type || 'application/octet-stream';
  return {
    mimeType,
    fileName: file.name || 'file',
    dataBase64: dataUrl.slice(comma + 1),
    size: file.size,
    previewUrl: mimeType.startsWith('image/') ? URL.createObjectURL(file) : null,
  };
}
