import { defineConfig } from 'vitest/config';

// Real-browser end-to-end tests: the built extension (.output/chrome-mv3) in Debian Chromium.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
  resolve: { alias: { '@': new URL('.', import.meta.url).pathname } },
});
