import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vite';

const EARLY_ENTRY = fileURLToPath(new URL('./renderer/src/api/early.ts', import.meta.url));

/**
 * The renderer's first script (renderer/src/api/early.ts, #23) is an entry of its own, and
 * index.html runs it before the app's bundle: it opens the bridge and asks for the inbox's
 * first page while the browser still loads and runs the bundle. The bundle imports the same
 * chunk (its client takes the transport over), so the page loads and runs it once.
 */
function earlyScriptFirst(): Plugin {
  return {
    name: 'blazz-early-script-first',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const early = Object.values(ctx.bundle ?? {}).find(
          out => out.type === 'chunk' && out.isEntry && out.facadeModuleId === EARLY_ENTRY,
        );
        const app = '<script type="module"';
        if (!early || !html.includes(app)) throw new Error('index.html: no chunk of api/early.ts or no app script');
        // Module scripts run in document order: this one first, after the page's CSP <meta>.
        return html.replace(app, `<script type="module" crossorigin src="./${early.fileName}"></script>\n    ${app}`);
      },
    },
  };
}

// The renderer is one static bundle served by both shells (app:// in Electron, HTTP in
// the headless host), so asset URLs are relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), earlyScriptFirst()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: { index: fileURLToPath(new URL('./renderer/index.html', import.meta.url)), early: EARLY_ENTRY },
    },
  },
});
