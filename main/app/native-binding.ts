import { join } from 'node:path';

/**
 * Where Electron's own build of better-sqlite3's addon lives (see scripts/electron-native.mjs).
 * node_modules holds the Node build for tests and the headless host; loading that one in
 * Electron fails with a NODE_MODULE_VERSION mismatch, so the desktop always names its own.
 */
export type NativeBindingPlace = {
  /** app.isPackaged */
  readonly packaged: boolean;
  /** process.resourcesPath: electron-builder copies the addon to resources/native/. */
  readonly resourcesPath: string;
  /** The repository root in development. */
  readonly appRoot: string;
  readonly platform: NodeJS.Platform;
  readonly arch: string;
};

const OS_OF_PLATFORM: Partial<Record<NodeJS.Platform, string>> = { win32: 'win', darwin: 'mac', linux: 'linux' };

export const NATIVE_ADDON = 'better_sqlite3.node';

export function electronNativeBinding(place: NativeBindingPlace): string {
  if (place.packaged) return join(place.resourcesPath, 'native', NATIVE_ADDON);
  const os = OS_OF_PLATFORM[place.platform] ?? place.platform;
  return join(place.appRoot, '.electron-native', `${os}-${place.arch}`, NATIVE_ADDON);
}
