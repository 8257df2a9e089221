import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The browser consoles. scripts/build.mjs builds them into dist/web (served by `parley
 * serve` at `/`); `npx vite web` serves them for development against a running server.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    // A slow plugin on a loaded machine is no fault of the build: no timing warnings.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: { proxy: { '/sessions': { target: 'http://127.0.0.1:8080', ws: true }, '/invite': 'http://127.0.0.1:8080' } },
});
