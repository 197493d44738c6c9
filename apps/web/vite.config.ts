import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The SPA is served by the API server at `/` (same origin); `npm run dev` proxies the API to it. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No inline scripts or module preload polyfill: the server's CSP allows only same-origin scripts.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    target: 'es2022',
  },
  server: {
    proxy: {
      '/v1': { target: 'http://127.0.0.1:8001', ws: true },
      '/health': 'http://127.0.0.1:8001',
    },
  },
});
