import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [vue()],
  server: {
    // In development the API runs beside Vite (pnpm dev in server/).
    proxy: { '/graphql': 'http://localhost:4000' },
  },
  test: {
    environment: 'happy-dom',
  },
});
