import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 240_000,
    projects: [
      {
        extends: true,
        test: { name: 'api', include: ['src/**/*.test.ts'], exclude: [...configDefaults.exclude, 'src/browser/**'] },
      },
      {
        // Real Chromium against the built server; global-setup.ts starts one server for
        // all these files, and only when one of them is selected.
        extends: true,
        test: { name: 'browser', include: ['src/browser/**/*.test.ts'], globalSetup: ['src/browser/global-setup.ts'] },
      },
    ],
  },
});
