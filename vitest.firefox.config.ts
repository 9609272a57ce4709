import { defineConfig } from 'vitest/config';

// Firefox ESR end-to-end tests: the built extension (.output/firefox-mv2) through puppeteer-core over WebDriver BiDi.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.firefox.ts'],
    environment: 'node',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
  resolve: { alias: { '@': new URL('.', import.meta.url).pathname } },
});
