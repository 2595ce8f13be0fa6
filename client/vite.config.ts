import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [vue()],
  // dist/.vite/manifest.json: the chunk graph scripts/bundle-size.mjs measures (pnpm bench).
  build: { manifest: true },
  server: {
    // In development the API runs beside Vite (pnpm dev in server/).
    proxy: { '/graphql': 'http://localhost:4000' },
  },
  test: {
    environment: 'happy-dom',
  },
});
