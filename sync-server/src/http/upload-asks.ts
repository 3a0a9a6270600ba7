/**
 * How often the server asks a host to upload one file. Every GET of a blob the server does not
 * hold asks the host (and answers 503 with Retry-After: 2), so a teammate's client retrying,
 * or many teammates opening one chat, would otherwise ask again and again while the host is
 * still uploading; a member could also flood a host with asks. Per node, in memory.
 */
export type UploadAsks = {
  /** True when this (account, file) was not asked for within the window; records the ask. */
  due(accountId: string, sha256: string, now: number): boolean;
};

export function createUploadAsks(windowMs = 3_000, maxRemembered = 10_000): UploadAsks {
  const asked = new Map<string, number>();
  return {
    due(accountId, sha256, now) {
      const key = `${accountId}\n${sha256}`;
      const at = asked.get(key);
      if (at !== undefined && now - at < windowMs) return false;
      // Re-inserted at the end: the Map's order is then oldest ask first, which is what goes.
      asked.delete(key);
      asked.set(key, now);
      if (asked.size > maxRemembered) asked.delete(asked.keys().next().value as string);
      return true;
    },
  };
}
