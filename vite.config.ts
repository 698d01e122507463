// The renderer's bundle: renderer/index.html → dist/renderer/, with relative asset URLs (`base: './'`)
// so the same files load from `weft serve` and from Electron's file:// window. scripts/build.mjs runs
// it through vite's JS API; `npx vite --config vite.config.ts` serves it for development.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/renderer', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  clearScreen: false,
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    // React Flow, React and zod make one ~1 MB chunk; that is expected for a local app.
    chunkSizeWarningLimit: 2000,
    reportCompressedSize: false,
  },
});
