import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [vue()],
  // dist/.vite/manifest.json: the chunk graph scripts/bundle-size.mjs measures (pnpm bench).
  build: {
    manifest: true,
    // DSFR icons are hundreds of SVG files: as files, a browser fetches only those a page shows;
    // inlined, they would all weigh on the first load's CSS.
    assetsInlineLimit: (file) => (file.endsWith('.svg') ? false : undefined),
  },
  server: {
    // In development the API runs beside Vite (pnpm dev in server/).
    proxy: { '/graphql': 'http://localhost:4000' },
  },
  test: {
    environment: 'happy-dom',
  },
});
