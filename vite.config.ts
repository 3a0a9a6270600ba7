import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is one static bundle served by both shells (app:// in Electron, HTTP in
// the headless host), so asset URLs are relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
});
