/**
 * Vite build of the web app: sources in web/, output in dist/web, served by the API server at `/`.
 * In development `npm run dev:web` proxies /api to a server started with `npm start`.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: { outDir: '../dist/web', emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
