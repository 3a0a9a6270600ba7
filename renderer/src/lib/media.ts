/** Pure helpers for message media: inline previews, sizes, contact cards. */

/** WhatsApp's inline preview (base64 JPEG) as a data: URL, if it looks like base64. */
export function thumbnailUrl(thumbnail: string | null): string | null {
  if (!thumbnail || !/^[A-Za-z0-9+/=\s]+$/.test(thumbnail)) return null;
  return `data:image/jpeg;base64,${thumbnail.replace(/\s/g, '')}`;
}

export function formatBytes(n: number | null): string {
  if (n === null) return '';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Name and first phone number of a vCard, for the contact card bubble. */
export function parseVcard(vcard: string): { name: string; phone: string | null } {
  const line = (key: string) => new RegExp(`^${key}(?:;[^:\\n]*)?:(.*)$`, 'im').exec(vcard)?.[1]?.trim() ?? null;
  return { name: line('FN') ?? line('N')?.replace(/;/g, ' ').trim() ?? '', phone: line('TEL') };
}
