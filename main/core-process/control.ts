/**
 * The second lane: what Electron's main and the core process say to each other (the
 * renderer has its own port). Both sides parse what they receive with these schemas.
 *
 * main → core: the renderer's port (Electron) or tunnelled renderer messages (tests), a
 * deep link, the tray's "pause notifications", the desktop preferences main keeps, vault
 * answers, and "shut down".
 * core → main: ready/failed, unread counts for the tray and badge, the tray's words in the
 * page's language, preference changes to apply, vault requests (safeStorage lives in main only).
 */
import { z } from 'zod';
import { shellLabelsSchema } from '../../common/api/app';

const desktopValues = z.strictObject({
  launchAtLogin: z.boolean(),
  autoUpdate: z.strictObject({ enabled: z.boolean(), url: z.string().max(2000).nullable() }),
});
export type DesktopValues = z.infer<typeof desktopValues>;

const desktopPatch = z.strictObject({
  launchAtLogin: z.boolean().optional(),
  autoUpdate: desktopValues.shape.autoUpdate.optional(),
});
export type DesktopPatch = z.infer<typeof desktopPatch>;

const requestId = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const secretName = z.string().min(1).max(200);

export const mainToCoreSchema = z.discriminatedUnion('t', [
  /** Electron: the renderer's MessagePort travels as the message's transferred port. */
  z.strictObject({ t: z.literal('attach-renderer') }),
  /** Without transferable ports (child_process IPC): one renderer channel inside this lane. */
  z.strictObject({ t: z.literal('renderer'), msg: z.unknown() }),
  z.strictObject({ t: z.literal('chat-requested'), chatId: z.string().min(1).max(300) }),
  z.strictObject({ t: z.literal('notifications-paused'), paused: z.boolean() }),
  z.strictObject({ t: z.literal('desktop-preferences'), values: desktopValues }),
  z.strictObject({
    t: z.literal('vault-result'),
    id: requestId,
    ok: z.boolean(),
    value: z.string().max(1_000_000).nullable(),
  }),
  z.strictObject({ t: z.literal('shutdown') }),
]);
export type MainToCore = z.infer<typeof mainToCoreSchema>;

const trayAccount = z.strictObject({
  id: z.string().max(200),
  name: z.string().max(200),
  unread: z.number().int().nonnegative(),
  state: z.string().max(50),
  muted: z.boolean(),
});
export type TrayAccount = z.infer<typeof trayAccount>;

export const coreToMainSchema = z.discriminatedUnion('t', [
  z.strictObject({ t: z.literal('ready') }),
  z.strictObject({ t: z.literal('failed'), message: z.string().max(4000) }),
  z.strictObject({ t: z.literal('renderer'), msg: z.unknown() }),
  z.strictObject({ t: z.literal('accounts'), accounts: z.array(trayAccount).max(1000) }),
  z.strictObject({ t: z.literal('set-desktop-preferences'), patch: desktopPatch }),
  z.strictObject({ t: z.literal('shell-labels'), labels: shellLabelsSchema }),
  z.strictObject({ t: z.literal('vault-get'), id: requestId, name: secretName }),
  z.strictObject({
    t: z.literal('vault-set'),
    id: requestId,
    name: secretName,
    value: z.string().max(1_000_000).nullable(),
  }),
]);
export type CoreToMain = z.infer<typeof coreToMainSchema>;
