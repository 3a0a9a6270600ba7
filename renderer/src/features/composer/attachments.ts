import type { MessageKey } from '../../i18n';
import type { Attachment } from '../../stores/composer';

/** The bridge carries at most 1 MB of JSON per call; base64 grows bytes by a third. */
export const MAX_ATTACHMENT_BYTES = 700_000;

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
