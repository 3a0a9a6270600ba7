/**
 * What the core process reads from Electron's main or the headless host (control.ts's
 * `mainToCoreSchema`), checked by hand as strictly as that schema (exact keys and types,
 * the same limits), so the core process's first step answers the first screen without
 * loading zod (#23). tests/unit/core-process/main-messages.test.ts holds this check to
 * the schema on every shape.
 */
import type { DesktopValues, MainToCore } from './control';

type Obj = Record<string, unknown>;

const isRecord = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Exactly these keys (as a strict object: none missing, none more). */
const keysAre = (v: Obj, keys: readonly string[]): boolean => {
  const own = Object.keys(v);
  return own.length === keys.length && keys.every(k => Object.prototype.hasOwnProperty.call(v, k));
};
const strOf = (v: unknown, min: number, max: number): v is string =>
  typeof v === 'string' && v.length >= min && v.length <= max;

function desktopValues(v: unknown): DesktopValues | null {
  if (!isRecord(v) || !keysAre(v, ['launchAtLogin', 'autoUpdate'])) return null;
  const { launchAtLogin, autoUpdate } = v;
  if (typeof launchAtLogin !== 'boolean' || !isRecord(autoUpdate)) return null;
  if (!keysAre(autoUpdate, ['enabled', 'url'])) return null;
  const { enabled, url } = autoUpdate;
  if (typeof enabled !== 'boolean' || !(url === null || strOf(url, 0, 2000))) return null;
  return { launchAtLogin, autoUpdate: { enabled, url } };
}

/** One message from main, or null when it is not one of control.ts's shapes. */
export function parseMainToCore(raw: unknown): MainToCore | null {
  if (!isRecord(raw)) return null;
  switch (raw.t) {
    case 'attach-renderer':
    case 'shutdown':
      return keysAre(raw, ['t']) ? { t: raw.t } : null;
    case 'renderer':
      return keysAre(raw, ['t', 'msg']) ? { t: 'renderer', msg: raw.msg } : null;
    case 'chat-requested':
      return keysAre(raw, ['t', 'chatId']) && strOf(raw.chatId, 1, 300)
        ? { t: 'chat-requested', chatId: raw.chatId }
        : null;
    case 'notifications-paused':
      return keysAre(raw, ['t', 'paused']) && typeof raw.paused === 'boolean'
        ? { t: 'notifications-paused', paused: raw.paused }
        : null;
    case 'desktop-preferences': {
      const values = keysAre(raw, ['t', 'values']) ? desktopValues(raw.values) : null;
      return values ? { t: 'desktop-preferences', values } : null;
    }
    case 'vault-result': {
      if (!keysAre(raw, ['t', 'id', 'ok', 'value'])) return null;
      const { id, ok, value } = raw;
      if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0 || typeof ok !== 'boolean') return null;
      if (!(value === null || strOf(value, 0, 1_000_000))) return null;
      return { t: 'vault-result', id, ok, value };
    }
    default:
      return null;
  }
}
