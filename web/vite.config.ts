import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { phonePlugins } from './build/phone-plugins';

const webRoot = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.join(webRoot, 'dist');
// The API server the dev server proxies to (`npm run dev`); JOBCAST_DEV_API_URL points it elsewhere.
const apiServer = process.env.JOBCAST_DEV_API_URL ?? 'http://localhost:3000';

// `npm run build` writes web/dist, which the server serves with an SPA fallback.
// `npx vite --config web/vite.config.ts` runs a dev server that proxies the API to `npm run dev`.
export default defineConfig({
  root: webRoot,
  plugins: [react(), ...phonePlugins(webRoot, outDir)],
  build: {
    outDir,
    emptyOutDir: true,
    // web/build/size-report.ts reads it: the first screen's files per route.
    manifest: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: {
      '/api': apiServer,
      '/docs': apiServer,
      '/socket.io': { target: apiServer, ws: true },
    },
  },
});
