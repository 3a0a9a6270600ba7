/**
 * The scripts the double puts into every document of a window, before the page's own:
 * the main world's side (contextBridge receiver, Notification, window.focus) and, in an
 * isolated world, the sandboxed preload runtime followed by the preload itself.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runInThisContext } from 'node:vm';

const read = (name: string) => readFileSync(fileURLToPath(new URL(`./page/${name}`, import.meta.url)), 'utf8');
const CODEC = read('codec.js');
const BRIDGE = read('bridge.js');
const MAIN_WORLD = read('main-world.js');
const ISOLATED_WORLD = read('isolated-world.js');

export const PRELOAD_WORLD = 'electron-double-preload';
export const BINDING = '__electronDoubleHost';
const PREFIX = 'electron-double:';

export type Codec = { encode(value: unknown): string; decode(text: string): unknown };
/** The same codec the page runs, evaluated here from the same file. */
export const codec = runInThisContext(`(() => { ${CODEC}\n return electronDoubleCodec(); })()`) as Codec;

export const mainWorldScript = (): string =>
  `(() => {\n${BRIDGE}\n${MAIN_WORLD}\nelectronDoubleMainWorld(${JSON.stringify({ prefix: PREFIX })}, electronDoubleBridge);\n})();`;

export function isolatedWorldScript(preloadPath: string, preloadError: string | null): string {
  const cfg = {
    prefix: PREFIX,
    binding: BINDING,
    preloadPath,
    preloadError,
    platform: process.platform,
    arch: process.arch,
  };
  return `(() => {\n${CODEC}\n${BRIDGE}\n${ISOLATED_WORLD}\nelectronDoubleIsolatedWorld(${JSON.stringify(cfg)}, electronDoubleCodec(), electronDoubleBridge);\n})();`;
}

/** The preload as Electron wraps it: a function of the sandbox's module scope. */
export const preloadScript = (source: string, path: string): string =>
  `__electronDoubleRunPreload(function (exports, require, module, process, global, setImmediate, clearImmediate) {\n${source}\n});\n//# sourceURL=${path}`;
