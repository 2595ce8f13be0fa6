import vue from '@vitejs/plugin-vue';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/** In development, /api/explorateur serves explorer.html as the built server does (http-server.ts). */
const explorerPage: Plugin = {
  name: 'explorer-page',
  configureServer(server) {
    server.middlewares.use((request, _response, next) => {
      if (request.url === '/api/explorateur' || request.url?.startsWith('/api/explorateur?')) request.url = '/explorer.html';
      next();
    });
  },
};

export default defineConfig({
  plugins: [vue(), explorerPage],
  // dist/.vite/manifest.json: the chunk graph scripts/bundle-size.mjs measures (pnpm bench).
  build: {
    manifest: true,
    // DSFR icons are hundreds of SVG files: as files, a browser fetches only those a page shows;
    // inlined, they would all weigh on the first load's CSS.
    assetsInlineLimit: (file) => (file.endsWith('.svg') ? false : undefined),
    // Two pages: the application, and the GraphQL explorer (React GraphiQL, /api/explorateur)
    // whose code never loads with the application.
    rolldownOptions: { input: { main: 'index.html', explorer: 'explorer.html' } },
  },
  // GraphiQL's worker setup loads Monaco's workers with `?worker` imports, which only Vite's
  // own transform understands: that module is served as is, not pre-bundled.
  optimizeDeps: { exclude: ['graphiql/setup-workers/vite'] },
  server: {
    // In development the API runs beside Vite (pnpm dev in server/).
    proxy: { '/graphql': 'http://localhost:4000' },
  },
  test: {
    environment: 'happy-dom',
  },
});
