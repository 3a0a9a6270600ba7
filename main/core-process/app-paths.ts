/**
 * Every file the desktop app resolves inside its own package at run time, relative to the
 * app root (the repository in development, resources/app.asar once packaged). One place, so
 * tests/unit/app/packaged-paths.test.ts checks the very values main and the core process
 * join against what electron-builder.yml packs. (Here, not in main/app, because the core
 * process uses it too and may not import main/app.)
 */
export const APP_PATHS = {
  /** package.json `main`: Electron starts this. */
  main: ['dist', 'app', 'main.mjs'],
  /** The sandboxed preload (one CommonJS file). */
  preload: ['dist', 'preload', 'index.cjs'],
  /** Served over app://; APP_ENTRY_URL asks for its index.html. */
  renderer: ['dist', 'renderer'],
  /** The core's utility process. */
  coreChild: ['dist', 'core', 'child.mjs'],
  /** Account processes, forked by the core process. */
  accountChild: ['dist', 'accounts', 'child.mjs'],
  /** The store's SQL migrations, read through Electron's asar-aware fs. */
  storeMigrations: ['dist', 'migrations', 'store'],
} as const satisfies Record<string, readonly string[]>;
