/** Resolves message media to URLs the CSP allows (data:, blob:, same origin), cached. */
import type { MessageId } from '../../../../common/domain';
import { core } from '../../stores/core';

const cache = new Map<string, Promise<string | null>>();
export { localPreviews } from '../../stores/composer';

export function isSafeMediaUrl(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  try {
    return new URL(url, location.href).origin === location.origin;
  } catch {
    return false;
  }
}

export function mediaUrl(messageId: MessageId): Promise<string | null> {
  let p = cache.get(messageId);
  if (!p) {
    p = core.mediaUrl(messageId).then(r => (r.ok && isSafeMediaUrl(r.value.url) ? r.value.url : null));
    cache.set(messageId, p);
    // A failure is not cached for ever: the file may arrive later.
    void p.then(url => url === null && cache.delete(messageId));
  }
  return p;
}

export { formatBytes, parseVcard, thumbnailUrl } from '../../lib/media';
