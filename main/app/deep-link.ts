/**
 * `blazz://chat/<chat id>` links (from notifications, other apps, a teammate's message).
 * Parsed strictly: anything else is ignored, never navigated to or executed.
 */
export const DEEP_LINK_SCHEME = 'blazz';

export type DeepLink = { readonly kind: 'chat'; readonly chatId: string };

// `${accountId}:${jid}`: account ids are LocalAuth-safe, jids have no spaces or slashes.
const CHAT_ID = /^[-_\w]{1,64}:[^\s/\\]{3,200}$/;

export function parseDeepLink(url: string): DeepLink | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${DEEP_LINK_SCHEME}:` || u.host !== 'chat') return null;
  const raw = u.pathname.replace(/^\//, '');
  let chatId: string;
  try {
    chatId = decodeURIComponent(raw);
  } catch {
    return null;
  }
  return CHAT_ID.test(chatId) ? { kind: 'chat', chatId } : null;
}

/** On Windows/Linux a second launch carries the link in argv; find it there. */
export function deepLinkFromArgv(argv: readonly string[]): DeepLink | null {
  for (const arg of argv) {
    if (arg.startsWith(`${DEEP_LINK_SCHEME}://`)) return parseDeepLink(arg);
  }
  return null;
}
