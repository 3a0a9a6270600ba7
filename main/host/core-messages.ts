/**
 * What the headless host reads from its core process: "ready", "failed" and the renderer
 * lane's messages; the other control messages (tray counts, vault, desktop preferences)
 * are Electron main's. Checked by hand, as strictly as control.ts's schemas check these
 * three shapes (exact keys and types, the same limits), so the host does not load zod's
 * ~750 kB while the page and the core start on the same cores (#23). A unit test holds
 * these checks to the schemas.
 */

export type CoreToHost =
  | { readonly t: 'ready' }
  | { readonly t: 'failed'; readonly message: string }
  | { readonly t: 'renderer'; readonly msg: unknown };

/** control.ts: `failed.message` is at most this long. */
const MAX_FAILURE = 4000;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const keysAre = (v: Record<string, unknown>, keys: readonly string[]): boolean => {
  const own = Object.keys(v);
  return own.length === keys.length && keys.every(k => Object.prototype.hasOwnProperty.call(v, k));
};

/** One of the three messages the host acts on, or null (another's, or malformed). */
export function parseCoreToHost(raw: unknown): CoreToHost | null {
  if (!isRecord(raw)) return null;
  if (raw.t === 'ready' && keysAre(raw, ['t'])) return { t: 'ready' };
  if (raw.t === 'failed' && keysAre(raw, ['t', 'message']) && typeof raw.message === 'string')
    return raw.message.length <= MAX_FAILURE ? { t: 'failed', message: raw.message } : null;
  // As z.unknown() in a strict object: the key must be there, any value.
  if (raw.t === 'renderer' && keysAre(raw, ['t', 'msg'])) return { t: 'renderer', msg: raw.msg };
  return null;
}
